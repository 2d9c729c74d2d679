namespace Seq2Seq.Plotting;

/// <summary>One plot of a <see cref="LineChart"/>: axis titles, an optional panel title and its series.</summary>
public sealed class ChartPanel
{
    public ChartPanel(string xAxisTitle, string yAxisTitle, IEnumerable<ChartSeries> series, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(xAxisTitle);
        ArgumentNullException.ThrowIfNull(yAxisTitle);
        ArgumentNullException.ThrowIfNull(series);
        XAxisTitle = xAxisTitle;
        YAxisTitle = yAxisTitle;
        Series = [.. series];
        if (Series.Any(s => s is null))
            throw new ArgumentException("A series is null.", nameof(series));
        Title = title;
    }

    public string XAxisTitle { get; }
    public string YAxisTitle { get; }
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Shown above the panel, e.g. "Loss" or "BLEU"; null for none.</summary>
    public string? Title { get; }
}

namespace Seq2Seq.Plotting;

/// <summary>
/// A named line of a <see cref="ChartPanel"/>, e.g. "train loss" per step. Points are drawn in the given
/// order; a point with a NaN or infinite coordinate breaks the line. The series keeps a copy of the points.
/// Series with the same name get the same color in every panel of a chart.
/// </summary>
public sealed class ChartSeries
{
    public ChartSeries(string name, IEnumerable<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        Name = name;
        Points = [.. points];
    }

    /// <summary>A series from parallel x and y lists of equal length.</summary>
    public ChartSeries(string name, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
        : this(name, Zip(xs, ys))
    {
    }

    /// <summary>Legend text.</summary>
    public string Name { get; }

    public IReadOnlyList<ChartPoint> Points { get; }

    private static IEnumerable<ChartPoint> Zip(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
            throw new ArgumentException($"x has {xs.Count} values but y has {ys.Count}.", nameof(ys));
        return xs.Select((x, i) => new ChartPoint(x, ys[i]));
    }
}

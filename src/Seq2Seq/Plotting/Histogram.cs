using SkiaSharp;
using System.Globalization;

namespace Seq2Seq.Plotting;

/// <summary>
/// The distribution of per-sentence scores (e.g. sentence BLEU 0–100) as a PNG bar chart of equal-width
/// bins, with count axis, a dashed mean line and a line "n = …, mean …, median …" under the title.
/// </summary>
/// <remarks>
/// NaN values are ignored (and counted in the summary line); values outside [min, max] fall into the
/// first or last bin. The last bin includes <c>max</c>. Without finite values the frame shows "no data".
/// The output is deterministic: the same input gives the same bytes.
/// </remarks>
public static class Histogram
{
    public const int DefaultWidth = 720;
    public const int DefaultHeight = 440;

    private static readonly SKColor BarColor = new(0x4C, 0x78, 0xA8);
    private static readonly SKColor MeanColor = new(0xD6, 0x27, 0x28);

    /// <summary>
    /// Writes the histogram to <paramref name="path"/> (PNG, atomically).
    /// </summary>
    /// <param name="binCount">Number of equal-width bins, 1 to 1000.</param>
    /// <param name="min">Left edge of the first bin; default the smallest value (e.g. pass 0 for BLEU).</param>
    /// <param name="max">Right edge of the last bin; default the largest value (e.g. pass 100 for BLEU).</param>
    public static void Write(string path, string title, IReadOnlyList<double> values, string xAxisTitle,
        int binCount = 20, double? min = null, double? max = null, string yAxisTitle = "sentences",
        int width = DefaultWidth, int height = DefaultHeight)
        => Write(path, title, values, xAxisTitle, binCount, min, max, yAxisTitle, width, height, ChartText.Shared);

    internal static void Write(string path, string title, IReadOnlyList<double> values, string xAxisTitle,
        int binCount, double? min, double? max, string yAxisTitle, int width, int height, ChartText text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(xAxisTitle);
        ArgumentNullException.ThrowIfNull(yAxisTitle);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(binCount, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 240);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 180);

        var finite = values.Where(double.IsFinite).ToArray();
        var (low, high) = Range(finite, min, max);
        var counts = Count(finite, binCount, low, high);
        var summary = Summary(finite, values.Count - finite.Length);

        PngOutput.Write(path, width, height, canvas =>
        {
            var top = 10f;
            if (title.Length > 0)
            {
                text.Draw(canvas, text.Fit(title, ChartTheme.TitleSize, width - 20, bold: true), width / 2f, top,
                    ChartTheme.TitleSize, ChartTheme.Text, TextAnchor.Middle, TextBaseline.Top, bold: true);
                top += text.LineHeight(ChartTheme.TitleSize) + 4;
            }
            text.Draw(canvas, text.Fit(summary, ChartTheme.LegendSize, width - 20), width / 2f, top,
                ChartTheme.LegendSize, ChartTheme.MutedText, TextAnchor.Middle, TextBaseline.Top);
            top += text.LineHeight(ChartTheme.LegendSize) + 4;

            var x = AxisScale.Fixed(low, high, binCount >= 10 ? 6 : Math.Max(2, binCount + 1));
            // Headroom above the tallest bar for the mean label.
            var y = AxisScale.Nice(0, Math.Max(1, counts.Max()) * 1.08, 6, integer: true);
            var frame = new PlotFrame(text, new SKRect(0, top, width, height), null, xAxisTitle, yAxisTitle, x, y);
            frame.DrawGrid(canvas, vertical: false);
            DrawBars(canvas, frame, counts, low, high);
            if (finite.Length == 0)
                frame.DrawNoData(canvas);
            else
                DrawMean(canvas, text, frame, finite.Average());
            frame.DrawAxes(canvas);
        });
    }

    /// <summary>
    /// Counts of <paramref name="values"/> in <paramref name="binCount"/> equal bins over [low, high]:
    /// bin i is [low + i·w, low + (i+1)·w), the last bin also holds high; values outside go to the edge bins.
    /// Non-finite values are skipped.
    /// </summary>
    internal static int[] Count(IReadOnlyList<double> values, int binCount, double low, double high)
    {
        var counts = new int[binCount];
        var width = (high - low) / binCount;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
                continue;
            var bin = width > 0 ? (int)Math.Floor((v - low) / width) : 0;
            counts[Math.Clamp(bin, 0, binCount - 1)]++;
        }
        return counts;
    }

    /// <summary>The bin range: the given bounds, else the data's; a zero-width range is widened by ±0.5.</summary>
    internal static (double Low, double High) Range(IReadOnlyList<double> finite, double? min, double? max)
    {
        var low = min is { } a && double.IsFinite(a) ? a : finite.Count > 0 ? finite.Min() : 0;
        var high = max is { } b && double.IsFinite(b) ? b : finite.Count > 0 ? finite.Max() : Math.Max(1, low + 1);
        if (high < low)
            (low, high) = (high, low);
        if (high - low <= Math.Max(Math.Abs(low), Math.Abs(high)) * 1e-12)
            (low, high) = (low - 0.5, high + 0.5);
        return (low, high);
    }

    private static void DrawBars(SKCanvas canvas, PlotFrame frame, int[] counts, double low, double high)
    {
        using var bar = new SKPaint { Color = BarColor, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        var binWidth = (high - low) / counts.Length;
        var baseY = frame.MapY(0);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
                continue;
            var rect = new SKRect(frame.MapX(low + i * binWidth), frame.MapY(counts[i]), frame.MapX(low + (i + 1) * binWidth), baseY);
            canvas.DrawRect(rect, bar);
            if (rect.Width >= 4)
                canvas.DrawRect(rect, edge);
        }
    }

    private static void DrawMean(SKCanvas canvas, ChartText text, PlotFrame frame, double mean)
    {
        var area = frame.PlotArea;
        var x = Math.Clamp(frame.MapX(mean), area.Left, area.Right);
        using var dashes = SKPathEffect.CreateDash([6, 4], 0);
        using var line = new SKPaint { Color = MeanColor, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true, PathEffect = dashes };
        canvas.DrawLine(x, area.Top, x, area.Bottom, line);
        var label = "mean " + mean.ToString("0.0", CultureInfo.InvariantCulture);
        var labelWidth = text.Width(label, ChartTheme.TickLabelSize);
        var onRight = x + 6 + labelWidth <= area.Right;
        var left = onRight ? x + 4 : x - 6 - labelWidth;
        using var background = new SKPaint { Color = ChartTheme.LegendBackground, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(SKRect.Create(left, area.Top + 3, labelWidth + 4, text.LineHeight(ChartTheme.TickLabelSize) + 2), background);
        text.Draw(canvas, label, onRight ? x + 6 : x - 4, area.Top + 4, ChartTheme.TickLabelSize, MeanColor,
            onRight ? TextAnchor.Start : TextAnchor.End, TextBaseline.Top);
    }

    private static string Summary(double[] finite, int skipped)
    {
        var culture = CultureInfo.InvariantCulture;
        var parts = new List<string> { "n = " + finite.Length.ToString("N0", culture) };
        if (finite.Length > 0)
        {
            var sorted = finite.Order().ToArray();
            var median = sorted.Length % 2 == 1
                ? sorted[sorted.Length / 2]
                : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            parts.Add("mean " + finite.Average().ToString("0.0#", culture));
            parts.Add("median " + median.ToString("0.0#", culture));
            parts.Add("min " + sorted[0].ToString("0.0#", culture));
            parts.Add("max " + sorted[^1].ToString("0.0#", culture));
        }
        if (skipped > 0)
            parts.Add(skipped.ToString("N0", culture) + " not finite, skipped");
        return string.Join("   ·   ", parts);
    }
}

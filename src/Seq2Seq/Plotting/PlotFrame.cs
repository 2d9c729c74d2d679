using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>
/// The Cartesian frame of one plot: lays out the plot area inside its bounds so that the
/// optional title, the tick labels and the axis titles fit, then draws grid, axes, ticks and labels.
/// </summary>
internal sealed class PlotFrame
{
    private const float Gap = 6;
    private readonly ChartText text;
    private readonly string? title;
    private readonly string xTitle;
    private readonly string yTitle;
    private readonly SKRect bounds;
    private readonly int xLabelStride;

    public PlotFrame(ChartText text, SKRect bounds, string? title, string xTitle, string yTitle, AxisScale x, AxisScale y)
    {
        this.text = text;
        this.bounds = bounds;
        this.title = string.IsNullOrWhiteSpace(title) ? null : title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        X = x;
        Y = y;

        var tickLine = text.LineHeight(ChartTheme.TickLabelSize);
        var yLabelWidth = y.Ticks.Select(t => text.Width(y.Format(t), ChartTheme.TickLabelSize)).DefaultIfEmpty(0).Max();
        var left = bounds.Left + Gap + (yTitle.Length > 0 ? text.LineHeight(ChartTheme.AxisTitleSize) + Gap : 0)
            + yLabelWidth + Gap + ChartTheme.TickLength;
        var top = bounds.Top + Gap + (this.title is null ? tickLine / 2 : text.LineHeight(ChartTheme.PanelTitleSize) + Gap * 2);
        var bottom = bounds.Bottom - Gap - ChartTheme.TickLength - Gap / 2 - tickLine
            - (xTitle.Length > 0 ? Gap + text.LineHeight(ChartTheme.AxisTitleSize) : 0);
        // Room on the right for half of the last x label, which is centred on the right edge.
        var lastXLabel = x.Ticks.Count > 0 ? text.Width(x.Format(x.Ticks[^1]), ChartTheme.TickLabelSize) : 0;
        var right = bounds.Right - Math.Max(Gap * 3, lastXLabel / 2 + Gap);
        PlotArea = new SKRect(left, top, Math.Max(left + 10, right), Math.Max(top + 10, bottom));
        xLabelStride = LabelStride();
    }

    public AxisScale X { get; }
    public AxisScale Y { get; }

    /// <summary>The rectangle inside the axes where data is drawn.</summary>
    public SKRect PlotArea { get; }

    public float MapX(double value) => X.Map(value, PlotArea.Left, PlotArea.Right);
    public float MapY(double value) => Y.Map(value, PlotArea.Bottom, PlotArea.Top);

    /// <summary>Light grid lines at every tick; draw before the data.</summary>
    public void DrawGrid(SKCanvas canvas, bool vertical = true)
    {
        using var grid = new SKPaint { Color = ChartTheme.Grid, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = false };
        foreach (var tick in Y.Ticks)
        {
            var py = Snap(MapY(tick));
            canvas.DrawLine(PlotArea.Left, py, PlotArea.Right, py, grid);
        }
        if (!vertical)
            return;
        foreach (var tick in X.Ticks)
        {
            var px = Snap(MapX(tick));
            canvas.DrawLine(px, PlotArea.Top, px, PlotArea.Bottom, grid);
        }
    }

    /// <summary>Axis lines, ticks, tick labels, axis titles and the plot title; draw after the data.</summary>
    public void DrawAxes(SKCanvas canvas)
    {
        var area = PlotArea;
        using var axis = new SKPaint { Color = ChartTheme.Axis, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = false };
        canvas.DrawLine(area.Left, Snap(area.Bottom), area.Right, Snap(area.Bottom), axis);
        canvas.DrawLine(Snap(area.Left), area.Top, Snap(area.Left), area.Bottom, axis);

        for (var i = 0; i < X.Ticks.Count; i++)
        {
            var px = Snap(MapX(X.Ticks[i]));
            canvas.DrawLine(px, area.Bottom, px, area.Bottom + ChartTheme.TickLength, axis);
            if (i % xLabelStride == 0)
                text.Draw(canvas, X.Format(X.Ticks[i]), px, area.Bottom + ChartTheme.TickLength + Gap / 2,
                    ChartTheme.TickLabelSize, ChartTheme.MutedText, TextAnchor.Middle, TextBaseline.Top);
        }
        foreach (var tick in Y.Ticks)
        {
            var py = Snap(MapY(tick));
            canvas.DrawLine(area.Left - ChartTheme.TickLength, py, area.Left, py, axis);
            text.Draw(canvas, Y.Format(tick), area.Left - ChartTheme.TickLength - Gap, py,
                ChartTheme.TickLabelSize, ChartTheme.MutedText, TextAnchor.End, TextBaseline.Middle);
        }

        if (xTitle.Length > 0)
            text.Draw(canvas, text.Fit(xTitle, ChartTheme.AxisTitleSize, area.Width), area.MidX, bounds.Bottom - Gap,
                ChartTheme.AxisTitleSize, ChartTheme.Text, TextAnchor.Middle, TextBaseline.Bottom);
        if (yTitle.Length > 0)
            text.Draw(canvas, text.Fit(yTitle, ChartTheme.AxisTitleSize, area.Height), bounds.Left + Gap, area.MidY,
                ChartTheme.AxisTitleSize, ChartTheme.Text, TextAnchor.Middle, TextBaseline.Top, rotationDegrees: -90);
        if (title is not null)
            text.Draw(canvas, text.Fit(title, ChartTheme.PanelTitleSize, bounds.Width - 2 * Gap, bold: true), area.MidX, bounds.Top + Gap,
                ChartTheme.PanelTitleSize, ChartTheme.Text, TextAnchor.Middle, TextBaseline.Top, bold: true);
    }

    /// <summary>"no data" in the middle of the plot area.</summary>
    public void DrawNoData(SKCanvas canvas)
        => text.Draw(canvas, "no data", PlotArea.MidX, PlotArea.MidY, ChartTheme.AxisTitleSize, ChartTheme.MutedText,
            TextAnchor.Middle, TextBaseline.Middle);

    /// <summary>Labels every n-th x tick so that neighbouring labels keep at least a small gap.</summary>
    private int LabelStride()
    {
        if (X.Ticks.Count < 2)
            return 1;
        var spacing = Math.Abs(MapX(X.Ticks[1]) - MapX(X.Ticks[0]));
        var widest = X.Ticks.Max(t => text.Width(X.Format(t), ChartTheme.TickLabelSize));
        var stride = 1;
        while (stride < X.Ticks.Count && spacing * stride < widest + 2 * Gap)
            stride++;
        return stride;
    }

    /// <summary>Centre of a pixel, so 1-px lines are crisp.</summary>
    private static float Snap(float coordinate) => MathF.Floor(coordinate) + 0.5f;
}

using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>
/// Training curves as a PNG: one or more panels (e.g. loss and BLEU), each with its own axes, grid,
/// numeric ticks, axis titles and legend, under a common title.
/// </summary>
/// <remarks>
/// Points with a NaN or infinite coordinate are skipped and break the line; series with few points
/// (or isolated points) get markers, so a single point is visible; a panel without any finite point
/// shows "no data" on a [0, 1] frame. The legend goes into the corner of the plot that covers the
/// fewest data. The output is deterministic: the same input gives the same bytes.
/// </remarks>
public static class LineChart
{
    public const int DefaultPanelWidth = 640;
    public const int DefaultPanelHeight = 420;

    private const int MarkerThreshold = 40;
    private const float LineWidth = 2;
    private const float MarkerRadius = 3.5f;
    private const float LegendInset = 8;
    private const float LegendPadding = 8;
    private const float LegendSwatch = 22;

    /// <summary>
    /// Writes the chart to <paramref name="path"/> (PNG, atomically). The image is
    /// <paramref name="panelWidth"/> × <paramref name="panelHeight"/> per panel plus the title strip.
    /// </summary>
    /// <exception cref="ArgumentException">No panels, or a panel size below 200 × 150.</exception>
    public static void Write(string path, string title, IReadOnlyList<ChartPanel> panels,
        PanelLayout layout = PanelLayout.SideBySide, int panelWidth = DefaultPanelWidth, int panelHeight = DefaultPanelHeight)
        => Write(path, title, panels, layout, panelWidth, panelHeight, ChartText.Shared);

    internal static void Write(string path, string title, IReadOnlyList<ChartPanel> panels,
        PanelLayout layout, int panelWidth, int panelHeight, ChartText text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
            throw new ArgumentException("A line chart needs at least one panel.", nameof(panels));
        if (panels.Any(p => p is null))
            throw new ArgumentException("A panel is null.", nameof(panels));
        ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelHeight, 150);

        var titleHeight = title.Length > 0 ? (int)MathF.Ceiling(text.LineHeight(ChartTheme.TitleSize) + 16) : 0;
        var columns = layout == PanelLayout.SideBySide ? panels.Count : 1;
        var rows = layout == PanelLayout.SideBySide ? 1 : panels.Count;
        var width = columns * panelWidth;
        var height = titleHeight + rows * panelHeight;
        var colors = ColorsByName(panels);

        PngOutput.Write(path, width, height, canvas =>
        {
            if (title.Length > 0)
                text.Draw(canvas, text.Fit(title, ChartTheme.TitleSize, width - 20, bold: true), width / 2f, 10,
                    ChartTheme.TitleSize, ChartTheme.Text, TextAnchor.Middle, TextBaseline.Top, bold: true);
            for (var i = 0; i < panels.Count; i++)
            {
                var (column, row) = layout == PanelLayout.SideBySide ? (i, 0) : (0, i);
                var bounds = SKRect.Create(column * panelWidth, titleHeight + row * panelHeight, panelWidth, panelHeight);
                DrawPanel(canvas, text, bounds, panels[i], colors);
            }
        });
    }

    private static void DrawPanel(SKCanvas canvas, ChartText text, SKRect bounds, ChartPanel panel, IReadOnlyDictionary<string, SKColor> colors)
    {
        var finite = panel.Series.SelectMany(s => s.Points).Where(IsFinite).ToList();
        var x = finite.Count == 0 ? AxisScale.Nice(0, 1) : AxisScale.Nice(finite.Min(p => p.X), finite.Max(p => p.X), 7);
        var y = finite.Count == 0 ? AxisScale.Nice(0, 1) : AxisScale.Nice(finite.Min(p => p.Y), finite.Max(p => p.Y), 6);
        var frame = new PlotFrame(text, bounds, panel.Title, panel.XAxisTitle, panel.YAxisTitle, x, y);
        frame.DrawGrid(canvas);

        canvas.Save();
        var clip = frame.PlotArea;
        clip.Inflate(MarkerRadius + 1, MarkerRadius + 1);
        canvas.ClipRect(clip);
        foreach (var series in panel.Series)
            DrawSeries(canvas, frame, series, colors[series.Name]);
        canvas.Restore();

        if (finite.Count == 0)
            frame.DrawNoData(canvas);
        DrawLegend(canvas, text, frame, panel.Series, colors);
        frame.DrawAxes(canvas);
    }

    private static void DrawSeries(SKCanvas canvas, PlotFrame frame, ChartSeries series, SKColor color)
    {
        var points = series.Points;
        var finiteCount = points.Count(IsFinite);
        if (finiteCount == 0)
            return;
        using var line = new SKPaint
        {
            Color = color, StrokeWidth = LineWidth, Style = SKPaintStyle.Stroke, IsAntialias = true,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        using var path = new SKPath();
        var penDown = false;
        foreach (var p in points)
        {
            if (!IsFinite(p))
            {
                penDown = false;
                continue;
            }
            var pixel = new SKPoint(frame.MapX(p.X), frame.MapY(p.Y));
            if (penDown)
                path.LineTo(pixel);
            else
                path.MoveTo(pixel);
            penDown = true;
        }
        canvas.DrawPath(path, line);

        using var marker = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        for (var i = 0; i < points.Count; i++)
        {
            if (!IsFinite(points[i]))
                continue;
            var isolated = (i == 0 || !IsFinite(points[i - 1])) && (i == points.Count - 1 || !IsFinite(points[i + 1]));
            if (finiteCount <= MarkerThreshold || isolated)
                canvas.DrawCircle(frame.MapX(points[i].X), frame.MapY(points[i].Y), MarkerRadius, marker);
        }
    }

    private static void DrawLegend(SKCanvas canvas, ChartText text, PlotFrame frame, IReadOnlyList<ChartSeries> series,
        IReadOnlyDictionary<string, SKColor> colors)
    {
        if (series.Count == 0 || !text.HasFont)
            return;
        var area = frame.PlotArea;
        var maxLabel = Math.Max(40, area.Width * 0.6f - LegendSwatch - 3 * LegendPadding);
        var labels = series
            .Select(s => text.Fit(s.Points.Any(IsFinite) ? s.Name : $"{s.Name} (no data)", ChartTheme.LegendSize, maxLabel))
            .ToList();
        var rowHeight = text.LineHeight(ChartTheme.LegendSize) + 4;
        var width = LegendSwatch + LegendPadding * 3 + labels.Max(l => text.Width(l, ChartTheme.LegendSize));
        var height = rowHeight * labels.Count + LegendPadding * 2 - 4;

        var rect = BestCorner(frame, series, width, height);
        using (var background = new SKPaint { Color = ChartTheme.LegendBackground, Style = SKPaintStyle.Fill, IsAntialias = true })
            canvas.DrawRoundRect(rect, 4, 4, background);
        using (var border = new SKPaint { Color = ChartTheme.LegendBorder, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true })
            canvas.DrawRoundRect(rect, 4, 4, border);

        for (var i = 0; i < labels.Count; i++)
        {
            var color = colors[series[i].Name];
            var midY = rect.Top + LegendPadding - 2 + rowHeight * i + rowHeight / 2;
            var x0 = rect.Left + LegendPadding;
            using var swatch = new SKPaint { Color = color, StrokeWidth = LineWidth, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
            canvas.DrawLine(x0, midY, x0 + LegendSwatch, midY, swatch);
            using var dot = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawCircle(x0 + LegendSwatch / 2, midY, MarkerRadius, dot);
            text.Draw(canvas, labels[i], x0 + LegendSwatch + LegendPadding, midY, ChartTheme.LegendSize, ChartTheme.Text,
                TextAnchor.Start, TextBaseline.Middle);
        }
    }

    /// <summary>The corner rectangle (upper right, upper left, lower right, lower left) that hides the fewest data samples.</summary>
    private static SKRect BestCorner(PlotFrame frame, IReadOnlyList<ChartSeries> series, float width, float height)
    {
        var area = frame.PlotArea;
        SKRect[] corners =
        [
            SKRect.Create(area.Right - LegendInset - width, area.Top + LegendInset, width, height),
            SKRect.Create(area.Left + LegendInset, area.Top + LegendInset, width, height),
            SKRect.Create(area.Right - LegendInset - width, area.Bottom - LegendInset - height, width, height),
            SKRect.Create(area.Left + LegendInset, area.Bottom - LegendInset - height, width, height),
        ];
        // A little clearance around the legend counts too, so curves do not graze its border.
        var zones = corners.Select(c => SKRect.Inflate(c, LegendInset, LegendInset)).ToArray();
        var hidden = new int[corners.Length];
        foreach (var s in series)
        {
            ChartPoint? previous = null;
            foreach (var p in s.Points)
            {
                if (!IsFinite(p))
                {
                    previous = null;
                    continue;
                }
                // Sample the segment from the previous point, so long straight lines count too.
                var samples = previous is null ? 1 : 8;
                for (var k = 1; k <= samples; k++)
                {
                    var t = (double)k / samples;
                    var sx = previous is { } a ? a.X + (p.X - a.X) * t : p.X;
                    var sy = previous is { } b ? b.Y + (p.Y - b.Y) * t : p.Y;
                    var pixel = new SKPoint(frame.MapX(sx), frame.MapY(sy));
                    for (var c = 0; c < corners.Length; c++)
                        if (zones[c].Contains(pixel))
                            hidden[c]++;
                }
                previous = p;
            }
        }
        var best = 0;
        for (var c = 1; c < corners.Length; c++)
            if (hidden[c] < hidden[best])
                best = c;
        return corners[best];
    }

    /// <summary>Palette colors by series name, in order of first appearance over all panels.</summary>
    private static Dictionary<string, SKColor> ColorsByName(IReadOnlyList<ChartPanel> panels)
    {
        var colors = new Dictionary<string, SKColor>(StringComparer.Ordinal);
        foreach (var series in panels.SelectMany(p => p.Series))
            if (!colors.ContainsKey(series.Name))
                colors[series.Name] = ChartTheme.Palette[colors.Count % ChartTheme.Palette.Length];
        return colors;
    }

    private static bool IsFinite(ChartPoint p) => double.IsFinite(p.X) && double.IsFinite(p.Y);
}

using SkiaSharp;
using System.Globalization;

namespace Seq2Seq.Plotting;

/// <summary>
/// An attention matrix as a PNG: one square cell per (target token, source token) pair, colored from
/// near-white (weight 0) to dark blue (weight 1), with the source tokens above the columns, the target
/// tokens left of the rows and a color bar. Tokens are drawn as given (SentencePiece "▁" included).
/// </summary>
/// <remarks>
/// Weights outside [0, 1] are clamped; NaN cells are gray with a diagonal stroke. Labels longer than
/// 170 px are shortened with "…". The output is deterministic: the same input gives the same bytes.
/// </remarks>
public static class Heatmap
{
    /// <summary>
    /// Writes the heatmap to <paramref name="path"/> (PNG, atomically).
    /// <paramref name="weights"/>[i, j] is the attention of target token i on source token j.
    /// </summary>
    /// <param name="showValues">Prints each weight in its cell when the cells are large enough.</param>
    /// <exception cref="ArgumentException">The matrix shape does not match the token counts.</exception>
    public static void Write(string path, string title, IReadOnlyList<string> sourceTokens, IReadOnlyList<string> targetTokens,
        float[,] weights, bool showValues = false)
        => Write(path, title, sourceTokens, targetTokens, weights, showValues, ChartText.Shared);

    internal static void Write(string path, string title, IReadOnlyList<string> sourceTokens, IReadOnlyList<string> targetTokens,
        float[,] weights, bool showValues, ChartText text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sourceTokens);
        ArgumentNullException.ThrowIfNull(targetTokens);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.GetLength(0) != targetTokens.Count || weights.GetLength(1) != sourceTokens.Count)
            throw new ArgumentException(
                $"The weights are {weights.GetLength(0)}x{weights.GetLength(1)} but there are {targetTokens.Count} target and {sourceTokens.Count} source tokens.",
                nameof(weights));
        if (sourceTokens.Any(t => t is null) || targetTokens.Any(t => t is null))
            throw new ArgumentException("A token is null.", sourceTokens.Any(t => t is null) ? nameof(sourceTokens) : nameof(targetTokens));

        var layout = HeatmapLayout.Create(text, title, sourceTokens, targetTokens);
        PngOutput.Write(path, layout.Width, layout.Height, canvas =>
        {
            if (layout.Title.Length > 0)
                text.Draw(canvas, layout.Title, layout.Width / 2f, layout.TitleTop, ChartTheme.TitleSize, ChartTheme.Text,
                    TextAnchor.Middle, TextBaseline.Top, bold: true);
            DrawCells(canvas, text, layout, weights, showValues);
            DrawLabels(canvas, text, layout);
            DrawColorBar(canvas, text, layout);
        });
    }

    private static void DrawCells(SKCanvas canvas, ChartText text, HeatmapLayout layout, float[,] weights, bool showValues)
    {
        var grid = layout.Grid;
        if (layout.Rows == 0 || layout.Columns == 0)
        {
            text.Draw(canvas, "empty matrix", grid.MidX, grid.MidY,
                ChartTheme.AxisTitleSize, ChartTheme.MutedText, TextAnchor.Middle, TextBaseline.Middle);
            return;
        }
        var valueSize = MathF.Min(11, layout.CellSize * 0.3f);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        using var hatch = new SKPaint { Color = new SKColor(0xA0, 0xA0, 0xA0), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        for (var row = 0; row < layout.Rows; row++)
        {
            for (var column = 0; column < layout.Columns; column++)
            {
                var value = weights[row, column];
                var cell = layout.Cell(row, column);
                fill.Color = ColorScale.At(value);
                canvas.DrawRect(cell, fill);
                if (float.IsNaN(value))
                {
                    canvas.DrawLine(cell.Left + 2, cell.Bottom - 2, cell.Right - 2, cell.Top + 2, hatch);
                    continue;
                }
                if (!showValues)
                    continue;
                var label = Math.Clamp(value, 0, 1).ToString("0.00", CultureInfo.InvariantCulture);
                if (text.Width(label, valueSize) <= layout.CellSize - 4 && valueSize >= 7)
                    text.Draw(canvas, label, cell.MidX, cell.MidY, valueSize,
                        ColorScale.IsDark(value) ? SKColors.White : ChartTheme.Text, TextAnchor.Middle, TextBaseline.Middle);
            }
        }
        using var border = new SKPaint { Color = ChartTheme.Axis, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
        canvas.DrawRect(SKRect.Create(grid.Left - 0.5f, grid.Top - 0.5f, grid.Width + 1, grid.Height + 1), border);
    }

    private static void DrawLabels(SKCanvas canvas, ChartText text, HeatmapLayout layout)
    {
        var grid = layout.Grid;
        var size = layout.TokenFontSize;
        for (var column = 0; column < layout.Columns; column++)
        {
            var cell = layout.Cell(0, column);
            if (layout.RotatedSourceLabels)
                text.Draw(canvas, layout.SourceLabels[column], cell.MidX, grid.Top - HeatmapLayout.Gap, size, ChartTheme.Text,
                    TextAnchor.Start, TextBaseline.Middle, rotationDegrees: -90);
            else
                text.Draw(canvas, layout.SourceLabels[column], cell.MidX, grid.Top - HeatmapLayout.Gap, size, ChartTheme.Text,
                    TextAnchor.Middle, TextBaseline.Bottom);
        }
        for (var row = 0; row < layout.Rows; row++)
        {
            var cell = layout.Cell(row, 0);
            text.Draw(canvas, layout.TargetLabels[row], grid.Left - HeatmapLayout.Gap, cell.MidY, size, ChartTheme.Text,
                TextAnchor.End, TextBaseline.Middle);
        }
        text.Draw(canvas, "source", grid.MidX, layout.SourceTitleTop, ChartTheme.AxisTitleSize, ChartTheme.MutedText,
            TextAnchor.Middle, TextBaseline.Top);
        text.Draw(canvas, "target", layout.TargetTitleLeft, grid.MidY, ChartTheme.AxisTitleSize, ChartTheme.MutedText,
            TextAnchor.Middle, TextBaseline.Top, rotationDegrees: -90);
    }

    private static void DrawColorBar(SKCanvas canvas, ChartText text, HeatmapLayout layout)
    {
        var bar = layout.ColorBar;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        var top = (int)MathF.Round(bar.Top);
        var bottom = (int)MathF.Round(bar.Bottom);
        for (var y = top; y < bottom; y++)
        {
            // Row centre → value: 1 at the top, 0 at the bottom.
            fill.Color = ColorScale.At(1 - (y + 0.5 - bar.Top) / bar.Height);
            canvas.DrawRect(bar.Left, y, bar.Width, 1, fill);
        }
        using var axis = new SKPaint { Color = ChartTheme.Axis, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
        canvas.DrawRect(SKRect.Create(bar.Left - 0.5f, bar.Top - 0.5f, bar.Width + 1, bar.Height + 1), axis);
        var scale = AxisScale.Fixed(0, 1, 6);
        foreach (var tick in scale.Ticks)
        {
            var y = MathF.Floor(scale.Map(tick, bar.Bottom, bar.Top)) + 0.5f;
            canvas.DrawLine(bar.Right, y, bar.Right + ChartTheme.TickLength, y, axis);
            text.Draw(canvas, scale.Format(tick), bar.Right + ChartTheme.TickLength + HeatmapLayout.Gap, y,
                ChartTheme.TickLabelSize, ChartTheme.MutedText, TextAnchor.Start, TextBaseline.Middle);
        }
    }
}

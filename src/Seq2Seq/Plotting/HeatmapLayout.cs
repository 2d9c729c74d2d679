using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>
/// Where everything of a <see cref="Heatmap"/> goes: the cell grid, the token labels (source above the
/// grid, rotated 90° when a label is wider than its cell; target on the left), the axis titles and
/// the color bar on the right.
/// </summary>
internal sealed class HeatmapLayout
{
    public const float Margin = 12;
    public const float Gap = 6;
    public const float MaxLabelWidth = 170;
    public const float ColorBarWidth = 16;
    public const float MinColorBarHeight = 180;
    private const float MaxGridExtent = 760;
    private const float MaxTitleWidth = 900;

    private HeatmapLayout()
    {
    }

    public int Width { get; private init; }
    public int Height { get; private init; }
    public int Rows { get; private init; }
    public int Columns { get; private init; }
    public float CellSize { get; private init; }
    public float TokenFontSize { get; private init; }
    public bool RotatedSourceLabels { get; private init; }

    /// <summary>The title, shortened with "…" if it would make the image wider than 900 px.</summary>
    public string Title { get; private init; } = "";
    public IReadOnlyList<string> SourceLabels { get; private init; } = [];
    public IReadOnlyList<string> TargetLabels { get; private init; } = [];

    /// <summary>Top-left corner of the cell grid.</summary>
    public SKPoint GridOrigin { get; private init; }
    public SKRect ColorBar { get; private init; }
    public float TitleTop { get; private init; }
    public float SourceTitleTop { get; private init; }
    public float TargetTitleLeft { get; private init; }

    /// <summary>The cell grid; for an empty matrix, a placeholder area for the "empty matrix" note.</summary>
    public SKRect Grid { get; private init; }

    /// <summary>The pixel rectangle of the cell of target token <paramref name="row"/> and source token <paramref name="column"/>.</summary>
    public SKRect Cell(int row, int column)
        => SKRect.Create(GridOrigin.X + column * CellSize, GridOrigin.Y + row * CellSize, CellSize, CellSize);

    public static HeatmapLayout Create(ChartText text, string title, IReadOnlyList<string> sourceTokens, IReadOnlyList<string> targetTokens)
    {
        var rows = targetTokens.Count;
        var columns = sourceTokens.Count;
        // Cells are square: as large as fits into about 760 px, between 8 and 44 px.
        var cell = MathF.Floor(Math.Clamp(MaxGridExtent / Math.Max(1, Math.Max(rows, columns)), 8, 44));
        var fontSize = Math.Clamp(cell * 0.8f, 7, 13);

        var sourceLabels = sourceTokens.Select(t => text.Fit(t, fontSize, MaxLabelWidth)).ToList();
        var targetLabels = targetTokens.Select(t => text.Fit(t, fontSize, MaxLabelWidth)).ToList();
        var sourceWidths = sourceLabels.Select(l => text.Width(l, fontSize)).ToList();
        var tokenLine = text.LineHeight(fontSize);
        var rotated = sourceWidths.Any(w => w > cell - 2);
        var sourceBand = rotated ? sourceWidths.DefaultIfEmpty(0).Max() : tokenLine;
        var targetBand = targetLabels.Select(l => text.Width(l, fontSize)).DefaultIfEmpty(0).Max();

        var titleLine = text.LineHeight(ChartTheme.TitleSize);
        var axisTitleLine = text.LineHeight(ChartTheme.AxisTitleSize);
        var empty = rows == 0 || columns == 0;
        var gridWidth = empty ? 160 : columns * cell;
        var gridHeight = empty ? MinColorBarHeight : rows * cell;

        var titleTop = Margin;
        var sourceTitleTop = titleTop + (title.Length > 0 ? titleLine + Gap * 2 : 0);
        var gridTop = sourceTitleTop + axisTitleLine + Gap + sourceBand + Gap;
        var targetTitleLeft = Margin;
        var gridLeft = targetTitleLeft + axisTitleLine + Gap + targetBand + Gap;

        var barHeight = Math.Max(gridHeight, MinColorBarHeight);
        var barLeft = gridLeft + gridWidth + Gap * 4;
        var barLabelWidth = text.Width("0.0", ChartTheme.TickLabelSize);
        var right = barLeft + ColorBarWidth + ChartTheme.TickLength + Gap + barLabelWidth + Margin;
        var bottom = gridTop + Math.Max(gridHeight, barHeight) + text.LineHeight(ChartTheme.TickLabelSize) / 2 + Margin;

        // A title wider than the rest widens the image, up to 900 px; the content is then centred under it.
        var fittedTitle = text.Fit(title, ChartTheme.TitleSize, MathF.Max(right, MaxTitleWidth) - 2 * Margin, bold: true);
        var titleWidth = text.Width(fittedTitle, ChartTheme.TitleSize, bold: true) + 2 * Margin;
        var shift = MathF.Max(0, (titleWidth - right) / 2);
        var width = (int)MathF.Ceiling(MathF.Max(right, titleWidth));
        return new HeatmapLayout
        {
            Width = width,
            Height = (int)MathF.Ceiling(bottom),
            Rows = rows,
            Columns = columns,
            CellSize = cell,
            TokenFontSize = fontSize,
            RotatedSourceLabels = rotated,
            Title = fittedTitle,
            SourceLabels = sourceLabels,
            TargetLabels = targetLabels,
            GridOrigin = new SKPoint(gridLeft + shift, gridTop),
            Grid = SKRect.Create(gridLeft + shift, gridTop, gridWidth, gridHeight),
            ColorBar = SKRect.Create(barLeft + shift, gridTop, ColorBarWidth, barHeight),
            TitleTop = titleTop,
            SourceTitleTop = sourceTitleTop,
            TargetTitleLeft = targetTitleLeft + shift,
        };
    }
}

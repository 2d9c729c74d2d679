using SkiaSharp;
using System.Text;

namespace Seq2Seq.Plotting;

/// <summary>
/// Measures and draws chart text with the typefaces from <see cref="ChartFonts"/>. With no typeface
/// (<see cref="None"/>) every width is zero and nothing is drawn, so charts still come out, unlabeled.
/// </summary>
internal sealed class ChartText(IReadOnlyList<SKTypeface> typefaces)
{
    /// <summary>Text with the process-wide fonts.</summary>
    public static ChartText Shared { get; } = new(ChartFonts.Shared);

    /// <summary>No fonts at all: charts are drawn without labels.</summary>
    public static ChartText None { get; } = new([]);

    /// <summary>True when text can be drawn.</summary>
    public bool HasFont => typefaces.Count > 0;

    /// <summary>Advance width of <paramref name="text"/> in pixels.</summary>
    public float Width(string text, float size, bool bold = false)
    {
        if (!HasFont || text.Length == 0)
            return 0;
        text = Clean(text);
        using var font = CreateFont(text, size, bold);
        return Measure(font, text);
    }

    /// <summary>Height of a line (ascent + descent) in pixels; a font-less chart still reserves space.</summary>
    public float LineHeight(float size)
    {
        if (!HasFont)
            return size * 1.2f;
        using var font = CreateFont("0", size, false);
        var m = font.Metrics;
        return m.Descent - m.Ascent;
    }

    /// <summary>
    /// Draws <paramref name="text"/> anchored at (x, y); when <paramref name="rotationDegrees"/> is not zero
    /// the text is rotated about that point (−90 reads bottom to top).
    /// </summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color,
        TextAnchor anchor = TextAnchor.Start, TextBaseline baseline = TextBaseline.Alphabetic,
        bool bold = false, float rotationDegrees = 0)
    {
        if (!HasFont || text.Length == 0)
            return;
        text = Clean(text);
        using var font = CreateFont(text, size, bold);
        var width = Measure(font, text);
        var m = font.Metrics;
        var dx = anchor switch
        {
            TextAnchor.Middle => -width / 2,
            TextAnchor.End => -width,
            _ => 0f,
        };
        var capHeight = m.CapHeight > 0 ? m.CapHeight : -m.Ascent * 0.7f;
        var dy = baseline switch
        {
            TextBaseline.Top => -m.Ascent,
            TextBaseline.Middle => capHeight / 2,
            TextBaseline.Bottom => -m.Descent,
            _ => 0f,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.Save();
        canvas.Translate(x, y);
        if (rotationDegrees != 0)
            canvas.RotateDegrees(rotationDegrees);
        canvas.DrawText(text, dx, dy, font, paint);
        canvas.Restore();
    }

    /// <summary>
    /// <paramref name="text"/> itself when it fits into <paramref name="maxWidth"/>, otherwise its longest
    /// prefix that fits followed by "…".
    /// </summary>
    public string Fit(string text, float size, float maxWidth, bool bold = false)
    {
        if (!HasFont || Width(text, size, bold) <= maxWidth)
            return text;
        const string ellipsis = "…";
        var info = new System.Globalization.StringInfo(text);
        for (var n = info.LengthInTextElements - 1; n > 0; n--)
        {
            var candidate = info.SubstringByTextElements(0, n) + ellipsis;
            if (Width(candidate, size, bold) <= maxWidth)
                return candidate;
        }
        return ellipsis;
    }

    private SKFont CreateFont(string text, float size, bool bold)
    {
        // The first typeface that has every glyph of the text; else the first one (missing glyphs show as boxes).
        var typeface = typefaces[0];
        if (typefaces.Count > 1)
        {
            foreach (var candidate in typefaces)
            {
                using var probe = new SKFont(candidate, size);
                if (probe.ContainsGlyphs(text))
                {
                    typeface = candidate;
                    break;
                }
            }
        }
        // Fixed rendering settings: the same input gives the same pixels.
        return new SKFont(typeface, size)
        {
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.Slight,
            Subpixel = true,
            LinearMetrics = true,
            Embolden = bold,
        };
    }

    private static float Measure(SKFont font, string text)
    {
        var count = font.CountGlyphs(text);
        if (count == 0)
            return 0;
        Span<ushort> glyphs = count <= 256 ? stackalloc ushort[count] : new ushort[count];
        font.GetGlyphs(text, glyphs);
        return font.MeasureText(glyphs);
    }

    /// <summary>Control characters (tabs, newlines inside tokens) would render as boxes; they become spaces.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString();
    }
}

using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>
/// Finds the typeface the charts draw their text with.
/// </summary>
/// <remarks>
/// SkiaSharp.NativeAssets.Linux.NoDependencies is built without fontconfig, so asking Skia for a font
/// by family name ("Arial", "sans-serif") is unreliable on Linux. Instead a TrueType file is loaded by
/// path (<see cref="SKTypeface.FromFile(string, int)"/>) from, in order: the file named by the
/// <c>SEQ2SEQ_FONT</c> environment variable, then a short list of well-known locations (DejaVu,
/// Liberation, Noto on Debian/Ubuntu, Fedora and Arch; Arial/Segoe UI on macOS and Windows). Every
/// candidate that loads and has glyphs is kept, so a label whose characters the first font lacks can
/// use a later one. If none loads, <see cref="SKTypeface.Default"/> is tried. If even that cannot
/// render digits and Latin letters (an empty typeface on a machine without fonts), the set is empty
/// and the charts are still written, only without any text: <see cref="ChartText"/> then measures
/// every string as zero width and draws nothing. A chart never fails because of fonts.
/// DejaVu Sans, present on this Debian 12 machine, covers ä ö ü ß é č ř and the SentencePiece "▁".
/// </remarks>
internal static class ChartFonts
{
    /// <summary>Environment variable naming a .ttf/.otf file to use before all other candidates.</summary>
    public const string EnvironmentVariable = "SEQ2SEQ_FONT";

    private static readonly string[] WellKnownPaths =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",          // Debian, Ubuntu
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",                   // Fedora, Alpine
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",        // Fedora (newer)
        "/usr/share/fonts/TTF/DejaVuSans.ttf",                      // Arch
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/google-noto/NotoSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",             // macOS
        "/Library/Fonts/Arial.ttf",
        @"C:\Windows\Fonts\segoeui.ttf",                            // Windows
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly Lazy<IReadOnlyList<SKTypeface>> SharedTypefaces = new(() => Load(CandidatePaths(Environment.GetEnvironmentVariable(EnvironmentVariable))));

    /// <summary>The process-wide typefaces, loaded once; empty when no usable font exists.</summary>
    public static IReadOnlyList<SKTypeface> Shared => SharedTypefaces.Value;

    /// <summary>Candidate font files in the order they are tried; <paramref name="environmentValue"/> first when set.</summary>
    public static IReadOnlyList<string> CandidatePaths(string? environmentValue)
    {
        var paths = new List<string>();
        if (!string.IsNullOrWhiteSpace(environmentValue))
            paths.Add(environmentValue.Trim());
        paths.AddRange(WellKnownPaths);
        return paths;
    }

    /// <summary>
    /// Loads every existing candidate that can render text, in order, skipping duplicates of a family
    /// already loaded; falls back to <see cref="SKTypeface.Default"/>; may return an empty list.
    /// </summary>
    public static IReadOnlyList<SKTypeface> Load(IEnumerable<string> candidatePaths)
    {
        var loaded = new List<SKTypeface>();
        foreach (var path in candidatePaths)
        {
            if (!File.Exists(path))
                continue;
            SKTypeface? typeface;
            try
            {
                typeface = SKTypeface.FromFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                continue;
            }
            if (typeface is null)
                continue;
            if (!CanRenderText(typeface) || loaded.Any(t => t.FamilyName == typeface.FamilyName))
            {
                typeface.Dispose();
                continue;
            }
            loaded.Add(typeface);
        }
        if (loaded.Count == 0)
        {
            var fallback = SKTypeface.Default;
            if (fallback is not null && CanRenderText(fallback))
                loaded.Add(fallback);
        }
        return loaded;
    }

    /// <summary>True when the typeface has glyphs for digits and basic Latin letters.</summary>
    public static bool CanRenderText(SKTypeface typeface)
    {
        if (typeface.GlyphCount <= 0)
            return false;
        using var font = new SKFont(typeface, 12);
        return font.ContainsGlyphs("0123456789.-ABCabcxyz");
    }
}

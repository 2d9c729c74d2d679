using System.Text;

namespace Seq2Seq.Evaluation.Compatibility;

/// <summary>
/// Python 3 <c>str</c> semantics that sacreBLEU relies on, re-implemented for .NET strings.
/// </summary>
/// <remarks>
/// sacreBLEU works on Unicode code points with Python's definitions of whitespace and lowercase, and .NET
/// differs on both:
/// <list type="bullet">
/// <item><c>char.IsWhiteSpace</c> does not accept U+001C..U+001F, which Python's <c>str.split()</c>,
/// <c>strip()</c> and <c>isspace()</c> treat as whitespace.</item>
/// <item><c>ToLowerInvariant</c> leaves U+0130 (İ) unchanged, where Python gives "i" + U+0307, and never
/// produces the final sigma ς.</item>
/// </list>
/// No Unicode normalisation is applied anywhere: NFC and NFD spellings stay different, as in sacreBLEU.
/// </remarks>
public static class PythonText
{
    /// <summary>
    /// Python's <c>str.isspace()</c> for one UTF-16 unit. Every Python whitespace code point is in the BMP,
    /// so a surrogate is never whitespace. The set is: U+0009..U+000D, U+001C..U+001F (file/group/record/unit
    /// separators; not whitespace for .NET), U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000. U+200B (zero width space), U+2060 (word joiner) and U+FEFF are NOT whitespace.
    /// </summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= 0x20)
        {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85)
        {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
            || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /// <summary>Python's <c>s.split()</c> (no argument): runs of whitespace separate, empty tokens never appear.</summary>
    public static List<string> Split(string s)
    {
        var tokens = new List<string>();
        int i = 0;
        int n = s.Length;
        while (i < n)
        {
            while (i < n && IsWhiteSpace(s[i]))
            {
                i++;
            }
            int start = i;
            while (i < n && !IsWhiteSpace(s[i]))
            {
                i++;
            }
            if (i > start)
            {
                tokens.Add(s.Substring(start, i - start));
            }
        }
        return tokens;
    }

    /// <summary>Python's <c>' '.join(s.split())</c>: whitespace runs become one space, none at either end.</summary>
    public static string CollapseWhiteSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        AppendCollapsed(sb, s);
        return sb.ToString();
    }

    /// <summary>Appends <c>' '.join(s.split())</c> to <paramref name="sb"/>.</summary>
    internal static void AppendCollapsed(StringBuilder sb, string s)
    {
        int start = sb.Length;
        bool pendingSpace = false;
        foreach (char c in s)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > start)
            {
                sb.Append(' ');
            }
            pendingSpace = false;
            sb.Append(c);
        }
    }

    /// <summary>Python's <c>''.join(s.split())</c>: every whitespace character removed.</summary>
    public static string RemoveWhiteSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (!IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>s.rstrip()</c> with Python's whitespace set.</summary>
    public static string RStrip(string s)
    {
        int end = s.Length;
        while (end > 0 && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }
        return end == s.Length ? s : s.Substring(0, end);
    }

    /// <summary>Python's <c>s.strip()</c> with Python's whitespace set.</summary>
    public static string Strip(string s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && IsWhiteSpace(s[start]))
        {
            start++;
        }
        while (end > start && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }
        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }

    /// <summary>Number of code points (Python's <c>len(s)</c>): a surrogate pair counts once.</summary>
    public static int CodePointCount(string s)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            count++;
        }
        return count;
    }

    /// <summary>
    /// UTF-16 offsets where each code point starts, followed by <c>s.Length</c>; code point k is
    /// <c>s[b[k]..b[k+1]]</c>. A lone surrogate counts as one code point, as in Python's surrogateescape strings.
    /// </summary>
    public static int[] CodePointBoundaries(string s)
    {
        var bounds = new int[s.Length + 1];
        int k = 0;
        for (int i = 0; i < s.Length; i++)
        {
            bounds[k++] = i;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
        }
        bounds[k] = s.Length;
        Array.Resize(ref bounds, k + 1);
        return bounds;
    }

    /// <summary>
    /// Python's <c>str.lower()</c>. Python applies the full Unicode lowercase mapping per code point, which is the
    /// simple mapping (.NET's invariant <see cref="Rune.ToLowerInvariant"/>, checked identical over all code points)
    /// except for:
    /// <list type="bullet">
    /// <item>U+0130 (İ) becomes two code points "i" + U+0307 (the only unconditional multi-character lowercase
    /// mapping of SpecialCasing.txt); .NET leaves it unchanged.</item>
    /// <item>U+03A3 (Σ) becomes final sigma ς (U+03C2) when it is preceded by a cased letter and not followed by one,
    /// skipping case-ignorable characters on both sides (Unicode's Final_Sigma condition, which CPython
    /// implements); otherwise σ.</item>
    /// </list>
    /// Other SpecialCasing entries are language-conditional (Lithuanian, Turkish, Azeri) and Python ignores them.
    /// </summary>
    public static string Lower(string s)
    {
        // Fast path: pure ASCII without upper case needs no copy.
        bool needsWork = false;
        foreach (char c in s)
        {
            if (c >= 'A' && c <= 'Z' || c >= 0x80)
            {
                needsWork = true;
                break;
            }
        }
        if (!needsWork)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length + 4);
        int i = 0;
        while (i < s.Length)
        {
            Rune r = ReadRune(s, i, out int width);
            if (width == 1 && char.IsSurrogate(s[i]))
            {
                // A lone surrogate has no case: keep it as it is.
                sb.Append(s[i]);
            }
            else if (r.Value == 0x130)
            {
                sb.Append('i').Append('\u0307');
            }
            else if (r.Value == 0x3A3)
            {
                sb.Append(IsFinalSigma(s, i, width) ? '\u03C2' : '\u03C3');
            }
            else
            {
                Rune lower = Rune.ToLowerInvariant(r);
                if (lower.IsBmp)
                {
                    sb.Append((char)lower.Value);
                }
                else
                {
                    sb.Append(lower.ToString());
                }
            }
            i += width;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Reads the code point at <paramref name="index"/> for classification. A lone surrogate (possible in a .NET
    /// string) is not a valid <see cref="Rune"/>: it is reported as U+FFFD, which like a surrogate has no case and
    /// is neither punctuation nor symbol nor digit, with <paramref name="width"/> 1. Callers copy the original
    /// UTF-16 units to the output, never the returned value, so the text itself is kept unchanged.
    /// </summary>
    internal static Rune ReadRune(string s, int index, out int width)
    {
        char c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return new Rune(c, s[index + 1]);
        }
        width = 1;
        // A lone surrogate is not a valid Rune; it has no case and category Cs, like U+FFFD has no case.
        return char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
    }

    /// <summary>
    /// The Unicode general category of the code point at <paramref name="index"/>, with a lone surrogate
    /// reported as <see cref="System.Globalization.UnicodeCategory.Surrogate"/> (Python's "Cs").
    /// </summary>
    internal static System.Globalization.UnicodeCategory CategoryAt(string s, int index, out int width)
    {
        char c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return Rune.GetUnicodeCategory(new Rune(c, s[index + 1]));
        }
        width = 1;
        return System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
    }

    /// <summary>
    /// CPython's Final_Sigma test: scanning backwards from the sigma over case-ignorable code points, the first
    /// other code point must exist and be cased; scanning forwards the same way, there must be no cased code point
    /// (end of string, or a code point that is not cased).
    /// </summary>
    private static bool IsFinalSigma(string s, int index, int width)
    {
        int j = index;
        bool precededByCased = false;
        while (j > 0)
        {
            int start = j - 1;
            if (char.IsLowSurrogate(s[start]) && start > 0 && char.IsHighSurrogate(s[start - 1]))
            {
                start--;
            }
            Rune r = ReadRune(s, start, out _);
            j = start;
            if (!IsCaseIgnorable(r))
            {
                precededByCased = IsCased(r);
                break;
            }
        }
        if (!precededByCased)
        {
            return false;
        }
        int k = index + width;
        while (k < s.Length)
        {
            Rune r = ReadRune(s, k, out int w);
            if (!IsCaseIgnorable(r))
            {
                return !IsCased(r);
            }
            k += w;
        }
        return true;
    }

    /// <summary>
    /// Unicode's Cased property: Lu, Ll, Lt, plus Other_Lowercase / Other_Uppercase code points (modifier
    /// letters such as ª º ʰ, Roman numerals, circled letters...). The extra ranges were derived from CPython's
    /// <c>str.islower/isupper/istitle</c> (Unicode 14) plus U+1E030..U+1E06D added in Unicode 15.
    /// </summary>
    internal static bool IsCased(Rune r)
    {
        var cat = Rune.GetUnicodeCategory(r);
        if (cat is System.Globalization.UnicodeCategory.UppercaseLetter
            or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter)
        {
            return true;
        }
        int v = r.Value;
        foreach (var (lo, hi) in OtherCasedRanges)
        {
            if (v < lo)
            {
                return false;
            }
            if (v <= hi)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly (int Lo, int Hi)[] OtherCasedRanges =
    [
        (0xAA, 0xAA), (0xBA, 0xBA), (0x2B0, 0x2B8), (0x2C0, 0x2C1), (0x2E0, 0x2E4), (0x345, 0x345),
        (0x37A, 0x37A), (0x1D2C, 0x1D6A), (0x1D78, 0x1D78), (0x1D9B, 0x1DBF), (0x2071, 0x2071),
        (0x207F, 0x207F), (0x2090, 0x209C), (0x2160, 0x217F), (0x24B6, 0x24E9), (0x2C7C, 0x2C7D),
        (0xA69C, 0xA69D), (0xA770, 0xA770), (0xA7F8, 0xA7F9), (0xAB5C, 0xAB5F), (0x10780, 0x10780),
        (0x10783, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA), (0x1E030, 0x1E06D), (0x1F130, 0x1F149),
        (0x1F150, 0x1F169), (0x1F170, 0x1F189),
    ];

    /// <summary>
    /// Unicode's Case_Ignorable property: categories Mn, Me, Cf, Lm, Sk plus the Word_Break MidLetter,
    /// MidNumLet and Single_Quote characters (' . : · · ՟ ״ ‘ ’ ․ ‧ ︓ ﹒ ﹕ ＇ ． ：), as verified against CPython.
    /// </summary>
    internal static bool IsCaseIgnorable(Rune r)
    {
        switch (Rune.GetUnicodeCategory(r))
        {
            case System.Globalization.UnicodeCategory.NonSpacingMark:
            case System.Globalization.UnicodeCategory.EnclosingMark:
            case System.Globalization.UnicodeCategory.Format:
            case System.Globalization.UnicodeCategory.ModifierLetter:
            case System.Globalization.UnicodeCategory.ModifierSymbol:
                return true;
        }
        return r.Value switch
        {
            0x27 or 0x2E or 0x3A or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
                or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A => true,
            _ => false,
        };
    }
}

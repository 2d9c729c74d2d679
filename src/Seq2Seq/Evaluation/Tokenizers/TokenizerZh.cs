using Seq2Seq.Evaluation.Compatibility;
using System.Text;

namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// sacreBLEU's "zh" tokenizer: <c>strip()</c>, a space on each side of every "Chinese" code point, then the
/// mteval substitutions and whitespace collapsing (<see cref="MtevalRegexSteps"/>) WITHOUT 13a's padding, entity
/// unescaping or &lt;skipped&gt; handling.
/// </summary>
public sealed class TokenizerZh : IBleuTokenizer
{
    /// <inheritdoc/>
    public string Signature => "zh";

    /// <inheritdoc/>
    public string Tokenize(string line)
    {
        line = PythonText.Strip(line);
        var sb = new StringBuilder(line.Length * 2);
        int i = 0;
        while (i < line.Length)
        {
            int width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            // Only BMP code points can be "Chinese" (see IsChineseChar); a surrogate pair is copied as it is.
            if (width == 1 && IsChineseChar(line[i]))
            {
                sb.Append(' ').Append(line[i]).Append(' ');
            }
            else
            {
                sb.Append(line, i, width);
            }
            i += width;
        }
        return MtevalRegexSteps.Apply(sb.ToString());
    }

    /// <summary>
    /// sacreBLEU's <c>_is_chinese_char</c>, including its quirk. Its table compares a one-character string with
    /// range bounds written as Python strings, and two bounds meant as astral code points were written
    /// <c>u'\u20000'</c>/<c>u'\u2a6d6'</c> and <c>u'\u2f800'</c>/<c>u'\u2fa1d'</c>, i.e. 2-character strings
    /// (U+2000 + "0", ...). String comparison then accepts:
    /// <list type="bullet">
    /// <item>U+2001..U+2A6D (c ≥ "\u2000" + "0" means c &gt; U+2000; c ≤ "\u2a6d" + "6" means c ≤ U+2A6D). This covers
    /// general punctuation – — ‘ ’ “ ” … •, € and other currency signs, ™ ℃, arrows, maths operators, box drawing,
    /// dingbats... all of which are then split off as if they were ideographs.</item>
    /// <item>U+2F81..U+2FA1 (already inside the Kangxi radicals range).</item>
    /// <item>No astral code point: a real Ext-B ideograph U+20000+ compares greater than every upper bound, so it is
    /// NOT split.</item>
    /// </list>
    /// </summary>
    public static bool IsChineseChar(char c)
    {
        int v = c;
        return (v >= 0x3400 && v <= 0x4DB5)   // CJK Unified Ideographs Extension A
            || (v >= 0x4E00 && v <= 0x9FA5)   // CJK Unified Ideographs
            || (v >= 0x9FA6 && v <= 0x9FBB)   // CJK Unified Ideographs 4.1
            || (v >= 0xF900 && v <= 0xFA2D)   // CJK Compatibility Ideographs
            || (v >= 0xFA30 && v <= 0xFA6A)
            || (v >= 0xFA70 && v <= 0xFAD9)
            || (v >= 0x2001 && v <= 0x2A6D)   // the u'\u20000'..u'\u2a6d6' quirk (meant: Ext-B)
            || (v >= 0x2F81 && v <= 0x2FA1)   // the u'\u2f800'..u'\u2fa1d' quirk (meant: Compat. Supplement)
            || (v >= 0xFF00 && v <= 0xFFEF)   // full-width ASCII and punctuation
            || (v >= 0x2E80 && v <= 0x2EFF)   // CJK Radicals Supplement
            || (v >= 0x3000 && v <= 0x303F)   // CJK punctuation
            || (v >= 0x31C0 && v <= 0x31EF)   // CJK strokes
            || (v >= 0x2F00 && v <= 0x2FDF)   // Kangxi Radicals
            || (v >= 0x2FF0 && v <= 0x2FFF)   // ideographic description characters
            || (v >= 0x3100 && v <= 0x312F)   // Bopomofo
            || (v >= 0x31A0 && v <= 0x31BF)   // Bopomofo extended
            || (v >= 0xFE10 && v <= 0xFE1F)   // vertical forms
            || (v >= 0xFE30 && v <= 0xFE4F)   // CJK compatibility forms
            || (v >= 0x2600 && v <= 0x26FF)   // miscellaneous symbols
            || (v >= 0x2700 && v <= 0x27BF)   // dingbats
            || (v >= 0x3200 && v <= 0x32FF)   // enclosed CJK letters and months
            || (v >= 0x3300 && v <= 0x33FF);  // CJK compatibility
    }
}

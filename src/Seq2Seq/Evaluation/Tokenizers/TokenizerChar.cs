using System.Text;

namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// sacreBLEU's "char" tokenizer: <c>' '.join(code points)</c>. After the whitespace split every non-whitespace
/// code point is its own token: a surrogate pair (emoji, Ext-B ideograph) is ONE token, not two UTF-16 units, and
/// combining marks, ZWJ (U+200D), VS16 (U+FE0F) and skin-tone modifiers are tokens of their own (no grapheme
/// clustering). Whitespace code points become empty parts that the split drops.
/// </summary>
public sealed class TokenizerChar : IBleuTokenizer
{
    /// <inheritdoc/>
    public string Signature => "char";

    /// <inheritdoc/>
    public string Tokenize(string line)
    {
        var sb = new StringBuilder(line.Length * 2);
        int i = 0;
        while (i < line.Length)
        {
            int width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            if (i > 0)
            {
                sb.Append(' ');
            }
            sb.Append(line, i, width);
            i += width;
        }
        return sb.ToString();
    }
}

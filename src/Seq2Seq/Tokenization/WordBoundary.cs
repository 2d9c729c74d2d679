using System.Text;

namespace Seq2Seq.Tokenization;

/// <summary>
/// The SentencePiece-style word-boundary scheme shared by the BPE learner and the subword tokenizer.
/// Normalized text is split at U+0020 spaces; each word becomes <c>"▁" + Escape(word)</c> (U+2581), and the
/// subword tokens keep that marker inside them. Decoding concatenates the tokens, turns every unescaped "▁"
/// into a space and drops the single leading space, so <c>Decode(Encode(s)) == s</c> exactly for any text
/// made of single-space-separated words (which is what <see cref="TextNormalizer"/> produces).
/// <para>
/// Text may itself contain "▁" (or the escape character U+E000, a private-use code point); such a literal
/// character is written as U+E000 followed by the character, so it is never mistaken for a word boundary.
/// </para>
/// </summary>
public static class WordBoundary
{
    /// <summary>U+2581 LOWER ONE EIGHTH BLOCK, the word-boundary marker.</summary>
    public const char Marker = '\u2581';

    /// <summary>Marker as a string.</summary>
    public const string MarkerString = "\u2581";

    /// <summary>U+E000 (private use): escapes a literal <see cref="Marker"/> or a literal escape character.</summary>
    public const char Escape = '\uE000';

    /// <summary>Splits normalized text into its words (at U+0020; empty words from repeated spaces are dropped).</summary>
    public static string[] SplitWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The marked form of one word (no spaces inside): "▁" + the word with "▁"/U+E000 escaped.</summary>
    public static string MarkWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.AsSpan().IndexOfAny(Marker, Escape) < 0)
        {
            return string.Concat(MarkerString, word);
        }

        var sb = new StringBuilder(word.Length + 4);
        sb.Append(Marker);
        foreach (char c in word)
        {
            if (c is Marker or Escape)
            {
                sb.Append(Escape);
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text of a token sequence: concatenation, unescaped "▁" → space, escaped characters → themselves,
    /// and the one leading space (from the first word's marker) removed.
    /// </summary>
    public static string Decode(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var joined = new StringBuilder();
        foreach (string token in tokens)
        {
            joined.Append(token);
        }

        var sb = new StringBuilder(joined.Length);
        for (int i = 0; i < joined.Length; i++)
        {
            char c = joined[i];
            if (c == Escape && i + 1 < joined.Length && joined[i + 1] is Marker or Escape)
            {
                sb.Append(joined[i + 1]);
                i++;
            }
            else
            {
                sb.Append(c == Marker ? ' ' : c);
            }
        }

        if (sb.Length > 0 && sb[0] == ' ')
        {
            sb.Remove(0, 1);
        }

        return sb.ToString();
    }
}

using Seq2Seq.Evaluation.Compatibility;
using System.Globalization;
using System.Text;

namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// sacreBLEU's "intl" tokenizer (mteval-v14 international), which uses Unicode properties through Python's
/// <c>regex</c> module:
/// <c>(\P{N})(\p{P})</c> → <c>'\1 \2 '</c>, then <c>(\p{P})(\P{N})</c> → <c>' \1 \2'</c>, then
/// <c>(\p{S})</c> → <c>' \1 '</c>, then whitespace collapsing.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>No padding, no entity unescaping and no &lt;skipped&gt; handling (unlike 13a).</item>
/// <item>Punctuation between two digits stays ("1,000.50", "3-4"), and "2019." at the end of a line stays one
/// token, because there is no padding space after the final period (a faithful copy of mteval-v14's bug).</item>
/// <item>"It's" becomes "It ' s" (the apostrophe is \p{P}).</item>
/// <item>Works on code points: an astral \p{S} such as an emoji is split off as a whole surrogate pair. .NET's
/// Regex would see two surrogate units (category Cs) and split nothing, hence this hand-written scanner.</item>
/// <item>\p{N} = Nd, Nl, No (so "²" or "½" count as numbers); \p{P} = Pc, Pd, Ps, Pe, Pi, Pf, Po;
/// \p{S} = Sm, Sc, Sk, So. Categories come from .NET's Unicode tables, which agree with CPython's except for
/// characters assigned in different Unicode versions.</item>
/// <item>Like <c>re.sub</c>, matches of each step are non-overlapping, left to right.</item>
/// </list>
/// </remarks>
public sealed class TokenizerIntl : IBleuTokenizer
{
    /// <inheritdoc/>
    public string Signature => "intl";

    /// <inheritdoc/>
    public string Tokenize(string line)
    {
        string s = SplitPunctuationAfterNonNumber(line);
        s = SplitPunctuationBeforeNonNumber(s);
        s = PadSymbols(s);
        return PythonText.CollapseWhiteSpace(s);
    }

    /// <summary><c>(\P{N})(\p{P})</c> → <c>'\1 \2 '</c>.</summary>
    internal static string SplitPunctuationAfterNonNumber(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        int i = 0;
        while (i < s.Length)
        {
            var first = PythonText.CategoryAt(s, i, out int w1);
            int j = i + w1;
            if (j < s.Length && !IsNumber(first))
            {
                var second = PythonText.CategoryAt(s, j, out int w2);
                if (IsPunctuation(second))
                {
                    sb.Append(s, i, w1).Append(' ').Append(s, j, w2).Append(' ');
                    i = j + w2;
                    continue;
                }
            }
            sb.Append(s, i, w1);
            i = j;
        }
        return sb.ToString();
    }

    /// <summary><c>(\p{P})(\P{N})</c> → <c>' \1 \2'</c>.</summary>
    internal static string SplitPunctuationBeforeNonNumber(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        int i = 0;
        while (i < s.Length)
        {
            var first = PythonText.CategoryAt(s, i, out int w1);
            int j = i + w1;
            if (j < s.Length && IsPunctuation(first))
            {
                var second = PythonText.CategoryAt(s, j, out int w2);
                if (!IsNumber(second))
                {
                    sb.Append(' ').Append(s, i, w1).Append(' ').Append(s, j, w2);
                    i = j + w2;
                    continue;
                }
            }
            sb.Append(s, i, w1);
            i = j;
        }
        return sb.ToString();
    }

    /// <summary><c>(\p{S})</c> → <c>' \1 '</c>: every symbol code point is padded.</summary>
    internal static string PadSymbols(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        int i = 0;
        while (i < s.Length)
        {
            var cat = PythonText.CategoryAt(s, i, out int w);
            if (IsSymbol(cat))
            {
                sb.Append(' ').Append(s, i, w).Append(' ');
            }
            else
            {
                sb.Append(s, i, w);
            }
            i += w;
        }
        return sb.ToString();
    }

    private static bool IsNumber(UnicodeCategory c) =>
        c is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsPunctuation(UnicodeCategory c) =>
        c is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    private static bool IsSymbol(UnicodeCategory c) =>
        c is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}

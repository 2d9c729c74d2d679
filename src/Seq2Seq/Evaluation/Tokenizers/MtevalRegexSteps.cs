using Seq2Seq.Evaluation.Compatibility;
using System.Text;

namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// The four regular-expression substitutions of mteval-v13a (sacreBLEU's <c>TokenizerRegexp</c>), shared by the
/// 13a and zh tokenizers, followed by whitespace collapsing. Each substitution is a hand-written scanner that
/// reproduces Python <c>re.sub</c> exactly: matches are found left to right and do not overlap, so after a
/// two-character match the scan resumes after its second character.
/// </summary>
/// <remarks>
/// Every character class involved is ASCII (<c>[0-9]</c>, <c>[.,]</c>, <c>-</c>, the symbol set) or the negation
/// of an ASCII class (<c>[^0-9]</c>). Scanning UTF-16 units instead of code points therefore gives the same output:
/// a surrogate is never in an ASCII class, a high surrogate followed by its low surrogate never starts a
/// two-character match, and a low surrogate matches <c>[^0-9]</c> just as the whole astral character would.
/// <c>[0-9]</c> is ASCII only: Arabic-Indic and other Unicode digits are "non-digits" here (.NET's <c>\d</c> would
/// be wrong).
/// </remarks>
public static class MtevalRegexSteps
{
    /// <summary>Applies the four substitutions in order, then <c>' '.join(line.split())</c>.</summary>
    public static string Apply(string line)
    {
        string s = PadSymbols(line);
        s = SplitPeriodCommaAfterNonDigit(s);
        s = SplitPeriodCommaBeforeNonDigit(s);
        s = SplitDashAfterDigit(s);
        return PythonText.CollapseWhiteSpace(s);
    }

    /// <summary>
    /// <c>([\{-\~\[-\` -\&amp;\(-\+\:-\@\/])</c> → <c>' \1 '</c>. The class is exactly the ASCII characters
    /// <c>{ | } ~ [ \ ] ^ _ ` space ! " # $ % &amp; ( ) * + : ; &lt; = &gt; ? @ /</c>. It does NOT contain
    /// <c>'</c> <c>,</c> <c>-</c> <c>.</c> nor any non-ASCII character (so „ “ « » – — … ’ € and emoji are never
    /// split by this step).
    /// </summary>
    internal static string PadSymbols(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (char c in s)
        {
            if (IsPaddedSymbol(c))
            {
                sb.Append(' ').Append(c).Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Membership in the first substitution's character class (ranges { to ~, [ to `, space to &amp;,
    /// ( to +, : to @, and /).</summary>
    internal static bool IsPaddedSymbol(char c) =>
        (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&')
        || (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';

    /// <summary><c>([^0-9])([\.,])</c> → <c>'\1 \2 '</c>: a period or comma after a non-digit is split off.
    /// Non-overlapping: in "a.." the first match consumes "a.", and the second '.' has no left partner of its own
    /// (it stays glued until the next step separates it).</summary>
    internal static string SplitPeriodCommaAfterNonDigit(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        int i = 0;
        while (i < s.Length)
        {
            if (i + 1 < s.Length && !IsAsciiDigit(s[i]) && IsPeriodOrComma(s[i + 1]))
            {
                sb.Append(s[i]).Append(' ').Append(s[i + 1]).Append(' ');
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>([\.,])([^0-9])</c> → <c>' \1 \2'</c>: a period or comma before a non-digit is split off.
    /// Together with the previous step this keeps "1,000.50" whole (digits on both sides), and because 13a pads
    /// the line with spaces first, "2019." at the end of a line becomes "2019 ." (the '.' is followed by the pad).
    /// </summary>
    internal static string SplitPeriodCommaBeforeNonDigit(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        int i = 0;
        while (i < s.Length)
        {
            if (i + 1 < s.Length && IsPeriodOrComma(s[i]) && !IsAsciiDigit(s[i + 1]))
            {
                sb.Append(' ').Append(s[i]).Append(' ').Append(s[i + 1]);
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>([0-9])(-)</c> → <c>'\1 \2 '</c>: a hyphen after an ASCII digit is split off, so "3-4" becomes
    /// "3 - 4" while "well-known" and "-5" stay whole.</summary>
    internal static string SplitDashAfterDigit(string s)
    {
        if (s.IndexOf('-') < 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length + 8);
        int i = 0;
        while (i < s.Length)
        {
            if (i + 1 < s.Length && IsAsciiDigit(s[i]) && s[i + 1] == '-')
            {
                sb.Append(s[i]).Append(' ').Append('-').Append(' ');
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
                i++;
            }
        }
        return sb.ToString();
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsPeriodOrComma(char c) => c == '.' || c == ',';
}

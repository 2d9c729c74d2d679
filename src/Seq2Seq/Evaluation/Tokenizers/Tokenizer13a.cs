namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// sacreBLEU's default tokenizer "13a", equivalent to mteval-v13a.pl as used by WMT.
/// </summary>
public sealed class Tokenizer13a : IBleuTokenizer
{
    /// <inheritdoc/>
    public string Signature => "13a";

    /// <inheritdoc/>
    public string Tokenize(string line)
    {
        // 1. Ordinal, sequential replacements, in this order: "<skipped>" is removed, a hyphen at the end of a
        //    line joins it with the next ("-\n" removed), and any other newline becomes a space.
        line = line.Replace("<skipped>", "", StringComparison.Ordinal);
        line = line.Replace("-\n", "", StringComparison.Ordinal);
        line = line.Replace("\n", " ", StringComparison.Ordinal);

        // 2. Entity unescaping only when the line contains '&', as four sequential replacements in exactly this
        //    order: &quot; then &amp; then &lt; then &gt;. Consequences: "&amp;lt;" → "&lt;" → "<" and
        //    "&amp;gt;" → ">", but "&amp;quot;" → "&quot;" (the &quot; pass already ran). &apos;, &#39;, &nbsp;,
        //    &eacute; and every other entity are left alone.
        if (line.Contains('&'))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal);
            line = line.Replace("&amp;", "&", StringComparison.Ordinal);
            line = line.Replace("&lt;", "<", StringComparison.Ordinal);
            line = line.Replace("&gt;", ">", StringComparison.Ordinal);
        }

        // 3. Pad with one space on each side. This is what makes a final "2019." split into "2019 ." (the period
        //    is then followed by a non-digit) — unlike intl and zh, which do not pad.
        // 4-5. The four mteval substitutions, then whitespace collapsing.
        return MtevalRegexSteps.Apply(" " + line + " ");
    }
}

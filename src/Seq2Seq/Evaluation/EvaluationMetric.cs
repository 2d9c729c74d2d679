using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation;

/// <summary>The metrics the <c>evaluate</c> verb computes, by their command-line names.</summary>
public enum EvaluationMetric
{
    /// <summary>"bleu": corpus BLEU.</summary>
    Bleu,

    /// <summary>"chrf": chrF2 (character order 6, no word n-grams).</summary>
    Chrf,

    /// <summary>"chrf++": chrF2++ (character order 6, word order 2).</summary>
    ChrfPlusPlus,
}

/// <summary>Names and parsing of <see cref="EvaluationMetric"/>.</summary>
public static class EvaluationMetrics
{
    /// <summary>The accepted names, in output order (sacreBLEU prints metrics sorted by name).</summary>
    public static IReadOnlyList<string> Names { get; } = ["bleu", "chrf", "chrf++"];

    /// <summary>The command-line name of a metric.</summary>
    public static string Name(this EvaluationMetric metric) => Names[(int)metric];

    /// <summary>
    /// Parses a comma-separated list such as "bleu,chrf++" (case-insensitive, blanks around names allowed).
    /// Duplicates are dropped and the result is in output order: bleu, chrf, chrf++.
    /// </summary>
    /// <exception cref="UserError">An unknown or empty name; the message names <paramref name="optionName"/>.</exception>
    public static IReadOnlyList<EvaluationMetric> Parse(string list, string optionName = "--metrics")
    {
        ArgumentNullException.ThrowIfNull(list);
        var result = new SortedSet<EvaluationMetric>();
        foreach (string raw in list.Split(','))
        {
            string name = raw.Trim().ToLowerInvariant();
            int index = -1;
            for (int i = 0; i < Names.Count; i++)
            {
                if (Names[i] == name)
                {
                    index = i;
                }
            }
            if (index < 0)
            {
                throw new UserError(name.Length == 0
                    ? $"{optionName}: empty metric name in '{list}'; choose from {string.Join(", ", Names)}"
                    : $"{optionName}: unknown metric '{raw.Trim()}'; choose from {string.Join(", ", Names)}");
            }
            result.Add((EvaluationMetric)index);
        }
        return result.ToList();
    }
}

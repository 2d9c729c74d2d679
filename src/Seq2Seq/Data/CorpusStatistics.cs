using System.Globalization;

namespace Seq2Seq.Data;

/// <summary>Human-readable statistics of a prepared corpus, printed by the prepare verb.</summary>
public static class CorpusStatistics
{
    public static IEnumerable<string> Describe(PreparedCorpus corpus)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return corpus.FilterReport;
        yield return string.Create(inv, $"vocabulary: source {corpus.Source.Vocabulary.Count:N0}, target {corpus.Target.Vocabulary.Count:N0} (incl. 4 special tokens)");
        long srcTokens = corpus.Train.Sum(p => (long)p.Source.Length), trgTokens = corpus.Train.Sum(p => (long)p.Target.Length);
        yield return string.Create(inv, $"training tokens: source {srcTokens:N0}, target {trgTokens:N0}");
        yield return "source length percentiles (50/90/99/max): " + Percentiles(corpus.Train.Select(p => p.Source.Length));
        yield return "target length percentiles (50/90/99/max): " + Percentiles(corpus.Train.Select(p => p.Target.Length));
        long devTokens = corpus.Dev.Sum(p => (long)p.Source.Length + p.Target.Length);
        long devUnknown = corpus.Dev.Sum(p => (long)p.Source.Count(id => id == Tokenization.Vocabulary.UnkId) + p.Target.Count(id => id == Tokenization.Vocabulary.UnkId));
        yield return string.Create(inv, $"dev: {corpus.Dev.Count:N0} pairs, unknown-token rate {(devTokens > 0 ? 100.0 * devUnknown / devTokens : 0):F2}%");
        yield return string.Create(inv, $"prepared in {corpus.Elapsed.TotalSeconds:F1} s");
    }

    private static string Percentiles(IEnumerable<int> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return "-";
        int At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return $"{At(0.5)}/{At(0.9)}/{At(0.99)}/{sorted[^1]}";
    }
}

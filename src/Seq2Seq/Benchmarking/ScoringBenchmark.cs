using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using System.Diagnostics;
using System.Text.Json;

namespace Seq2Seq.Benchmarking;

/// <summary>
/// Times corpus BLEU plus chrF (sacreBLEU-exact, 13a) on 1,000 lines: the references are real
/// sentences, the hypotheses the same sentences with every fifth word dropped. Median of the runs
/// after a warm-up run (JIT), as one JSON line.
/// </summary>
public static class ScoringBenchmark
{
    public static string Run(IReadOnlyList<string> sentences, int lines = 1000, int runs = 10)
    {
        if (sentences.Count == 0) throw new UserError("no sentences to score");
        var references = Enumerable.Range(0, lines).Select(i => sentences[i % sentences.Count]).ToArray();
        var hypotheses = references.Select(r => string.Join(' ', r.Split(' ').Where((_, i) => i % 5 != 4))).ToArray();
        var bleu = new Bleu();
        var chrf = new Chrf();
        var times = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            bleu.CorpusScore(hypotheses, [references]);
            chrf.CorpusScore(hypotheses, [references]);
            if (run > 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["impl"] = "seq2seq-torchsharp", ["mode"] = "scoring", ["metrics"] = "bleu,chrf", ["lines"] = lines,
            ["median_ms"] = Math.Round(times[times.Count / 2], 2),
        });
    }
}

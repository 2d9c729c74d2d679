using Seq2Seq.Files;
using Seq2Seq.Plotting;
using Seq2Seq.Tokenization;
using System.Text;
using System.Text.Json;

namespace Seq2Seq.Decoding;

/// <summary>
/// Writes what the decoder attended to: per sentence, the attention matrix (one row per output
/// token, eos included; one column per source subword token) with its hard alignment (the source
/// position of highest weight for each output token) as JSON lines, and PNG heatmaps.
/// </summary>
public static class AttentionOutput
{
    /// <summary>The output tokens labelling the attention rows: the translation, then eos when it ended with one.</summary>
    public static IReadOnlyList<string> RowLabels(Translator.Result result)
    {
        var (_, tokens, hypothesis) = result.NBest[0];
        int rows = hypothesis.Attention?.Length ?? 0;
        return rows > tokens.Count ? [.. tokens, Vocabulary.EosToken] : tokens;
    }

    /// <summary>The attention of a translation's best hypothesis: source tokens, row labels, weights, and hard alignment pairs [row, source position].</summary>
    public sealed record Alignment(IReadOnlyList<string> Source, IReadOnlyList<string> Target, float[][] Attention, int[][] Pairs);

    public static Alignment AlignmentOf(Translator.Result result)
    {
        var attention = result.NBest[0].Hypothesis.Attention ?? [];
        var hard = attention.Select((row, t) => new[] { t, ArgMax(row) }).Where(a => a[1] >= 0).ToArray();
        return new Alignment(result.SourceTokens, RowLabels(result), attention, hard);
    }

    public static void WriteAlignments(string path, IReadOnlyList<Translator.Result> results)
    {
        var text = new StringBuilder();
        for (int i = 0; i < results.Count; i++)
        {
            var a = AlignmentOf(results[i]);
            text.Append(JsonSerializer.Serialize(new
            {
                line = i + 1,
                source = a.Source,
                target = a.Target,
                attention = a.Attention,
                alignment = a.Pairs,
            })).Append('\n');
        }
        DurableFile.WriteAllText(path, text.ToString());
    }

    /// <summary>One heatmap per sentence (attention-0001.png, ...), for at most <paramref name="limit"/> sentences.</summary>
    public static int WritePlots(string directory, IReadOnlyList<Translator.Result> results, int limit = int.MaxValue)
    {
        int written = 0;
        for (int i = 0; i < results.Count && written < limit; i++)
        {
            var attention = results[i].NBest[0].Hypothesis.Attention;
            if (attention is null || attention.Length == 0 || results[i].SourceTokens.Count == 0) continue;
            var labels = RowLabels(results[i]);
            var weights = new float[attention.Length, results[i].SourceTokens.Count];
            for (int t = 0; t < attention.Length; t++)
                for (int s = 0; s < Math.Min(attention[t].Length, weights.GetLength(1)); s++) weights[t, s] = attention[t][s];
            Heatmap.Write(Path.Combine(directory, $"attention-{i + 1:D4}.png"), $"Line {i + 1}: {results[i].Text}",
                results[i].SourceTokens, labels, weights);
            written++;
        }
        return written;
    }

    private static int ArgMax(float[] row)
    {
        int best = -1;
        for (int s = 0; s < row.Length; s++) if (best < 0 || row[s] > row[best]) best = s;
        return best;
    }
}

using Seq2Seq.Decoding;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Decoding;

/// <summary>
/// A hand-written step scorer: a fixed bigram table p(next | previous) per sentence, so the best
/// sequence of a search can be worked out on paper. Ids: 0 pad, 1 bos, 2 eos, 3 unk, 4 A, 5 B, 6 C,
/// 7 D, 8 E. Tokens not listed for a previous token get a tiny probability. It checks that the
/// search follows the scorer protocol (Start, then Step/Advance with matching row counts).
/// </summary>
internal sealed class TableScorer(params Dictionary<int, Dictionary<int, double>>[] tables) : IStepScorer
{
    public const int Bos = 1, Eos = 2, A = 4, B = 5, C = 6, D = 7, E = 8;
    private const double Rest = 1e-4;

    private long[]? rowSentences;
    private bool stepped;

    public int VocabularySize => 9;

    public int BatchSize => tables.Length;

    public IReadOnlyList<int> SourceLengths => tables.Select(_ => 3).ToArray();

    public int Steps { get; private set; }

    /// <summary>log p(next | previous) for sentence <paramref name="sentence"/>.</summary>
    public double LogProb(int sentence, int previous, int next)
    {
        var row = tables[sentence].GetValueOrDefault(previous) ?? [];
        double p = row.TryGetValue(next, out double q) ? q : Rest;
        double total = row.Values.Sum() + Rest * (VocabularySize - row.Count);
        return Math.Log(p / total);
    }

    /// <summary>log p(tokens + eos) for a sentence.</summary>
    public double SequenceLogProb(int sentence, int[] tokens)
    {
        int previous = Bos;
        double sum = 0;
        foreach (int t in tokens.Append(Eos))
        {
            sum += LogProb(sentence, previous, t);
            previous = t;
        }
        return sum;
    }

    public void Start(long[]? rows) => rowSentences = rows ?? Enumerable.Range(0, BatchSize).Select(i => (long)i).ToArray();

    public StepScores Step(Tensor previous)
    {
        Assert.NotNull(rowSentences);
        Assert.False(stepped, "Step twice without Advance");
        var ids = previous.data<long>().ToArray();
        Assert.Equal(rowSentences!.Length, ids.Length);
        var values = new float[ids.Length * VocabularySize];
        for (int r = 0; r < ids.Length; r++)
            for (int v = 0; v < VocabularySize; v++)
                values[r * VocabularySize + v] = (float)LogProb((int)rowSentences[r], (int)ids[r], v);
        stepped = true;
        Steps++;
        return new StepScores(tensor(values, [ids.Length, VocabularySize]), null);
    }

    public void Advance(long[]? origins)
    {
        Assert.True(stepped, "Advance without Step");
        stepped = false;
        if (origins is not null) rowSentences = origins.Select(o => rowSentences![o]).ToArray();
    }

    public void Dispose()
    {
    }
}

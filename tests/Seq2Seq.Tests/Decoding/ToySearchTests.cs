using Seq2Seq.Decoding;
using static Seq2Seq.Tests.Decoding.TableScorer;

namespace Seq2Seq.Tests.Decoding;

/// <summary>Searches on hand-written probability tables whose best sequences are known.</summary>
[Collection(LibTorchCollection.Name)]
public class ToySearchTests
{
    private static readonly SearchOptions Exact = new() { BeamSize = 1, LengthPenalty = 0, MaxLengthRatio = 1, MaxLengthOffset = 5 };

    /// <summary>
    /// Greedy takes A (0.5 > 0.4), but every continuation of A is weak: A C eos has probability
    /// 0.5 · 0.35 · 1 = 0.175, while B eos has 0.4 · 0.9 = 0.36.
    /// </summary>
    private static Dictionary<int, Dictionary<int, double>> GreedyTrap() => new()
    {
        [Bos] = new() { [A] = 0.5, [B] = 0.4, [Eos] = 0.1 },
        [A] = new() { [C] = 0.35, [D] = 0.3, [E] = 0.25, [Eos] = 0.1 },
        [B] = new() { [Eos] = 0.9, [C] = 0.1 },
        [C] = new() { [Eos] = 1.0 },
        [D] = new() { [Eos] = 1.0 },
        [E] = new() { [Eos] = 1.0 },
    };

    /// <summary>Here the greedy first token is also the best: A C eos = 0.5 · 1 · 1 = 0.5 against B eos = 0.4 · 0.5 = 0.2.</summary>
    private static Dictionary<int, Dictionary<int, double>> NoTrap() => new()
    {
        [Bos] = new() { [A] = 0.5, [B] = 0.4, [Eos] = 0.1 },
        [A] = new() { [C] = 1.0 },
        [B] = new() { [Eos] = 0.5, [D] = 0.5 },
        [C] = new() { [Eos] = 1.0 },
        [D] = new() { [Eos] = 1.0 },
    };

    [Fact]
    public void GreedyFallsIntoTheTrap()
    {
        using var scorer = new TableScorer(GreedyTrap());
        var best = GreedySearch.Search(scorer, Exact);
        Assert.Equal([A, C], best[0].Tokens);
        Assert.Equal(scorer.SequenceLogProb(0, [A, C]), best[0].Score, 5);
        Assert.Equal(Math.Log(0.5 * 0.35), best[0].Score, 2);
    }

    [Fact]
    public void BeamSearchFindsTheBetterSequenceGreedyMisses()
    {
        using var scorer = new TableScorer(GreedyTrap());
        var lists = BeamSearch.Search(scorer, Exact with { BeamSize = 2, NBest = 2 });
        Assert.Equal([B], lists[0][0].Tokens);
        Assert.Equal(scorer.SequenceLogProb(0, [B]), lists[0][0].Score, 5);
        Assert.Equal(Math.Log(0.4 * 0.9), lists[0][0].Score, 2);
        Assert.True(lists[0][0].Score > GreedySearch.Search(new TableScorer(GreedyTrap()), Exact)[0].Score);
    }

    [Fact]
    public void BeamSearchKeepsSentencesOfABatchApart()
    {
        // Sentence 0 needs the beam to leave A; sentence 1 must keep it. Rows of both are reordered together.
        using var scorer = new TableScorer(GreedyTrap(), NoTrap(), GreedyTrap());
        var lists = BeamSearch.Search(scorer, Exact with { BeamSize = 3, NBest = 3 });
        Assert.Equal([B], lists[0][0].Tokens);
        Assert.Equal([A, C], lists[1][0].Tokens);
        Assert.Equal([B], lists[2][0].Tokens);
        for (int s = 0; s < 3; s++)
        {
            foreach (var h in lists[s]) Assert.Equal(scorer.SequenceLogProb(s, h.Tokens), h.Score, 4);
            for (int i = 1; i < lists[s].Count; i++) Assert.True(lists[s][i - 1].Score >= lists[s][i].Score);
            Assert.Equal(lists[s].Count, lists[s].Select(h => string.Join(",", h.Tokens)).Distinct().Count());
        }
    }

    [Fact]
    public void LengthNormalizedScoresFollowTheNormalizer()
    {
        // Finished hypotheses are scored log p / ((5 + length) / 6)^alpha, length counting eos.
        using var scorer = new TableScorer(GreedyTrap());
        var options = Exact with { BeamSize = 3, NBest = 3, LengthPenalty = 1.0 };
        var lists = BeamSearch.Search(scorer, options);
        foreach (var h in lists[0])
        {
            Assert.Equal(scorer.SequenceLogProb(0, h.Tokens) / options.Normalizer(h.Tokens.Length + 1), h.Score, 4);
        }
        Assert.Equal([B], lists[0][0].Tokens);
    }

    [Fact]
    public void EnsembleAveragesLogProbabilities()
    {
        // Model X prefers A strongly, model Y prefers B; the ensemble follows the mean of the log-probabilities.
        var x = new Dictionary<int, Dictionary<int, double>>
        {
            [Bos] = new() { [A] = 0.7, [B] = 0.3 },
            [A] = new() { [Eos] = 1.0 },
            [B] = new() { [Eos] = 1.0 },
        };
        var y = new Dictionary<int, Dictionary<int, double>>
        {
            [Bos] = new() { [A] = 0.2, [B] = 0.8 },
            [A] = new() { [Eos] = 1.0 },
            [B] = new() { [Eos] = 1.0 },
        };
        var tx = new TableScorer(x);
        var ty = new TableScorer(y);
        using var ensemble = new EnsembleScorer([tx, ty]);
        Assert.Equal([A], GreedySearch.Search(new TableScorer(x), Exact)[0].Tokens);
        Assert.Equal([B], GreedySearch.Search(new TableScorer(y), Exact)[0].Tokens);

        var greedy = GreedySearch.Search(ensemble, Exact)[0];
        // mean log p: A = (log .7 + log .2) / 2 = -0.98, B = (log .3 + log .8) / 2 = -0.71
        Assert.Equal([B], greedy.Tokens);
        Assert.Equal((tx.SequenceLogProb(0, [B]) + ty.SequenceLogProb(0, [B])) / 2, greedy.Score, 4);

        var beam = BeamSearch.Search(ensemble, Exact with { BeamSize = 2, NBest = 2 })[0];
        Assert.Equal([B], beam[0].Tokens);
        foreach (var h in beam) Assert.Equal((tx.SequenceLogProb(0, h.Tokens) + ty.SequenceLogProb(0, h.Tokens)) / 2, h.Score, 4);
    }

    [Fact]
    public void EnsembleRejectsMembersThatDoNotFit()
    {
        var one = new TableScorer(GreedyTrap());
        var two = new TableScorer(GreedyTrap(), NoTrap());
        var error = Assert.Throws<ArgumentException>(() => new EnsembleScorer([one, two]));
        Assert.Contains("sentences", error.Message);
        Assert.Throws<ArgumentException>(() => new EnsembleScorer([]));
    }
}

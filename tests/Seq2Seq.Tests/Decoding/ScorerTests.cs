using Seq2Seq.Decoding;
using Seq2Seq.Tests.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Decoding;

/// <summary>The model step scorer and ensembles of real (tiny, untrained) models.</summary>
[Collection(LibTorchCollection.Name)]
public class ScorerTests
{
    private static readonly SearchOptions Options = new() { BeamSize = 3, NBest = 3, MaxLengthRatio = 1.0, MaxLengthOffset = 5 };

    [Fact]
    public void EnsembleOfAModelWithItselfEqualsTheModel()
    {
        using var model = TinyModels.Create(seed: 8);
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8, 9], [4, 5], [10, 11, 12]);
        var alone = BeamSearch.Search(model, source, lengths, Options);
        using var ensemble = new EnsembleScorer([new ModelScorer(model, source, lengths), new ModelScorer(model, source, lengths)]);
        var together = BeamSearch.Search(ensemble, Options);
        for (int i = 0; i < alone.Count; i++)
        {
            Assert.Equal(alone[i].Count, together[i].Count);
            for (int j = 0; j < alone[i].Count; j++)
            {
                Assert.Equal(alone[i][j].Tokens, together[i][j].Tokens);
                Assert.Equal(alone[i][j].Score, together[i][j].Score);
            }
        }
        var greedyAlone = GreedySearch.Search(model, source, lengths, Options with { BeamSize = 1, NBest = 1 });
        var greedyEnsemble = GreedySearch.Search(new EnsembleScorer([new ModelScorer(model, source, lengths), new ModelScorer(model, source, lengths)]), Options);
        for (int i = 0; i < greedyAlone.Count; i++)
        {
            Assert.Equal(greedyAlone[i].Tokens, greedyEnsemble[i].Tokens);
            Assert.Equal(greedyAlone[i].Score, greedyEnsemble[i].Score);
        }
    }

    [Fact]
    public void EnsembleStepIsTheMeanOfTheMembersLogProbabilities()
    {
        using var first = TinyModels.Create(seed: 9);
        using var second = TinyModels.Create(seed: 10);
        var (source, lengths) = TinyModels.Batch([5, 6, 7], [4, 5, 6, 7]);
        using var a = new ModelScorer(first, source, lengths);
        using var b = new ModelScorer(second, source, lengths);
        using var ensemble = new EnsembleScorer([new ModelScorer(first, source, lengths), new ModelScorer(second, source, lengths)]);
        long[] rows = [0, 0, 1, 1];
        a.Start(rows);
        b.Start(rows);
        ensemble.Start(rows);
        var previous = tensor(new long[] { 1, 1, 1, 1 });
        for (int step = 0; step < 3; step++)
        {
            var la = a.Step(previous).LogProbs;
            var lb = b.Step(previous).LogProbs;
            var (le, weights) = ensemble.Step(previous);
            Assert.True(le.allclose((la + lb) / 2, rtol: 1e-5, atol: 1e-6), $"step {step}");
            Assert.Equal(new long[] { 4, 4 }, weights!.shape); // the first member's attention: rows x source positions
            // Reorder: swap the beams of sentence 0, duplicate the first of sentence 1.
            long[] origins = [1, 0, 2, 2];
            a.Advance(origins);
            b.Advance(origins);
            ensemble.Advance(origins);
            previous = tensor(new long[] { 5 + step, 6, 7, 8 + step });
        }
    }

    [Fact]
    public void ReorderedRowsContinueTheirOrigin()
    {
        // A row moved by Advance must score exactly like the row it continues.
        using var model = TinyModels.Create(seed: 11);
        var (source, lengths) = TinyModels.Batch([5, 6, 7], [4, 5, 6, 7]);
        using var scorer = new ModelScorer(model, source, lengths);
        scorer.Start([0, 0, 1, 1]);
        var first = scorer.Step(tensor(new long[] { 1, 1, 1, 1 }));
        scorer.Advance([2, 1]); // drop sentence 0's second row and sentence 1's second row
        var second = scorer.Step(tensor(new long[] { 9, 4 }));

        using var reference = new ModelScorer(model, source, lengths);
        reference.Start([1, 0]);
        reference.Step(tensor(new long[] { 1, 1 }));
        reference.Advance(null);
        var expected = reference.Step(tensor(new long[] { 9, 4 }));
        Assert.True(second.LogProbs.allclose(expected.LogProbs, rtol: 1e-5, atol: 1e-6));
        Assert.Equal(new long[] { 2, 4 }, second.Weights!.shape);
        Assert.Equal(new long[] { 4, 20 }, first.LogProbs.shape);
    }

    [Fact]
    public void BatchDecoderWithTheSameModelTwiceEqualsOneModel()
    {
        using var model = TinyModels.Create(seed: 12);
        int[][] sources = [[5, 6, 7, 8], [], [4, 5], [10, 11, 12, 13, 14, 15], [9]];
        var one = BatchDecoder.Decode(model, sources, Options, batchTokens: 20);
        var two = BatchDecoder.Decode([model, model], [sources, sources], Options, batchTokens: 20);
        Assert.Equal(sources.Length, two.Count);
        Assert.Empty(two[1][0].Tokens);
        for (int i = 0; i < sources.Length; i++)
        {
            Assert.Equal(one[i].Select(h => h.Tokens), two[i].Select(h => h.Tokens));
            Assert.Equal(one[i].Select(h => h.Score), two[i].Select(h => h.Score));
        }
    }

    [Fact]
    public void BatchDecoderRestoresInputOrder()
    {
        using var model = TinyModels.Create(seed: 13);
        int[][] sources = [[5, 6, 7, 8, 9, 10], [4, 5], [], [10, 11, 12], [9], [6, 7, 8, 9]];
        var options = Options with { NBest = 1 };
        // Small batches: the sentences are sorted by length and cut into several batches.
        var batched = BatchDecoder.Decode(model, sources, options, batchTokens: 18);
        for (int i = 0; i < sources.Length; i++)
        {
            var alone = BatchDecoder.Decode(model, [sources[i]], options, batchTokens: 1000);
            Assert.Equal(alone[0][0].Tokens, batched[i][0].Tokens);
            Assert.Equal(alone[0][0].Score, batched[i][0].Score, 4);
        }
    }
}

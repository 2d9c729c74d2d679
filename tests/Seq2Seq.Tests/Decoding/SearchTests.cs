using Seq2Seq.Decoding;
using Seq2Seq.Tests.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Decoding;

[Collection(LibTorchCollection.Name)]
public class SearchTests
{
    private static readonly SearchOptions Options = new() { BeamSize = 1, MaxLengthRatio = 1.0, MaxLengthOffset = 5 };

    [Fact]
    public void BeamSizeOneEqualsGreedy()
    {
        using var model = TinyModels.Create(seed: 3);
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8, 9], [4, 5], [10, 11, 12]);
        var greedy = GreedySearch.Search(model, source, lengths, Options);
        var beam = BeamSearch.Search(model, source, lengths, Options);
        for (int i = 0; i < greedy.Count; i++) Assert.Equal(greedy[i].Tokens, beam[i][0].Tokens);
    }

    [Fact]
    public void PaddingAndBosAreNeverGeneratedEvenWhenRankedFirst()
    {
        using var model = TinyModels.Create(seed: 3);
        using (no_grad())
        {
            model.Decoder.OutputLayer.bias![0] = 100f; // pad
            model.Decoder.OutputLayer.bias![1] = 100f; // bos
        }
        var (source, lengths) = TinyModels.Batch([5, 6, 7], [4, 5]);
        var greedy = GreedySearch.Search(model, source, lengths, Options);
        var beam = BeamSearch.Search(model, source, lengths, Options with { BeamSize = 3, NBest = 3 });
        var all = greedy.Concat(beam.SelectMany(list => list)).ToArray();
        Assert.All(all, h => Assert.DoesNotContain(h.Tokens, id => id is 0 or 1));
    }

    [Fact]
    public void NBestListsAreSortedAndDistinct()
    {
        using var model = TinyModels.Create(seed: 4);
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8, 9], [4, 5]);
        var lists = BeamSearch.Search(model, source, lengths, Options with { BeamSize = 4, NBest = 4 });
        foreach (var list in lists)
        {
            Assert.Equal(4, list.Count);
            for (int i = 1; i < list.Count; i++) Assert.True(list[i - 1].Score >= list[i].Score);
            Assert.Equal(list.Count, list.Select(h => string.Join(",", h.Tokens)).Distinct().Count());
        }
    }

    [Fact]
    public void BatchedSearchEqualsOneSentenceAtATime()
    {
        using var model = TinyModels.Create(seed: 5);
        int[][] rows = [[5, 6, 7, 8, 9], [4, 5], [10, 11, 12]];
        var (source, lengths) = TinyModels.Batch(rows);
        var options = Options with { BeamSize = 3 };
        var together = BeamSearch.Search(model, source, lengths, options);
        for (int i = 0; i < rows.Length; i++)
        {
            var (one, oneLength) = TinyModels.Batch(rows[i]);
            var alone = BeamSearch.Search(model, one, oneLength, options);
            Assert.Equal(alone[0][0].Tokens, together[i][0].Tokens);
            Assert.Equal(alone[0][0].Score, together[i][0].Score, 4);
        }
    }

    [Fact]
    public void OutputRespectsMaximumLength()
    {
        using var model = TinyModels.Create(seed: 6);
        var (source, lengths) = TinyModels.Batch([5, 6]);
        var options = Options with { BeamSize = 2, MaxLengthRatio = 0, MaxLengthOffset = 3 };
        var result = BeamSearch.Search(model, source, lengths, options);
        Assert.True(result[0][0].Tokens.Length <= 3);
    }
}

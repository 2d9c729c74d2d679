using Seq2Seq.Decoding;
using Seq2Seq.Tests.Model;

namespace Seq2Seq.Tests.Decoding;

[Collection(LibTorchCollection.Name)]
public class SamplingTests
{
    // A table scorer's row: p = 0.5, 0.2, 0.15, 0.1, 0.05 and a forbidden token.
    private static readonly float[] Row =
        [MathF.Log(0.15f), MathF.Log(0.5f), float.NegativeInfinity, MathF.Log(0.05f), MathF.Log(0.2f), MathF.Log(0.1f)];

    private static double[] Probabilities((int[] Tokens, double[] Weights) truncated) =>
        truncated.Weights.Select(w => w / truncated.Weights.Sum()).ToArray();

    [Fact]
    public void TopKKeepsTheKMostProbableTokens()
    {
        var truncated = TokenSampler.Truncated(Row, new SamplingOptions { TopK = 2 });
        Assert.Equal([1, 4], truncated.Tokens);
        Assert.Equal([0.5 / 0.7, 0.2 / 0.7], Probabilities(truncated), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal([1, 4, 0, 5, 3], TokenSampler.Truncated(Row, new SamplingOptions()).Tokens);
    }

    [Theory]
    [InlineData(0.5, new[] { 1 })]            // the first token alone reaches 0.5
    [InlineData(0.69, new[] { 1, 4 })]
    [InlineData(0.8, new[] { 1, 4, 0 })]      // 0.7 < 0.8, so 0.15 more
    [InlineData(0.999, new[] { 1, 4, 0, 5, 3 })]
    public void TopPKeepsTheSmallestSetThatReachesP(double p, int[] expected) =>
        Assert.Equal(expected, TokenSampler.Truncated(Row, new SamplingOptions { TopP = p }).Tokens);

    [Fact]
    public void TemperatureSharpensOrFlattensBeforeTruncation()
    {
        // T = 0.5 squares the probabilities: 0.25, 0.04, 0.0225, 0.01, 0.0025 (then normalized).
        var sharp = Probabilities(TokenSampler.Truncated(Row, new SamplingOptions { Temperature = 0.5 }));
        double total = 0.25 + 0.04 + 0.0225 + 0.01 + 0.0025;
        Assert.Equal([0.25 / total, 0.04 / total, 0.0225 / total, 0.01 / total, 0.0025 / total], sharp, (a, b) => Math.Abs(a - b) < 1e-6);
        // ... so top-p 0.75 keeps one token at T = 0.5 (0.769) but three at T = 1 (0.5 + 0.2 < 0.75).
        Assert.Single(TokenSampler.Truncated(Row, new SamplingOptions { Temperature = 0.5, TopP = 0.75 }).Tokens);
        Assert.Equal(3, TokenSampler.Truncated(Row, new SamplingOptions { TopP = 0.75 }).Tokens.Length);
    }

    [Fact]
    public void DrawsFollowTheTruncatedDistributionAndRepeatForASeed()
    {
        var options = new SamplingOptions { TopK = 3 };
        var counts = new int[Row.Length];
        var random = new SplitMix64(5);
        const int draws = 40_000;
        var first = new List<int>();
        for (int i = 0; i < draws; i++)
        {
            int token = TokenSampler.Sample(Row, options, random);
            counts[token]++;
            if (i < 50) first.Add(token);
        }
        Assert.Equal(0, counts[2] + counts[3] + counts[5]);
        Assert.Equal(0.5 / 0.85, counts[1] / (double)draws, 0.01);
        Assert.Equal(0.2 / 0.85, counts[4] / (double)draws, 0.01);
        Assert.Equal(0.15 / 0.85, counts[0] / (double)draws, 0.01);
        var again = new SplitMix64(5);
        Assert.Equal(first, Enumerable.Range(0, 50).Select(_ => TokenSampler.Sample(Row, options, again)));
    }

    private static readonly int[][] Sources = [[5, 6, 7, 8], [4, 5], [10, 11, 12, 13, 14, 15], [9], [6, 7], [12, 13, 14]];
    private static readonly SearchOptions Search = new() { BeamSize = 5, MaxLengthRatio = 1.0, MaxLengthOffset = 6 };

    [Fact]
    public void SampledTranslationsDependOnTheSeedAndLineNotOnBatching()
    {
        using var model = TinyModels.Create(seed: 21);
        var sampling = Search with { Sampling = new SamplingOptions { Seed = 3 } };
        var wide = BatchDecoder.Decode(model, Sources, sampling, batchTokens: 1000).Select(l => l[0]).ToArray();
        var narrow = BatchDecoder.Decode(model, Sources, sampling, batchTokens: 4).Select(l => l[0]).ToArray();
        Assert.Equal(wide.Select(h => h.Tokens), narrow.Select(h => h.Tokens));
        Assert.Equal(wide.Select(h => h.Score), narrow.Select(h => h.Score));

        // A later call that starts at line 2 draws lines 2.. as the whole call did.
        var tail = BatchDecoder.Decode(model, Sources[2..], Search with { Sampling = new SamplingOptions { Seed = 3, FirstLine = 2 } }, 1000);
        Assert.Equal(wide[2..].Select(h => h.Tokens), tail.Select(l => l[0].Tokens));

        var other = BatchDecoder.Decode(model, Sources, Search with { Sampling = new SamplingOptions { Seed = 4 } }, 1000);
        Assert.NotEqual(wide.Select(h => h.Tokens), other.Select(l => l[0].Tokens));
    }

    [Fact]
    public void SamplingFromTheTopOneTokenIsGreedySearch()
    {
        using var model = TinyModels.Create(seed: 22);
        var greedy = BatchDecoder.Decode(model, Sources, Search with { BeamSize = 1 }, 1000).Select(l => l[0]).ToArray();
        var topOne = BatchDecoder.Decode(model, Sources, Search with { Sampling = new SamplingOptions { TopK = 1, Seed = 9 } }, 1000).Select(l => l[0]).ToArray();
        Assert.Equal(greedy.Select(h => h.Tokens), topOne.Select(h => h.Tokens));
        Assert.Equal(greedy.Select(h => h.Score), topOne.Select(h => h.Score));
    }
}

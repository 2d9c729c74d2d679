using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Tests.Evaluation;

/// <summary>BLEU behaviour beyond the vectors: API defaults, formatting, reference rules, speed.</summary>
public class BleuTests
{
    private static readonly string[] Hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];
    private static readonly string?[] Refs1 = ["The dog bit the man.", "It was not unexpected.", "The man bit him first."];
    private static readonly string?[] Refs2 = ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."];

    [Fact]
    public void FormatGivesSacreBleusReadmeLine()
    {
        var score = Bleu.Corpus(Hyps, [Refs1, Refs2]);
        Assert.Equal("BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
            score.Format());
        Assert.Equal("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 48.53 82.4/50.0/45.5/37.5 " +
            "(BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)", score.Format(withSignature: true));
    }

    [Fact]
    public void SentenceDefaultsUseEffectiveOrderButInstanceDefaultsDoNot()
    {
        // A 2-token hypothesis has no 3- or 4-grams.
        var withEffective = Bleu.Sentence("the cat", ["the cat sat"]);
        var withoutEffective = new Bleu().SentenceScore("the cat", ["the cat sat"]);
        Assert.True(withEffective.Score > 0);
        Assert.Equal(0.0, withoutEffective.Score);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", withEffective.Signature!.Format());
        Assert.Equal("#:1|c:mixed|e:no|tok:13a|s:exp|v:2.6.0", withoutEffective.Signature!.Format(shortForm: true));
    }

    [Theory]
    [InlineData(BleuSmoothing.Floor, null, "floor[0.10]")]
    [InlineData(BleuSmoothing.Floor, 0.5, "floor[0.50]")]
    [InlineData(BleuSmoothing.AddK, null, "add-k[1.00]")]
    [InlineData(BleuSmoothing.AddK, 0.125, "add-k[0.12]")]
    [InlineData(BleuSmoothing.Exp, 0.3, "exp")]
    [InlineData(BleuSmoothing.None, null, "none")]
    public void SmoothingSignatureShowsValueWithTwoDecimals(BleuSmoothing method, double? value, string expected) =>
        Assert.Equal(expected, method.SignatureText(value));

    [Fact]
    public void NullReferencesAreDroppedAndMakeNrefsVariable()
    {
        var score = Bleu.Corpus(["a b c", "d e f"], [new[] { "a b c", "d e f" }, new string?[] { "a b", null }]);
        Assert.StartsWith("nrefs:var|", score.Signature!.Format());
        // Segment 1: refs of length 3 and 2, hyp length 3 → 3; segment 2: only the length-3 reference.
        Assert.Equal(6, score.RefLen);
    }

    [Fact]
    public void EmptyStringReferenceIsARealLengthZeroReference()
    {
        // |2-0| == |2-4|: the tie goes to the shorter reference, so ref_len is 0 and BP is 1.
        var score = Bleu.Sentence("the cat", ["", "the cat sat on"]);
        Assert.Equal(0, score.RefLen);
        Assert.Equal(1.0, score.BrevityPenalty);
        Assert.Equal(0, Bleu.ClosestReferenceLength(2, [4, 0]));
        Assert.Equal(3, Bleu.ClosestReferenceLength(4, [5, 3]));
    }

    [Fact]
    public void InvalidReferenceShapesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a", "b"], [new[] { "a" }]));
        Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a"], [new string?[] { null }]));
        Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a"], []));
    }

    [Fact]
    public void EmptyHypothesisAddsItsShortestReferenceLength()
    {
        var score = Bleu.Corpus(["", "a b c d"], [new[] { "x y z", "a b c d" }, new[] { "x y", "a b c d e" }]);
        Assert.Equal(4, score.SysLen);
        Assert.Equal(2 + 4, score.RefLen);
    }

    [Fact]
    public void AddKCountsIncludeKAndZeroMatchesGiveZeroForEveryMethod()
    {
        var addK = new Bleu(new BleuOptions { Smoothing = BleuSmoothing.AddK, SmoothValue = 0.5 })
            .CorpusScore(["a b c"], [new[] { "a b d" }]);
        Assert.Equal([2.0, 1.5, 0.5, 0.5], addK.Counts);
        Assert.Equal([3.0, 2.5, 1.5, 0.5], addK.Totals);
        foreach (var method in Enum.GetValues<BleuSmoothing>())
        {
            var zero = new Bleu(new BleuOptions { Smoothing = method }).CorpusScore(["x y z"], [new[] { "a b c" }]);
            Assert.Equal(0.0, zero.Score);
            Assert.Equal([0.0, 0.0, 0.0, 0.0], zero.Precisions);
        }
    }
}

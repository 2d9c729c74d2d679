using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Tests.Evaluation;

public class ChrfTests
{
    [Fact]
    public void PunctuationRemovalSplitsOneCharacterOnly()
    {
        Assert.Equal(["(hi", ")", "...", ".", "ok", ".", "😀", "\"", "quote", "a"], Chrf.RemovePunctuation("(hi) .... ok. 😀 \"quote a"));
    }

    [Fact]
    public void NameSignatureAndFormat()
    {
        var plus = new Chrf(ChrfOptions.ChrfPlusPlus).CorpusScore(["the cat sat"], [new[] { "the cat sat down" }]);
        Assert.Equal("chrF2++", plus.Name);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", plus.Signature!.Format());
        Assert.Equal("#:1|c:mixed|e:yes|nc:6|nw:2|s:no|v:2.6.0", plus.Signature.Format(shortForm: true));
        Assert.Matches(@"^chrF2\+\+ = \d+\.\d\d$", plus.Format());
        var eps = new Chrf(new ChrfOptions { EpsSmoothing = true, Beta = 1 }).CorpusScore(["x"], [new[] { "x" }]);
        Assert.Equal("chrF1", eps.Name);
        Assert.Contains("|eff:no|", eps.Signature!.Format());
    }

    [Fact]
    public void IdenticalTextScores100AndEmojiCountAsOneCharacter()
    {
        var score = new Chrf(new ChrfOptions { CharOrder = 2 }).CorpusScore(["a😀"], [new[] { "a😀" }]);
        Assert.Equal(100.0, score.Score, 12);
        // Order 1: 2 characters, order 2: 1 bigram — code points, not UTF-16 units.
        Assert.Equal([2L, 2, 2, 1, 1, 1], score.Statistics);
    }

    [Fact]
    public void BestReferenceIsKeptAndTheFirstWinsTies()
    {
        // β = 1, unigrams only, hyp "aa": ref "a" gives P = 1/2, R = 1 and ref "aaaa" gives P = 1, R = 1/2 —
        // the same F, different statistics. The earlier reference must be kept.
        var chrf = new Chrf(new ChrfOptions { CharOrder = 1, Beta = 1 });
        Assert.Equal([2, 1, 1], chrf.SegmentStatistics(["aa"], ReferenceSet.FromSentence(["a", "aaaa"]))[0]);
        Assert.Equal([2, 4, 2], chrf.SegmentStatistics(["aa"], ReferenceSet.FromSentence(["aaaa", "a"]))[0]);
        // A strictly better later reference replaces the first.
        Assert.Equal([2, 2, 2], chrf.SegmentStatistics(["aa"], ReferenceSet.FromSentence(["b", "aa"]))[0]);
    }

    [Fact]
    public void HypothesisCountIsZeroForOrdersTheReferenceLacks()
    {
        var chrf = new Chrf(new ChrfOptions { CharOrder = 3 });
        // Reference "ab" has no trigram: the hypothesis' trigrams are not counted against it.
        Assert.Equal([4, 2, 2, 3, 1, 1, 0, 0, 0], chrf.SegmentStatistics(["abcd"], ReferenceSet.FromSentence(["ab"]))[0]);
    }
}

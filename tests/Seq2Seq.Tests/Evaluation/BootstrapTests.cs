using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Tests.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void ConfidenceIntervalUsesSacreBleuOrderStatistics()
    {
        var scores = Enumerable.Range(1, 1000).Select(i => (double)i).Reverse().ToList();
        var ci = ConfidenceInterval.FromSamples(scores, seed: 7);
        Assert.Equal(26.0, ci.Lower);      // sorted[1000 // 40]
        Assert.Equal(975.0, ci.Upper);     // sorted[1000 - 25 - 1]
        Assert.Equal(474.5, ci.HalfWidth);
        Assert.Equal(500.5, ci.Mean);
        Assert.Equal("μ = 500.50 ± 474.50", ci.Format());
    }

    [Fact]
    public void SameSeedSameResultsDifferentSeedDifferentResults()
    {
        var refs = TestCorpus.References(200, seed: 3);
        var hyps = TestCorpus.Corrupt(refs, 0.3, seed: 4);
        var set = ReferenceSet.FromStreams([refs], hyps.Count);
        var a = BootstrapResampling.Estimate(new Bleu(), hyps, set, samples: 300, seed: 12345);
        var b = BootstrapResampling.Estimate(new Bleu(), hyps, set, samples: 300, seed: 12345);
        var c = BootstrapResampling.Estimate(new Bleu(), hyps, set, samples: 300, seed: 54321);
        Assert.Equal(a.SampleScores, b.SampleScores);
        Assert.Equal(a.Interval, b.Interval);
        Assert.NotEqual(a.SampleScores, c.SampleScores);
        Assert.Equal(300, a.SampleScores.Count);
        Assert.Equal(new Bleu().CorpusScore(hyps, set).Score, a.Score);
        Assert.InRange(a.Score, a.Interval.Lower, a.Interval.Upper);
        Assert.True(a.Interval.HalfWidth > 0);
        Assert.Equal("nrefs:1|bs:300|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", a.Signature.Format());
        Assert.Equal("#:1|bs:300|rs:12345|c:mixed|e:no|tok:13a|s:exp|v:2.6.0", a.Signature.Format(shortForm: true));
    }

    [Fact]
    public void IndicesAreInRangeAndRoughlyUniform()
    {
        var indices = BootstrapResampling.DrawIndices(10, 2000, seed: 1);
        var counts = new int[10];
        foreach (var row in indices)
        {
            Assert.Equal(10, row.Length);
            foreach (int i in row)
            {
                counts[i]++;
            }
        }
        // 20,000 draws: each bucket expects 2,000 (σ ≈ 42).
        Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
        Assert.Equal(indices[5], BootstrapResampling.DrawIndices(10, 2000, seed: 1)[5]);
    }

    [Fact]
    public void ChrfIntervalAndSingleSegmentCorpus()
    {
        var chrfEstimate = BootstrapResampling.Estimate(new Chrf(), ["the cat sat"], ReferenceSet.FromSentence(["the cat sat down"]),
            samples: 50, seed: 1);
        // One segment: every resample is that segment, so the interval collapses on the score.
        Assert.Equal(0.0, chrfEstimate.Interval.HalfWidth);
        Assert.Equal(chrfEstimate.Score, chrfEstimate.Interval.Mean, 12);
        Assert.Contains("|nc:6|", chrfEstimate.Signature.Format());
    }

    [Fact]
    public void PairedTestAgainstItselfFindsNoDifference()
    {
        var refs = TestCorpus.References(100, seed: 5);
        var hyps = TestCorpus.Corrupt(refs, 0.3, seed: 6);
        var set = ReferenceSet.FromStreams([refs], hyps.Count);
        var result = PairedBootstrap.Test(new Bleu(), hyps, hyps, set, samples: 200);
        Assert.Equal(0.0, result.Difference);
        // sacreBLEU quirk: nothing strictly exceeds 0, so p = 1/(N+1).
        Assert.Equal(1.0 / 201, result.PValue);
        Assert.Equal(result.BaselineInterval, result.SystemInterval);
    }

    [Fact]
    public void PairedTestSeparatesClearlyDifferentSystemsButNotNearIdenticalOnes()
    {
        var refs = TestCorpus.References(300, seed: 7);
        var good = TestCorpus.Corrupt(refs, 0.1, seed: 8);
        var bad = TestCorpus.Corrupt(refs, 0.6, seed: 9);
        var set = ReferenceSet.FromStreams([refs], refs.Count);

        var clear = PairedBootstrap.Test(new Bleu(), bad, good, set);
        Assert.True(clear.Difference > 10);
        Assert.True(clear.IsSignificant(), $"p = {clear.PValue}");
        Assert.Equal("nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
            clear.Signature.Format());

        // The same system with one line changed: the difference is tiny and not significant.
        var almost = good.ToList();
        almost[0] = bad[0];
        var close = PairedBootstrap.Test(new Bleu(), good, almost, set);
        Assert.False(close.IsSignificant(), $"p = {close.PValue}");
        Assert.InRange(close.PValue, 0.05, 1.0);

        // chrF works the same way.
        var chrf = PairedBootstrap.Test(new Chrf(), bad, good, set, samples: 300);
        Assert.True(chrf.IsSignificant(), $"p = {chrf.PValue}");
    }

    [Fact]
    public void PairedIntervalsEqualStandaloneBootstrapWithTheSameSeed()
    {
        var refs = TestCorpus.References(80, seed: 10);
        var a = TestCorpus.Corrupt(refs, 0.2, seed: 11);
        var b = TestCorpus.Corrupt(refs, 0.4, seed: 12);
        var set = ReferenceSet.FromStreams([refs], refs.Count);
        var paired = PairedBootstrap.Test(new Bleu(), a, b, set, samples: 250, seed: 99);
        Assert.Equal(BootstrapResampling.Estimate(new Bleu(), a, set, 250, 99).Interval, paired.BaselineInterval);
        Assert.Equal(BootstrapResampling.Estimate(new Bleu(), b, set, 250, 99).Interval, paired.SystemInterval);
    }

    [Fact]
    public void RandomGeneratorIsFixedByItsSeed()
    {
        var r1 = new DeterministicRandom(0);
        var r2 = new DeterministicRandom(0);
        var seq1 = Enumerable.Range(0, 5).Select(_ => r1.NextUInt64()).ToList();
        Assert.Equal(seq1, Enumerable.Range(0, 5).Select(_ => r2.NextUInt64()).ToList());
        Assert.Equal(5, seq1.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => r1.NextBelow(0));
    }
}

using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Evaluation.Output;

/// <summary>
/// Everything a test-set evaluation reports: corpus BLEU and chrF with signatures and bootstrap intervals, length
/// statistics, n-gram precisions (in <see cref="Bleu"/>), every sentence's scores and the worst and best sentences.
/// Written to disk by <see cref="EvaluationReportWriter"/>.
/// </summary>
/// <param name="Bleu">Corpus BLEU.</param>
/// <param name="Chrf">Corpus chrF.</param>
/// <param name="BleuBootstrap">BLEU's 95% bootstrap interval.</param>
/// <param name="ChrfBootstrap">chrF's 95% bootstrap interval.</param>
/// <param name="Lengths">Length statistics.</param>
/// <param name="Sentences">Every segment in corpus order with its sentence scores (for histograms and plots).</param>
/// <param name="Worst">The lowest sentence-BLEU segments, worst first (ties: earlier segment first).</param>
/// <param name="Best">The highest sentence-BLEU segments, best first (ties: earlier segment first).</param>
/// <param name="Options">The settings used.</param>
public sealed record EvaluationReport(
    BleuScore Bleu,
    ChrfScore Chrf,
    BootstrapEstimate BleuBootstrap,
    BootstrapEstimate ChrfBootstrap,
    LengthStatistics Lengths,
    IReadOnlyList<ScoredSentence> Sentences,
    IReadOnlyList<ScoredSentence> Worst,
    IReadOnlyList<ScoredSentence> Best,
    EvaluationReportOptions Options)
{
    /// <summary>Sentence BLEU of every segment, in corpus order (e.g. for a histogram).</summary>
    public IReadOnlyList<double> SentenceBleuScores => Sentences.Select(s => s.Bleu).ToList();

    /// <summary>Sentence chrF of every segment, in corpus order.</summary>
    public IReadOnlyList<double> SentenceChrfScores => Sentences.Select(s => s.Chrf).ToList();

    /// <summary>Scores a test set.</summary>
    /// <param name="hypotheses">System output, one line per segment.</param>
    /// <param name="referenceStreams">Reference streams, each with one (possibly null) entry per segment.</param>
    /// <param name="sources">Optional source sentences, one per segment.</param>
    /// <param name="options">Settings; null means sacreBLEU defaults, 1,000 resamples, seed 12345, 20 extremes.</param>
    public static EvaluationReport Create(IReadOnlyList<string> hypotheses,
        IReadOnlyList<IReadOnlyList<string?>> referenceStreams, IReadOnlyList<string>? sources = null,
        EvaluationReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        options ??= new EvaluationReportOptions();
        if (hypotheses.Count == 0)
        {
            throw new ArgumentException("Cannot report on an empty test set.", nameof(hypotheses));
        }
        if (sources is not null && sources.Count != hypotheses.Count)
        {
            throw new ArgumentException($"{sources.Count} sources but {hypotheses.Count} hypotheses.", nameof(sources));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExtremeCount);

        var references = ReferenceSet.FromStreams(referenceStreams, hypotheses.Count);
        string nrefs = references.NumberOfReferences;

        var bleu = new Bleu(options.Bleu);
        var bleuStats = bleu.SegmentStatistics(hypotheses, references);
        var corpusBleu = bleu.ComputeFromStatistics(StatisticsSum.Of(bleuStats, bleu.StatisticsLength), nrefs);
        var bleuBootstrap = BootstrapResampling.Estimate(bleu, bleuStats, nrefs, options.BootstrapSamples, options.Seed);

        var chrf = new Chrf(options.Chrf);
        var chrfStats = chrf.SegmentStatistics(hypotheses, references);
        var corpusChrf = chrf.ComputeFromStatistics(StatisticsSum.Of(chrfStats, chrf.StatisticsLength), nrefs);
        var chrfBootstrap = BootstrapResampling.Estimate(chrf, chrfStats, nrefs, options.BootstrapSamples, options.Seed);

        var sentences = ScoreSentences(hypotheses, references, sources, options, bleuStats, chrf, chrfStats);
        int k = Math.Min(options.ExtremeCount, sentences.Length);
        var worst = sentences.OrderBy(s => s.Bleu).ThenBy(s => s.Index).Take(k).ToList();
        var best = sentences.OrderByDescending(s => s.Bleu).ThenBy(s => s.Index).Take(k).ToList();
        var lengths = new LengthStatistics(
            Segments: sentences.Length,
            EmptyHypotheses: sentences.Count(s => s.HypothesisLength == 0),
            HypothesisTokens: corpusBleu.SysLen,
            ReferenceTokens: corpusBleu.RefLen,
            MeanHypothesisTokens: (double)corpusBleu.SysLen / sentences.Length,
            MeanReferenceTokens: (double)corpusBleu.RefLen / sentences.Length,
            MaxHypothesisTokens: sentences.Max(s => s.HypothesisLength),
            MaxReferenceTokens: sentences.Max(s => s.ReferenceLength));
        return new EvaluationReport(corpusBleu, corpusChrf, bleuBootstrap, chrfBootstrap, lengths, sentences, worst,
            best, options);
    }

    /// <summary>Each segment's sentence BLEU (as sacreBLEU's sentence_bleu(): the same tokenizer, case and
    /// smoothing, effective order on) and chrF, from the corpus statistics.</summary>
    private static ScoredSentence[] ScoreSentences(IReadOnlyList<string> hypotheses, ReferenceSet references,
        IReadOnlyList<string>? sources, EvaluationReportOptions options, IReadOnlyList<int[]> bleuStats, Chrf chrf,
        IReadOnlyList<int[]> chrfStats)
    {
        var sentenceBleu = new Bleu(options.Bleu with { EffectiveOrder = true });
        var sentences = new ScoredSentence[hypotheses.Count];
        var bleuBuffer = new long[sentenceBleu.StatisticsLength];
        var chrfBuffer = new long[chrf.StatisticsLength];
        for (int i = 0; i < hypotheses.Count; i++)
        {
            Copy(bleuStats[i], bleuBuffer);
            Copy(chrfStats[i], chrfBuffer);
            sentences[i] = new ScoredSentence(i,
                sentenceBleu.ComputeFromStatistics(bleuBuffer, "1").Score,
                chrf.ComputeFScore(chrfBuffer),
                hypotheses[i], references.Segments[i], sources?[i], bleuStats[i][0], bleuStats[i][1]);
        }
        return sentences;
    }

    private static void Copy(int[] from, long[] to)
    {
        for (int k = 0; k < to.Length; k++)
        {
            to[k] = from[k];
        }
    }
}

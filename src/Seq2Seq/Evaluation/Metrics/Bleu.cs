using Seq2Seq.Evaluation.Compatibility;
using Seq2Seq.Evaluation.Tokenizers;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// BLEU exactly as sacreBLEU 2.6.0 computes it (corpus and sentence level).
/// </summary>
/// <remarks>
/// Per segment: optional Python <c>lower()</c>, Python <c>rstrip()</c>, the tokenizer, Python <c>split()</c>; then
/// n-grams of orders 1..4 are counted. Hypothesis n-gram counts are clipped by the MAXIMUM count of that n-gram
/// over the segment's references, totals are <c>max(0, len - n + 1)</c>, and the reference length is the CLOSEST
/// reference length (ties go to the SHORTER one). Corpus BLEU sums sys_len, ref_len, matches and totals over the
/// segments and scores once (<see cref="ComputeBleu"/>). An empty hypothesis adds 0 to sys_len but its closest
/// (i.e. shortest) reference length to ref_len.
/// The segment statistics are laid out as sacreBLEU's: <c>[sys_len, ref_len, correct_1..N, total_1..N]</c>.
/// </remarks>
public sealed class Bleu : CorpusMetric<BleuScore>
{
    /// <summary>Creates the metric; null options mean <see cref="BleuOptions.Corpus"/>.</summary>
    public Bleu(BleuOptions? options = null)
    {
        Options = options ?? BleuOptions.Corpus;
        if (Options.MaxNgramOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxNgramOrder must be at least 1.");
        }
        if (Options.SmoothValue is { } v && (double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "SmoothValue must be finite.");
        }
        Tokenizer = BleuTokenizers.Create(Options.Tokenize);
    }

    /// <summary>The settings.</summary>
    public BleuOptions Options { get; }

    /// <summary>The tokenizer named by <see cref="BleuOptions.Tokenize"/>.</summary>
    public IBleuTokenizer Tokenizer { get; }

    /// <inheritdoc/>
    public override string Name => "BLEU";

    private int MaxOrder => Options.MaxNgramOrder;

    /// <summary>Corpus BLEU with the given options (default: <see cref="BleuOptions.Corpus"/>).</summary>
    /// <param name="hypotheses">One hypothesis per segment.</param>
    /// <param name="referenceStreams">Reference streams, each with one entry per hypothesis (null = missing).</param>
    /// <param name="options">Settings; null means the corpus defaults.</param>
    public static BleuScore Corpus(IReadOnlyList<string> hypotheses,
        IReadOnlyList<IReadOnlyList<string?>> referenceStreams, BleuOptions? options = null) =>
        new Bleu(options ?? BleuOptions.Corpus).CorpusScore(hypotheses, referenceStreams);

    /// <summary>Sentence BLEU as sacreBLEU's <c>sentence_bleu()</c>: by default with effective order ON
    /// (<see cref="BleuOptions.Sentence"/>).</summary>
    /// <param name="hypothesis">The hypothesis.</param>
    /// <param name="references">Its references (null entries are dropped).</param>
    /// <param name="options">Settings; null means the sentence defaults.</param>
    public static BleuScore Sentence(string hypothesis, IReadOnlyList<string?> references, BleuOptions? options = null) =>
        new Bleu(options ?? BleuOptions.Sentence).SentenceScore(hypothesis, references);

    /// <summary>The number of statistics per segment: 2 + 2 × max order.</summary>
    public override int StatisticsLength => 2 + 2 * MaxOrder;

    /// <summary>Lowercase (optional), rstrip, tokenize and split one segment, as sacreBLEU's preprocessing.</summary>
    public List<string> Preprocess(string segment)
    {
        if (Options.Lowercase)
        {
            segment = PythonText.Lower(segment);
        }
        // rstrip with Python's whitespace set BEFORE tokenizing (it matters for zh/char and for '-\n' in 13a).
        return PythonText.Split(Tokenizer.Tokenize(PythonText.RStrip(segment)));
    }

    /// <inheritdoc/>
    protected override int[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references)
    {
        // Reference n-grams: the MAX count of each n-gram over the references (clipping uses the most generous one).
        Dictionary<string, int>[]? refNgrams = null;
        var refLengths = new int[references.Count];
        for (int r = 0; r < references.Count; r++)
        {
            var tokens = Preprocess(references[r]);
            refLengths[r] = tokens.Count;
            var ngrams = NgramCounter.Count(tokens, 1, MaxOrder);
            if (refNgrams is null)
            {
                refNgrams = ngrams;
                continue;
            }
            for (int n = 0; n < MaxOrder; n++)
            {
                var merged = refNgrams[n];
                foreach (var (ngram, count) in ngrams[n])
                {
                    if (!merged.TryGetValue(ngram, out int existing) || count > existing)
                    {
                        merged[ngram] = count;
                    }
                }
            }
        }

        var hypTokens = Preprocess(hypothesis);
        var hypNgrams = NgramCounter.Count(hypTokens, 1, MaxOrder);
        var stats = new int[StatisticsLength];
        stats[0] = hypTokens.Count;
        stats[1] = ClosestReferenceLength(hypTokens.Count, refLengths);
        for (int n = 0; n < MaxOrder; n++)
        {
            int correct = 0;
            int total = 0;
            var refOrder = refNgrams![n];
            foreach (var (ngram, count) in hypNgrams[n])
            {
                total += count;
                if (refOrder.TryGetValue(ngram, out int refCount))
                {
                    correct += Math.Min(count, refCount);
                }
            }
            stats[2 + n] = correct;
            // total = max(0, len - n + 1): a hypothesis shorter than n has no n-grams.
            stats[2 + MaxOrder + n] = total;
        }
        return stats;
    }

    /// <summary>
    /// The reference length closest to the hypothesis length; on a tie the SHORTER reference wins (e.g. hyp length
    /// 2 with refs of length 0 and 4 gives 0). An empty-string reference has length 0 and takes part.
    /// </summary>
    public static int ClosestReferenceLength(int hypothesisLength, IReadOnlyList<int> referenceLengths)
    {
        int closestDiff = -1;
        int closestLength = -1;
        foreach (int length in referenceLengths)
        {
            int diff = Math.Abs(hypothesisLength - length);
            if (closestDiff == -1 || diff < closestDiff)
            {
                closestDiff = diff;
                closestLength = length;
            }
            else if (diff == closestDiff && length < closestLength)
            {
                closestLength = length;
            }
        }
        return closestLength;
    }

    /// <summary>The BLEU score of summed statistics <c>[sys_len, ref_len, correct_1..N, total_1..N]</c>.</summary>
    public override BleuScore ComputeFromStatistics(ReadOnlySpan<long> summed, string numberOfReferences)
    {
        if (summed.Length != StatisticsLength)
        {
            throw new ArgumentException($"Expected {StatisticsLength} statistics, got {summed.Length}.", nameof(summed));
        }
        var correct = new double[MaxOrder];
        var total = new double[MaxOrder];
        for (int n = 0; n < MaxOrder; n++)
        {
            correct[n] = summed[2 + n];
            total[n] = summed[2 + MaxOrder + n];
        }
        return ComputeBleu(correct, total, summed[0], summed[1], Options.Smoothing, Options.SmoothValue,
            Options.EffectiveOrder) with
        { Signature = Signature(numberOfReferences) };
    }

    /// <inheritdoc/>
    public override double ScoreFromStatistics(ReadOnlySpan<long> summed) => ComputeFromStatistics(summed, "1").Score;

    /// <inheritdoc/>
    protected override MetricResult ToResult(BleuScore score, MetricSignature? signature, ConfidenceInterval? confidence) =>
        MetricResult.FromBleu(score, signature, confidence);

    /// <summary>
    /// sacreBLEU's <c>compute_bleu</c>: the score from corpus (or sentence) sufficient statistics.
    /// </summary>
    /// <param name="correct">Matches per order (not modified; the returned counts are a copy).</param>
    /// <param name="total">Hypothesis n-grams per order (not modified).</param>
    /// <param name="sysLen">Hypothesis length.</param>
    /// <param name="refLen">Reference length.</param>
    /// <param name="smoothing">Smoothing method.</param>
    /// <param name="smoothValue">floor / add-k value; null means the method's default (0.1 / 1).</param>
    /// <param name="effectiveOrder">Whether to average only over orders up to the last non-zero total.</param>
    public static BleuScore ComputeBleu(IReadOnlyList<double> correct, IReadOnlyList<double> total, long sysLen,
        long refLen, BleuSmoothing smoothing, double? smoothValue, bool effectiveOrder)
    {
        int maxOrder = correct.Count;
        if (total.Count != maxOrder)
        {
            throw new ArgumentException("correct and total must have the same length.", nameof(total));
        }
        double value = smoothValue ?? smoothing.DefaultValue() ?? 0.0;
        var counts = correct.ToArray();
        var totals = total.ToArray();

        double bp = BrevityPenalty(sysLen, refLen);

        // Early exit (sacreBLEU #141): no match at any order gives score 0.0 with precisions all 0, whatever the
        // smoothing — add-k included, and before add-k touches the counts.
        if (counts.All(c => c == 0))
        {
            return new BleuScore(0.0, counts, totals, new double[maxOrder], bp, sysLen, refLen);
        }
        var precisions = SmoothedPrecisions(counts, totals, smoothing, value, effectiveOrder, out int effOrder);

        // Geometric mean over the first effOrder precisions. log(0) is floored to -9999999999 (sacreBLEU's my_log),
        // so any zero precision drives the score to exactly 0.0. Summed left to right like Python's sum().
        double logSum = 0.0;
        for (int n = 0; n < effOrder; n++)
        {
            logSum += MyLog(precisions[n]);
        }
        double score = bp * Math.Exp(logSum / effOrder);
        return new BleuScore(score, counts, totals, precisions, bp, sysLen, refLen);
    }

    /// <summary>1 when the hypothesis is at least as long as the reference, else exp(1 - r/c); an empty
    /// hypothesis side (c = 0) gives exactly 0.0 rather than a division by zero.</summary>
    private static double BrevityPenalty(long sysLen, long refLen) =>
        sysLen >= refLen ? 1.0 : sysLen > 0 ? Math.Exp(1.0 - (double)refLen / sysLen) : 0.0;

    /// <summary>The precision (in percent) of each order with the smoothing applied, and the order the geometric
    /// mean runs to. Add-k changes <paramref name="counts"/> and <paramref name="totals"/> in place.</summary>
    private static double[] SmoothedPrecisions(double[] counts, double[] totals, BleuSmoothing smoothing, double value,
        bool effectiveOrder, out int effOrder)
    {
        int maxOrder = counts.Length;
        var precisions = new double[maxOrder];
        double smoothMteval = 1.0;
        effOrder = maxOrder;
        for (int n = 1; n <= maxOrder; n++)
        {
            // add-k adds k to matches AND totals of orders n > 1, even when the total was 0 (a hypothesis shorter
            // than n then gets precision k/k = 100% for that order). The returned counts/totals include k.
            if (smoothing == BleuSmoothing.AddK && n > 1)
            {
                counts[n - 1] += value;
                totals[n - 1] += value;
            }
            // No n-grams of this order (hypothesis shorter than n): stop; the remaining precisions stay 0.
            if (totals[n - 1] == 0)
            {
                break;
            }
            // Effective order remembers the last order with a non-zero total; zero-MATCH orders still count.
            if (effectiveOrder)
            {
                effOrder = n;
            }
            if (counts[n - 1] != 0)
            {
                precisions[n - 1] = 100.0 * counts[n - 1] / totals[n - 1];
            }
            else if (smoothing == BleuSmoothing.Exp)
            {
                // NIST geometric sequence: 1/2, 1/4, ... of a match per successive zero-match order.
                smoothMteval *= 2;
                precisions[n - 1] = 100.0 / (smoothMteval * totals[n - 1]);
            }
            else if (smoothing == BleuSmoothing.Floor)
            {
                precisions[n - 1] = 100.0 * value / totals[n - 1];
            }
            // none and add-k leave a zero-match precision at 0, which makes the score 0.
        }
        return precisions;
    }

    /// <summary>sacreBLEU's <c>my_log</c>: log, with log(0) = -9999999999 instead of -infinity.</summary>
    private static double MyLog(double x) => x == 0.0 ? -9999999999.0 : Math.Log(x);

    /// <summary>
    /// The signature: <c>nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0</c>. case is "lc" when
    /// lowercasing, eff is "yes" with effective order, smooth shows the value for floor/add-k (<c>floor[0.10]</c>).
    /// </summary>
    public override MetricSignature Signature(string numberOfReferences) => new(numberOfReferences,
    [
        new MetricSignature.Field("case", "c", Options.Lowercase ? "lc" : "mixed"),
        new MetricSignature.Field("eff", "e", Options.EffectiveOrder ? "yes" : "no"),
        new MetricSignature.Field("tok", "tok", Tokenizer.Signature),
        new MetricSignature.Field("smooth", "s", Options.Smoothing.SignatureText(Options.SmoothValue)),
    ]);
}

using Seq2Seq.Evaluation.Compatibility;
using System.Globalization;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacreBLEU 2.6.0 computes them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Preprocessing is the optional Python <c>lower()</c> only: no rstrip (the API does not strip; only the CLI
/// does, which matters only with whitespace on) and no tokenization.</item>
/// <item>Character n-grams of orders 1..nc run over CODE POINTS (an emoji is one character) of
/// <c>''.join(s.split())</c> — every Python whitespace character removed — or of the raw line with whitespace on.</item>
/// <item>Word n-grams (orders 1..nw) use <c>s.split()</c> tokens of which each token longer than one code point loses
/// ONE ASCII punctuation character: the last if it is punctuation, otherwise the first ("(hi)" → "(hi", ")").</item>
/// <item>Per order the statistics are <c>[hyp count, ref count, matches]</c>, with the hyp count set to 0 when the
/// reference has no n-gram of that order (the hypothesis is not penalised for orders the reference lacks).</item>
/// <item>With several references, each segment keeps the statistics of the reference with the best sentence-level
/// score (strictly greater, so the first wins ties); the kept statistics are summed over the corpus.</item>
/// </list>
/// </remarks>
public sealed class Chrf : CorpusMetric<ChrfScore>
{
    /// <summary>sacreBLEU's chrF+ punctuation set: Python's <c>string.punctuation</c> (ASCII only).</summary>
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Creates the metric; null options mean chrF2 defaults.</summary>
    public Chrf(ChrfOptions? options = null)
    {
        Options = options ?? ChrfOptions.Chrf;
        if (Options.CharOrder < 0 || Options.WordOrder < 0 || Options.CharOrder + Options.WordOrder == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Orders must be non-negative and not both 0.");
        }
        if (Options.Beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Beta must be non-negative.");
        }
    }

    /// <summary>The settings.</summary>
    public ChrfOptions Options { get; }

    /// <summary>"chrF" + β + one '+' per word order: chrF2, chrF2++, chrF1, ...</summary>
    public override string Name => "chrF" + Options.Beta.ToString(CultureInfo.InvariantCulture) + new string('+', Options.WordOrder);

    private int Order => Options.CharOrder + Options.WordOrder;

    /// <summary>Number of statistics per segment: 3 × (char order + word order).</summary>
    public override int StatisticsLength => 3 * Order;

    /// <summary>Corpus chrF with the given options (default chrF2).</summary>
    public static ChrfScore Corpus(IReadOnlyList<string> hypotheses,
        IReadOnlyList<IReadOnlyList<string?>> referenceStreams, ChrfOptions? options = null) =>
        new Chrf(options).CorpusScore(hypotheses, referenceStreams);

    /// <summary>The score of summed statistics.</summary>
    public override ChrfScore ComputeFromStatistics(ReadOnlySpan<long> summed, string numberOfReferences)
    {
        if (summed.Length != StatisticsLength)
        {
            throw new ArgumentException($"Expected {StatisticsLength} statistics, got {summed.Length}.", nameof(summed));
        }
        return new ChrfScore(ComputeFScore(summed), Name, summed.ToArray())
        {
            Signature = Signature(numberOfReferences),
        };
    }

    /// <inheritdoc/>
    public override double ScoreFromStatistics(ReadOnlySpan<long> summed) => ComputeFScore(summed);

    /// <inheritdoc/>
    protected override MetricResult ToResult(ChrfScore score, MetricSignature? signature, ConfidenceInterval? confidence) =>
        MetricResult.FromChrf(score, signature, confidence);

    /// <summary>
    /// sacreBLEU's <c>_compute_f_score</c>.
    /// Default (no eps smoothing): P and R are AVERAGED over the orders where both hyp and ref counts are
    /// positive, then combined once into <c>100 (1+β²) P R / (β² P + R)</c>; 0 when P + R is 0 (this is not the
    /// mean of per-order F scores).
    /// Eps smoothing: per order P and R are 1e-16 when their denominator is 0, F is 1e-16 when
    /// <c>β² P + R</c> is 0, and the score is <c>100 × ΣF / (nc + nw)</c>.
    /// </summary>
    public double ComputeFScore(ReadOnlySpan<long> statistics)
    {
        const double eps = 1e-16;
        double factor = (double)Options.Beta * Options.Beta;
        double score = 0.0;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < Order; i++)
        {
            long nHyp = statistics[3 * i];
            long nRef = statistics[3 * i + 1];
            long nMatch = statistics[3 * i + 2];
            double prec = nHyp > 0 ? (double)nMatch / nHyp : eps;
            double rec = nRef > 0 ? (double)nMatch / nRef : eps;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0)
            {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (Options.EpsSmoothing)
        {
            return 100 * score / Order;
        }
        if (effectiveOrder == 0)
        {
            avgPrec = avgRec = 0.0;
        }
        else
        {
            avgPrec /= effectiveOrder;
            avgRec /= effectiveOrder;
        }
        if (avgPrec + avgRec != 0)
        {
            double f = (1 + factor) * avgPrec * avgRec;
            f /= factor * avgPrec + avgRec;
            return 100 * f;
        }
        return 0.0;
    }

    /// <inheritdoc/>
    /// <remarks>The statistics against the reference with the best chrF; on a tie the earlier reference is kept.</remarks>
    protected override int[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references)
    {
        var hypNgrams = ExtractNgrams(Preprocess(hypothesis));
        var statsBuffer = new long[StatisticsLength];
        int[]? best = null;
        double bestF = -1.0;
        foreach (string reference in references)
        {
            var stats = MatchStatistics(hypNgrams, ExtractNgrams(Preprocess(reference)));
            for (int k = 0; k < stats.Length; k++)
            {
                statsBuffer[k] = stats[k];
            }
            double f = ComputeFScore(statsBuffer);
            if (f > bestF)
            {
                bestF = f;
                best = stats;
            }
        }
        return best!;
    }

    private string Preprocess(string segment) => Options.Lowercase ? PythonText.Lower(segment) : segment;

    private int[] MatchStatistics(Dictionary<string, int>[] hyp, Dictionary<string, int>[] reference)
    {
        var stats = new int[StatisticsLength];
        for (int i = 0; i < Order; i++)
        {
            int hypCount = 0;
            int match = 0;
            var refOrder = reference[i];
            foreach (var (ngram, count) in hyp[i])
            {
                hypCount += count;
                if (refOrder.TryGetValue(ngram, out int refCount))
                {
                    match += Math.Min(count, refCount);
                }
            }
            int refTotal = 0;
            foreach (int c in refOrder.Values)
            {
                refTotal += c;
            }
            // A reference without n-grams of this order zeroes the hypothesis count: not a penalty.
            stats[3 * i] = refOrder.Count > 0 ? hypCount : 0;
            stats[3 * i + 1] = refTotal;
            stats[3 * i + 2] = match;
        }
        return stats;
    }

    /// <summary>Character n-grams of orders 1..nc followed by word n-grams of orders 1..nw.</summary>
    private Dictionary<string, int>[] ExtractNgrams(string segment)
    {
        var all = new Dictionary<string, int>[Order];
        string line = Options.Whitespace ? segment : PythonText.RemoveWhiteSpace(segment);
        int[] bounds = PythonText.CodePointBoundaries(line);
        int length = bounds.Length - 1;
        for (int n = 1; n <= Options.CharOrder; n++)
        {
            var counts = new Dictionary<string, int>(Math.Max(0, length - n + 1), StringComparer.Ordinal);
            for (int i = 0; i + n <= length; i++)
            {
                string key = line.Substring(bounds[i], bounds[i + n] - bounds[i]);
                counts[key] = counts.TryGetValue(key, out int c) ? c + 1 : 1;
            }
            all[n - 1] = counts;
        }
        if (Options.WordOrder > 0)
        {
            var words = RemovePunctuation(segment);
            for (int n = 1; n <= Options.WordOrder; n++)
            {
                all[Options.CharOrder + n - 1] = NgramCounter.CountOrder(words, n);
            }
        }
        return all;
    }

    /// <summary>
    /// chrF++'s word tokenization: <c>s.split()</c>, then a token of more than one CODE POINT loses one ASCII
    /// punctuation character — the last one if it is punctuation, otherwise the first one if that is — which becomes
    /// a token of its own. "(hi)" gives "(hi" and ")" (sacreBLEU issue #124, kept); "..." gives ".." and "."; a
    /// single-code-point token (including one emoji) is kept whole.
    /// </summary>
    public static List<string> RemovePunctuation(string segment)
    {
        var result = new List<string>();
        foreach (string w in PythonText.Split(segment))
        {
            if (PythonText.CodePointCount(w) == 1)
            {
                result.Add(w);
            }
            else if (Punctuation.Contains(w[^1]))
            {
                result.Add(w[..^1]);
                result.Add(w[^1..]);
            }
            else if (Punctuation.Contains(w[0]))
            {
                result.Add(w[..1]);
                result.Add(w[1..]);
            }
            else
            {
                result.Add(w);
            }
        }
        return result;
    }

    /// <summary>
    /// <c>nrefs:N|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0</c>; eff is "yes" when eps smoothing is OFF
    /// (effective-order averaging), and the short form abbreviates space as <c>s:</c>. β is not in the signature.
    /// </summary>
    public override MetricSignature Signature(string numberOfReferences) => new(numberOfReferences,
    [
        new MetricSignature.Field("case", "c", Options.Lowercase ? "lc" : "mixed"),
        new MetricSignature.Field("eff", "e", Options.EpsSmoothing ? "no" : "yes"),
        new MetricSignature.Field("nc", "nc", Options.CharOrder.ToString(CultureInfo.InvariantCulture)),
        new MetricSignature.Field("nw", "nw", Options.WordOrder.ToString(CultureInfo.InvariantCulture)),
        new MetricSignature.Field("space", "s", Options.Whitespace ? "yes" : "no"),
    ]);
}

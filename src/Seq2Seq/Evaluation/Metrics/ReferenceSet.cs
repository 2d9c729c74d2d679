namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// References regrouped per segment, following sacreBLEU's rules for missing references.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Input is a list of reference STREAMS (stream k holds one reference per hypothesis), as in sacreBLEU's
/// <c>corpus_score(hyps, [refs1, refs2])</c>.</item>
/// <item>A <c>null</c> entry means "no reference from this stream for this segment": it is dropped, so segments
/// may have different reference counts and the signature then says <c>nrefs:var</c>.</item>
/// <item>An empty string <c>""</c> is NOT missing: it is kept as a real reference of length 0 (it can win the
/// closest-length choice of BLEU).</item>
/// <item>Every stream must have exactly one entry per hypothesis (sacreBLEU silently truncates with <c>zip</c>; a
/// length mismatch is almost always a bug, so it is an error here).</item>
/// <item>A segment whose references are all null is an error (sacreBLEU crashes on it, or for an empty
/// hypothesis silently subtracts 1 from ref_len).</item>
/// </list>
/// </remarks>
public sealed class ReferenceSet
{
    private ReferenceSet(IReadOnlyList<IReadOnlyList<string>> segments, string numberOfReferences)
    {
        Segments = segments;
        NumberOfReferences = numberOfReferences;
    }

    /// <summary>For each segment, its non-null references in stream order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Segments { get; }

    /// <summary>The signature's nrefs value: the per-segment count, or "var".</summary>
    public string NumberOfReferences { get; }

    /// <summary>Regroups reference streams per segment.</summary>
    /// <param name="streams">Reference streams, each with one (possibly null) entry per segment.</param>
    /// <param name="segmentCount">The number of hypotheses.</param>
    public static ReferenceSet FromStreams(IReadOnlyList<IReadOnlyList<string?>> streams, int segmentCount)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0)
        {
            throw new ArgumentException("At least one reference stream is required.", nameof(streams));
        }
        for (int k = 0; k < streams.Count; k++)
        {
            if (streams[k] is null)
            {
                throw new ArgumentException($"Reference stream {k + 1} is null.", nameof(streams));
            }
            if (streams[k].Count != segmentCount)
            {
                throw new ArgumentException(
                    $"Reference stream {k + 1} has {streams[k].Count} lines but there are {segmentCount} hypotheses.",
                    nameof(streams));
            }
        }
        var segments = new IReadOnlyList<string>[segmentCount];
        var counts = new int[segmentCount];
        for (int i = 0; i < segmentCount; i++)
        {
            var refs = new List<string>(streams.Count);
            foreach (var stream in streams)
            {
                if (stream[i] is { } r)
                {
                    refs.Add(r);
                }
            }
            if (refs.Count == 0)
            {
                throw new ArgumentException($"Segment {i + 1} has no reference (all streams are null there).",
                    nameof(streams));
            }
            segments[i] = refs;
            counts[i] = refs.Count;
        }
        return new ReferenceSet(segments, MetricSignature.ReferenceCountLabel(counts));
    }

    /// <summary>The references of one sentence, as sacreBLEU's <c>sentence_score(hyp, refs)</c> takes them: each
    /// reference is its own stream of one line (null entries dropped).</summary>
    public static ReferenceSet FromSentence(IReadOnlyList<string?> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        return FromStreams(references.Select(r => (IReadOnlyList<string?>)new[] { r }).ToList(), 1);
    }
}

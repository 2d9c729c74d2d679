using static TorchSharp.torch;

namespace Seq2Seq.Data;

/// <summary>
/// A padded batch of sentence pairs. Source rows are token ids padded with 0; the target is split
/// into the decoder input (bos + tokens) and the expected output (tokens + eos).
/// Rows are ordered by target length, longest first (a stable sort, so pairs of equal target length,
/// e.g. sources to translate with empty targets, keep their order). Then the rows still decoding
/// at step t are always a prefix of the batch, of size <see cref="StepSizes"/>[t], and teacher
/// forcing can skip finished rows entirely (no work on target padding).
/// </summary>
public sealed class Batch : IDisposable
{
    public const int PadId = SpecialTokens.PadId, BosId = SpecialTokens.BosId, EosId = SpecialTokens.EosId;

    /// <summary>batch x src_len (int64)</summary>
    public Tensor Source { get; }

    /// <summary>batch (int64): real source lengths</summary>
    public Tensor SourceLengths { get; }

    /// <summary>batch x trg_len (int64): bos y1 .. yn, padded</summary>
    public Tensor TargetInput { get; }

    /// <summary>batch x trg_len (int64): y1 .. yn eos, padded</summary>
    public Tensor TargetOutput { get; }

    /// <summary>Line numbers of the pairs in their corpus, in batch order.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Number of real target tokens (including eos): the loss is normalized by it.</summary>
    public int TargetTokens { get; }

    /// <summary>Number of source and target positions that are padding, for the padding fraction.</summary>
    public long PaddedPositions { get; }

    public long TotalPositions { get; }

    public int Size => Indices.Count;

    /// <summary>Per decoder step: how many rows (a prefix of the batch) still have a target token.</summary>
    public IReadOnlyList<int> StepSizes { get; }

    /// <summary>
    /// (sum of StepSizes) int64: the expected output tokens of the real positions only, step by step
    /// (all rows of step 0, then of step 1, ...): the order of the decoder's packed outputs.
    /// </summary>
    public Tensor PackedTargets { get; }

    public Batch(IReadOnlyList<TokenizedPair> unordered)
    {
        var pairs = unordered.OrderByDescending(p => p.Target.Length).ToArray();
        int n = pairs.Length;
        int srcLen = Math.Max(1, pairs.Max(p => p.Source.Length));
        int trgLen = pairs.Max(p => p.Target.Length) + 1;
        var src = new long[n * srcLen];
        var lengths = new long[n];
        var trgIn = new long[n * trgLen];
        var trgOut = new long[n * trgLen];
        int tokens = 0;
        long real = 0;
        for (int i = 0; i < n; i++)
        {
            var p = pairs[i];
            // An empty source still needs one position for the packed encoder; it holds eos.
            if (p.Source.Length == 0) src[i * srcLen] = EosId;
            for (int j = 0; j < p.Source.Length; j++) src[i * srcLen + j] = p.Source[j];
            lengths[i] = Math.Max(1, p.Source.Length);
            trgIn[i * trgLen] = BosId;
            for (int j = 0; j < p.Target.Length; j++)
            {
                trgIn[i * trgLen + j + 1] = p.Target[j];
                trgOut[i * trgLen + j] = p.Target[j];
            }
            trgOut[i * trgLen + p.Target.Length] = EosId;
            tokens += p.Target.Length + 1;
            real += lengths[i] + p.Target.Length + 1;
        }
        var stepSizes = new int[trgLen];
        var packed = new long[tokens];
        for (int t = 0, k = 0; t < trgLen; t++)
        {
            while (stepSizes[t] < n && pairs[stepSizes[t]].Target.Length + 1 > t) stepSizes[t]++;
            for (int i = 0; i < stepSizes[t]; i++) packed[k++] = trgOut[i * trgLen + t];
        }
        StepSizes = stepSizes;
        PackedTargets = tensor(packed);
        Source = tensor(src, [n, srcLen]);
        SourceLengths = tensor(lengths);
        TargetInput = tensor(trgIn, [n, trgLen]);
        TargetOutput = tensor(trgOut, [n, trgLen]);
        Indices = pairs.Select(p => p.Index).ToArray();
        TargetTokens = tokens;
        TotalPositions = (long)n * (srcLen + trgLen);
        PaddedPositions = TotalPositions - real;
    }

    public void Dispose()
    {
        Source.Dispose();
        SourceLengths.Dispose();
        TargetInput.Dispose();
        TargetOutput.Dispose();
        PackedTargets.Dispose();
    }
}

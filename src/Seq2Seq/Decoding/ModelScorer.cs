using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// The step scorer of one <see cref="TranslationModel"/> on one batch. The source is encoded (and
/// the attention keys projected) once, in the constructor; rows are expanded into beams, reordered
/// and dropped by index selection of the decoder state, and the encoded source is re-selected only
/// when the set of sentences the rows belong to changes.
/// </summary>
public sealed class ModelScorer : IStepScorer
{
    private readonly TranslationModel model;
    private readonly EncodedSource encodedAll;
    private EncodedSource? encoded;
    private DecoderState? state;
    private DecoderState? pending;
    private long[] rowSentences = [];
    private readonly int[] sourceLengths;

    /// <param name="source">batch x src_len token ids of this model's source vocabulary</param>
    /// <param name="lengths">batch: real source lengths (int64)</param>
    public ModelScorer(TranslationModel model, Tensor source, Tensor lengths)
    {
        this.model = model;
        using var noGrad = no_grad();
        sourceLengths = lengths.data<long>().Select(l => (int)l).ToArray();
        encodedAll = Detach(model.Encode(source, lengths));
    }

    public int VocabularySize => model.Decoder.VocabularySize;

    public int BatchSize => sourceLengths.Length;

    public IReadOnlyList<int> SourceLengths => sourceLengths;

    public void Start(long[]? rowSentences)
    {
        using var noGrad = no_grad();
        ReleaseStates();
        this.rowSentences = rowSentences ?? Enumerable.Range(0, BatchSize).Select(i => (long)i).ToArray();
        SelectEncoded(rowSentences);
        state = Detach(model.Decoder.InitialState(encoded!.Summary));
    }

    private static readonly long[] NeverGenerated = [SpecialTokens.PadId, SpecialTokens.BosId];

    public StepScores Step(Tensor previous)
    {
        if (state is null) throw new InvalidOperationException("Start must be called before Step");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var decoder = model.Decoder;
        var (next, weights) = decoder.Step(decoder.Embed(previous), state, encoded!);
        var logProbs = decoder.Project(next.Attentional).log_softmax(-1);     // rows x vocab
        // Padding and bos are never outputs (no target holds them), but an undertrained model may
        // still rank them first; generated, they would vanish from the text and misalign attention.
        logProbs.index_fill_(1, tensor(NeverGenerated), double.NegativeInfinity);
        pending?.Dispose();
        pending = Detach(next);
        return new StepScores(logProbs.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }

    public void Advance(long[]? origins)
    {
        var next = pending ?? throw new InvalidOperationException("Advance must follow Step");
        pending = null;
        if (origins is not null)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var reordered = Detach(next.Select(tensor(origins)));
            next.Dispose();
            next = reordered;
            var sentences = origins.Select(o => rowSentences[o]).ToArray();
            if (!sentences.AsSpan().SequenceEqual(rowSentences))
            {
                rowSentences = sentences;
                SelectEncoded(sentences);
            }
        }
        state!.Dispose();
        state = next;
    }

    private void SelectEncoded(long[]? rows)
    {
        if (encoded is not null && !ReferenceEquals(encoded, encodedAll)) encoded.Dispose();
        if (rows is null)
        {
            encoded = encodedAll;
            return;
        }
        using var scope = NewDisposeScope();
        encoded = Detach(encodedAll.Select(tensor(rows)));
    }

    private void ReleaseStates()
    {
        state?.Dispose();
        state = null;
        pending?.Dispose();
        pending = null;
    }

    private static DecoderState Detach(DecoderState s)
    {
        foreach (var h in s.Hidden) h.DetachFromDisposeScope();
        if (s.Cell is not null) foreach (var c in s.Cell) c.DetachFromDisposeScope();
        s.Attentional.DetachFromDisposeScope();
        return s;
    }

    private static EncodedSource Detach(EncodedSource e)
    {
        e.Values.DetachFromDisposeScope();
        e.ProjectedKeys.DetachFromDisposeScope();
        e.Mask.DetachFromDisposeScope();
        e.Summary.DetachFromDisposeScope();
        return e;
    }

    public void Dispose()
    {
        ReleaseStates();
        if (encoded is not null && !ReferenceEquals(encoded, encodedAll)) encoded.Dispose();
        encoded = null;
        encodedAll.Dispose();
    }
}

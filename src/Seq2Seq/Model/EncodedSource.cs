using static TorchSharp.torch;

namespace Seq2Seq.Model;

/// <summary>
/// What the decoder needs from the encoder, computed once per batch: the per-position states
/// (attention values), their projection by the attention's key layer (computed once, not once per
/// decoder step), the mask of real (non-padded) source positions and the encoder summary.
/// </summary>
public sealed class EncodedSource(Tensor values, Tensor projectedKeys, Tensor mask, Tensor summary) : IDisposable
{
    /// <summary>batch x src_len x 2*encoder_hidden</summary>
    public Tensor Values { get; private set; } = values;

    /// <summary>batch x src_len x attention_size</summary>
    public Tensor ProjectedKeys { get; private set; } = projectedKeys;

    /// <summary>batch x src_len, true at real tokens</summary>
    public Tensor Mask { get; private set; } = mask;

    /// <summary>batch x 2*encoder_hidden: final forward and backward states of the top layer</summary>
    public Tensor Summary { get; private set; } = summary;

    /// <summary>Rows selected (and repeated) by index, e.g. to expand each sentence into its beam.</summary>
    public EncodedSource Select(Tensor rows) => new(
        Values.index_select(0, rows), ProjectedKeys.index_select(0, rows),
        Mask.index_select(0, rows), Summary.index_select(0, rows));

    /// <summary>The first rows only, as views.</summary>
    public EncodedSource Narrow(int rows) => new(
        Values.narrow(0, 0, rows), ProjectedKeys.narrow(0, 0, rows), Mask.narrow(0, 0, rows), Summary.narrow(0, 0, rows));

    public void Dispose()
    {
        Values.Dispose();
        ProjectedKeys.Dispose();
        Mask.Dispose();
        Summary.Dispose();
    }
}

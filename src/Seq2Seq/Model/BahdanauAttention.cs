using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Seq2Seq.Model;

/// <summary>
/// Additive attention (Bahdanau et al., 2015): score(s, h_i) = vᵀ tanh(W s + U h_i).
/// U h_i (the projected keys) is computed once per batch by <see cref="ProjectKeys"/>.
/// Padded source positions are masked out before the softmax.
/// </summary>
public sealed class BahdanauAttention : Module
{
    private readonly Linear key_layer;    // U
    private readonly Linear query_layer;  // W
    private readonly Linear energy_layer; // v

    public BahdanauAttention(int keySize, int querySize, int attentionSize) : base(nameof(BahdanauAttention))
    {
        key_layer = Linear(keySize, attentionSize, hasBias: false);
        query_layer = Linear(querySize, attentionSize, hasBias: false);
        energy_layer = Linear(attentionSize, 1, hasBias: false);
        RegisterComponents();
    }

    /// <param name="values">batch x src_len x key_size</param>
    /// <returns>batch x src_len x attention_size</returns>
    public Tensor ProjectKeys(Tensor values) => key_layer.call(values);

    /// <param name="query">batch x query_size (the decoder state)</param>
    /// <param name="projectedKeys">batch x src_len x attention_size</param>
    /// <param name="values">batch x src_len x key_size</param>
    /// <param name="mask">batch x src_len, true at real tokens</param>
    /// <returns>context: batch x key_size; weights: batch x src_len</returns>
    public (Tensor Context, Tensor Weights) Attend(Tensor query, Tensor projectedKeys, Tensor values, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var projectedQuery = query_layer.call(query).unsqueeze(1);                   // batch x 1 x attn
        var scores = energy_layer.call(tanh(projectedQuery + projectedKeys)).squeeze(2); // batch x src_len
        scores = scores.masked_fill(mask.logical_not(), double.NegativeInfinity);
        var weights = functional.softmax(scores, dim: -1);                        // batch x src_len
        var context = bmm(weights.unsqueeze(1), values).squeeze(1);                  // batch x key_size
        return (context.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }
}

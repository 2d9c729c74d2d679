using Seq2Seq.Data;
using Seq2Seq.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>
/// Cross-entropy with label smoothing over the real (non-padded) target positions only: the
/// output projection and the softmax are applied to those rows alone, so padding costs nothing.
/// Returns the summed smoothed loss (what is optimized) and the summed negative log-likelihood
/// (for perplexity), both scalars.
/// </summary>
public static class TranslationLoss
{
    /// <param name="attentional">batch x trg_len x hidden: the decoder's attentional vectors</param>
    /// <param name="targetOutput">batch x trg_len: expected ids, 0 at padding</param>
    public static (Tensor Smoothed, Tensor NegativeLogLikelihood) Sum(
        AttentionDecoder decoder, Tensor attentional, Tensor targetOutput, double labelSmoothing)
    {
        using var scope = NewDisposeScope();
        var flatTargets = targetOutput.reshape(-1);                              // batch*trg_len
        var real = flatTargets.ne(TranslationModel.PadId).nonzero().squeeze(1);  // n_real
        var rows = attentional.reshape(-1, attentional.shape[2]).index_select(0, real); // n_real x hidden
        var targets = flatTargets.index_select(0, real);                           // n_real
        var logProbs = decoder.Project(rows).log_softmax(-1);                       // n_real x vocab
        var nll = -logProbs.gather(1, targets.unsqueeze(1)).sum();
        Tensor smoothed = nll;
        if (labelSmoothing > 0)
        {
            // Smoothing spreads ε uniformly over the vocabulary: (1-ε)·nll + ε·mean_v(-log p_v).
            var uniform = -logProbs.mean([1L]).sum();
            smoothed = nll * (1 - labelSmoothing) + uniform * labelSmoothing;
        }
        return (smoothed.MoveToOuterDisposeScope(), nll.MoveToOuterDisposeScope());
    }
}

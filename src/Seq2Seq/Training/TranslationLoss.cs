using Seq2Seq.Data;
using Seq2Seq.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>
/// Cross-entropy with label smoothing over the real target positions only: the decoder's outputs
/// come packed (no padded positions), so the output projection and the softmax never see padding.
/// Returns the summed smoothed loss (what is optimized) and the summed negative log-likelihood
/// (for perplexity), both scalars.
/// </summary>
public static class TranslationLoss
{
    /// <param name="attentional">positions x hidden: the decoder's packed attentional vectors</param>
    /// <param name="targets">positions: the expected ids, in the same order</param>
    public static (Tensor Smoothed, Tensor NegativeLogLikelihood) Sum(
        AttentionDecoder decoder, Tensor attentional, Tensor targets, double labelSmoothing)
    {
        using var scope = NewDisposeScope();
        var logProbs = decoder.Project(attentional).log_softmax(-1);               // positions x vocab
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

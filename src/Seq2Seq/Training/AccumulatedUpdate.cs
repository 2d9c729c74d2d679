using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>What one update saw and did: summed loss, target tokens, padded and total batch positions, the outcome.</summary>
public readonly record struct UpdateResult(double Loss, int Tokens, long PaddedPositions, long TotalPositions, UpdateOutcome Outcome);

/// <summary>
/// One optimizer update from a group of batches (gradient accumulation, training.accumulate):
/// forward, label-smoothed loss and guarded backward of each batch, then one clipped step. Each
/// batch's loss is divided by the whole group's normalizer (its target tokens or sentences), so the
/// group trains like one batch of all its pairs, up to the order in which gradients are summed.
/// A group of one batch is a plain update.
/// </summary>
internal sealed class AccumulatedUpdate(TranslationModel model, GuardedUpdate update, TrainingConfig settings)
{
    public UpdateResult Apply(IReadOnlyList<IReadOnlyList<TokenizedPair>> group)
    {
        using var scope = NewDisposeScope();
        var batches = group.Select(pairs => new Batch(pairs)).ToArray();
        int tokens = batches.Sum(b => b.TargetTokens);
        double denominator = settings.LossNormalization switch
        {
            LossNormalization.Tokens => tokens,
            LossNormalization.Sentences => batches.Sum(b => b.Size),
            _ => 1.0,
        };
        double loss = 0;
        update.Begin();
        foreach (var batch in batches)
        {
            using var partScope = NewDisposeScope();
            var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
            var (smoothed, _) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, settings.LabelSmoothing);
            loss += smoothed.item<float>();
            update.Accumulate(smoothed / denominator);
        }
        var outcome = update.Finish();
        foreach (var batch in batches) batch.Dispose();
        return new UpdateResult(loss, tokens, batches.Sum(b => b.PaddedPositions), batches.Sum(b => b.TotalPositions), outcome);
    }
}

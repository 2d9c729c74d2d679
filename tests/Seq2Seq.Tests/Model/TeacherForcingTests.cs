using Seq2Seq.Data;
using Seq2Seq.Training;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

[Collection(LibTorchCollection.Name)]
public class TeacherForcingTests
{
    private static Batch MakeBatch() => new(
    [
        new TokenizedPair(0, [5, 6, 7], [8, 9]),
        new TokenizedPair(1, [4, 5, 6, 7, 8], [9, 10, 11, 12, 13]),
        new TokenizedPair(2, [10, 11], [12, 13, 14]),
    ]);

    /// <summary>The decoder's packed attentional vectors of the whole batch, teacher-forced.</summary>
    private static Tensor TeacherForced(Seq2Seq.Model.TranslationModel model, Batch batch) =>
        model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);

    [Fact]
    public void BatchRowsAreSortedByTargetLengthWithPackedTargets()
    {
        using var batch = MakeBatch();
        Assert.Equal([1, 2, 0], batch.Indices);
        // Targets + eos: lengths 6, 4, 3 -> step sizes 3,3,3,2,1,1.
        Assert.Equal([3, 3, 3, 2, 1, 1], batch.StepSizes);
        Assert.Equal(13, batch.TargetTokens);
        Assert.Equal(new long[] { 9, 12, 8, 10, 13, 9, 11, 14, 2, 12, 2, 13, 2 }, batch.PackedTargets.data<long>().ToArray());
    }

    [Fact]
    public void SkippingFinishedRowsGivesTheSameOutputsAsDecodingPadding()
    {
        using var model = TinyModels.Create(seed: 9);
        using var scope = NewDisposeScope();
        using var batch = MakeBatch();
        var packed = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
        // The same batch decoded with every row at every step (padding included).
        int steps = batch.StepSizes.Count;
        var full = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, Enumerable.Repeat(batch.Size, steps).ToArray());
        var fullRows = full.reshape(steps, batch.Size, -1);                   // step x row x hidden
        int k = 0;
        for (int t = 0; t < steps; t++)
            for (int row = 0; row < batch.StepSizes[t]; row++, k++)
                Assert.True(allclose(packed[k], fullRows[t, row], rtol: 1e-5, atol: 1e-6), $"step {t} row {row}");
        Assert.Equal(k, (int)packed.shape[0]);
    }

    [Fact]
    public void LossCountsEveryRealTokenOnce()
    {
        using var model = TinyModels.Create(seed: 10);
        using var scope = NewDisposeScope();
        using var batch = MakeBatch();
        var attentional = TeacherForced(model, batch);
        var (_, nll) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, 0.0);
        var logProbs = model.Decoder.Project(attentional).log_softmax(-1);
        double expected = 0;
        var targets = batch.PackedTargets.data<long>().ToArray();
        for (int i = 0; i < targets.Length; i++) expected -= logProbs[i, targets[i]].item<float>();
        Assert.Equal(expected, nll.item<float>(), 3);
    }

    [Fact]
    public void LabelSmoothingMatchesLibTorchCrossEntropy()
    {
        using var model = TinyModels.Create(seed: 11);
        using var scope = NewDisposeScope();
        using var batch = MakeBatch();
        var attentional = TeacherForced(model, batch);
        var (smoothed, nll) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, 0.1);
        var logits = model.Decoder.Project(attentional);
        var reference = nn.functional.cross_entropy(logits, batch.PackedTargets, reduction: nn.Reduction.Sum, label_smoothing: 0.1);
        Assert.Equal(reference.item<float>(), smoothed.item<float>(), 3);
        var plain = nn.functional.cross_entropy(logits, batch.PackedTargets, reduction: nn.Reduction.Sum);
        Assert.Equal(plain.item<float>(), nll.item<float>(), 3);
        Assert.NotEqual(nll.item<float>(), smoothed.item<float>());
    }

    [Fact]
    public void PaddedSourcePositionsDoNotChangeTheLoss()
    {
        using var model = TinyModels.Create(seed: 12);
        using var scope = NewDisposeScope();
        using var batch = MakeBatch();
        var attentional = TeacherForced(model, batch);
        var (loss, _) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, 0.1);
        // Real-looking ids in every padded source position.
        var noisy = batch.Source.clone();
        var padded = noisy.eq(Batch.PadId);
        Assert.True(padded.any().item<bool>(), "the batch has no padding; the test would prove nothing");
        noisy.masked_fill_(padded, 7);
        var noisyAttentional = model.ForwardAttentional(noisy, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
        var (noisyLoss, _) = TranslationLoss.Sum(model.Decoder, noisyAttentional, batch.PackedTargets, 0.1);
        Assert.True(allclose(attentional, noisyAttentional, rtol: 1e-5, atol: 1e-6), "decoder outputs changed with padding content");
        Assert.Equal(loss.item<float>(), noisyLoss.item<float>(), 5);
    }
}

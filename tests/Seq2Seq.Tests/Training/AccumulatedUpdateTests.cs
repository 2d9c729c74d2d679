using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Tests.Model;
using Seq2Seq.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Training;

[Collection(LibTorchCollection.Name)]
public class AccumulatedUpdateTests
{
    private static readonly TokenizedPair[] Pairs =
    [
        new(0, [5, 6, 7], [8, 9]),
        new(1, [4, 5, 6, 7, 8], [9, 10, 11, 12, 13]),
        new(2, [10, 11], [12, 13, 14]),
        new(3, [7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17]),
        new(4, [12, 13, 14, 15, 16, 17], [4, 5]),
    ];

    /// <summary>The weights after one update of a fresh seeded model on <paramref name="group"/>, and the update's figures.</summary>
    private static (float[][] Weights, UpdateResult Result) OneUpdate(TrainingConfig settings, params TokenizedPair[][] group)
    {
        using var model = TinyModels.Create(seed: 11);
        model.train();
        var parameters = model.parameters().ToArray();
        using var optimizer = OptimizerFactory.Create(parameters, settings);
        var update = new GuardedUpdate(parameters, optimizer, settings.ClipGradNorm);
        var result = new AccumulatedUpdate(model, update, settings).Apply(group);
        return (parameters.Select(p => p.data<float>().ToArray()).ToArray(), result);
    }

    [Theory]
    [InlineData(LossNormalization.Tokens)]
    [InlineData(LossNormalization.Sentences)]
    [InlineData(LossNormalization.None)]
    public void AccumulatedPartsTrainLikeOneBatchOfAllTheirPairs(LossNormalization normalization)
    {
        // Without clipping Adam's first step is lr * sign(gradient), which would hide a wrong scale; SGD shows it.
        var settings = new TrainingConfig { Optimizer = OptimizerType.Sgd, LearningRate = 0.5, ClipGradNorm = 0, LossNormalization = normalization };
        var (whole, wholeResult) = OneUpdate(settings, Pairs);
        var (parts, partsResult) = OneUpdate(settings, Pairs[..2], Pairs[2..3], Pairs[3..]);
        var (firstOnly, _) = OneUpdate(settings, Pairs[..2]);

        Assert.Equal(wholeResult.Tokens, partsResult.Tokens);
        Assert.Equal(wholeResult.Loss, partsResult.Loss, 3);
        Assert.Equal(wholeResult.Outcome.GradNorm, partsResult.Outcome.GradNorm, 5);
        double largest = 0, differenceFromFirst = 0;
        for (int p = 0; p < whole.Length; p++)
            for (int i = 0; i < whole[p].Length; i++)
            {
                largest = Math.Max(largest, Math.Abs(whole[p][i] - parts[p][i]));
                differenceFromFirst = Math.Max(differenceFromFirst, Math.Abs(whole[p][i] - firstOnly[p][i]));
            }
        Assert.True(largest < 1e-6, $"largest weight difference {largest}");
        Assert.True(differenceFromFirst > 1e-3, "the other parts did not change the update");
    }

    [Fact]
    public void OnePartWithANonFiniteLossSkipsTheWholeUpdate()
    {
        using var scope = NewDisposeScope();
        var w = new Parameter(tensor(new float[] { 0.5f, 2.0f }));
        using var optimizer = optim.SGD([w], 0.1);
        var update = new GuardedUpdate([w], optimizer, 0);

        update.Begin();
        update.Accumulate((w * w).sum());
        update.Accumulate((w * float.NaN).sum());
        update.Accumulate((w * w).sum());
        var outcome = update.Finish();
        Assert.False(outcome.Applied);
        Assert.Equal(1, update.Skipped);
        Assert.Equal([0.5f, 2.0f], w.data<float>().ToArray());

        // The next update starts clean: two parts of w.w add their gradients (2w each).
        update.Begin();
        update.Accumulate((w * w).sum());
        update.Accumulate((w * w).sum());
        Assert.True(update.Finish().Applied);
        Assert.Equal([0.5f - 0.1f * 2, 2.0f - 0.1f * 8], w.data<float>().ToArray(), (x, y) => Math.Abs(x - y) < 1e-6);
    }
}

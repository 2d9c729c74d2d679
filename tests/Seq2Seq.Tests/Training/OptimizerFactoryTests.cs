using Seq2Seq.Configuration;
using Seq2Seq.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Training;

/// <summary>training.optimizer and training.weight_decay build the optimizer they name.</summary>
[Collection(LibTorchCollection.Name)]
public class OptimizerFactoryTests
{
    /// <summary>One step from weights 1 with a zero gradient: only weight decay moves them.</summary>
    private static float StepWithZeroGradient(OptimizerType type)
    {
        var weight = new Parameter(ones(4));
        using var optimizer = OptimizerFactory.Create([weight], new TrainingConfig { Optimizer = type, LearningRate = 0.1, WeightDecay = 0.5 });
        optimizer.zero_grad();
        (weight * 0).sum().backward();
        optimizer.step();
        return weight[0].item<float>();
    }

    [Fact]
    public void WeightDecayIsCoupledInAdamAndSgdAndDecoupledInAdamW()
    {
        // AdamW decays the weight directly: w (1 - lr wd) = 0.95.
        Assert.Equal(0.95f, StepWithZeroGradient(OptimizerType.Adamw), 4);
        // Adam adds wd w to the gradient; its first normalized step moves by lr: 1 - 0.1 = 0.9.
        Assert.Equal(0.9f, StepWithZeroGradient(OptimizerType.Adam), 3);
        // SGD: w - lr wd w = 0.95.
        Assert.Equal(0.95f, StepWithZeroGradient(OptimizerType.Sgd), 4);
    }

    [Fact]
    public void SetLearningRateChangesEveryGroup()
    {
        var weight = new Parameter(ones(2));
        using var optimizer = OptimizerFactory.Create([weight], new TrainingConfig { Optimizer = OptimizerType.Adamw, LearningRate = 0.1 });
        OptimizerFactory.SetLearningRate(optimizer, 0.025);
        Assert.All(optimizer.ParamGroups, g => Assert.Equal(0.025, g.LearningRate));
    }
}

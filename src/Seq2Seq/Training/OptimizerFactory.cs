using Seq2Seq.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>Builds the optimizer named in the config.</summary>
public static class OptimizerFactory
{
    public static TorchSharp.Modules.OptimizerHelper Create(IEnumerable<Parameter> parameters, TrainingConfig config) => config.Optimizer switch
    {
        OptimizerType.Adam => optim.Adam(parameters, config.LearningRate, weight_decay: config.WeightDecay),
        OptimizerType.Adamw => optim.AdamW(parameters, config.LearningRate, weight_decay: config.WeightDecay),
        OptimizerType.Sgd => optim.SGD(parameters, config.LearningRate, weight_decay: config.WeightDecay),
        _ => throw new InvalidOperationException($"unknown optimizer {config.Optimizer}"),
    };

    public static void SetLearningRate(TorchSharp.Modules.OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }
}

using Seq2Seq.Cli;

namespace Seq2Seq.Tests.Training;

[Collection(LibTorchCollection.Name)]
public class DivergenceTests
{
    [Fact]
    public void NonFiniteUpdatesAreSkippedAndCountedAndADivergingRunStopsWithOneMessage()
    {
        // SGD at learning rate 100 with weight decay 10 multiplies the weights by about -999 per
        // step: within a few steps they overflow, the loss turns inf/NaN and stays so.
        using var experiment = new ReversalExperiment("""
            "optimizer": "sgd", "learning_rate": 100, "weight_decay": 10, "clip_grad_norm": 0, "loss_normalization": "none",
            "batch_size": 200, "max_steps": 200, "validation_frequency": 10, "log_frequency": 5
            """);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(["train", experiment.ConfigPath], output, error);

        Assert.Equal(1, code);
        // The training log goes to stderr too; the error is its last line, and said once.
        var lines = error.ToString().TrimEnd().Split('\n');
        string message = lines[^1];
        Assert.Single(lines, l => l.Contains("diverged"));
        Assert.StartsWith("seq2seq train: training diverged: the last 10 updates (up to step ", message);
        Assert.Contains("training.learning_rate", message);

        var stopped = Assert.Single(experiment.Records("stopped"));
        Assert.Equal("diverged", stopped.GetProperty("reason").GetString());
        int lastStep = stopped.GetProperty("step").GetInt32();
        Assert.InRange(lastStep, 10, 199);
        Assert.InRange(stopped.GetProperty("skipped").GetInt32(), 10, lastStep);
        Assert.Equal(stopped.GetProperty("skipped").GetInt32(), lines.Count(l => l.Contains("update skipped")));
        // Earlier skips were counted in the training lines as they happened.
        var skipped = experiment.Records("train").Select(r => r.GetProperty("skipped").GetInt32()).ToArray();
        Assert.Equal(0, skipped[0]);
        Assert.True(skipped.Zip(skipped.Skip(1)).All(p => p.First <= p.Second));
        Assert.True(File.Exists(experiment.LastCheckpoint));
    }
}

using Seq2Seq.Cli;

namespace Seq2Seq.Tests.Training;

/// <summary>
/// The trainer's stopping rules, run end to end on tiny data: early stopping, the learning-rate
/// floor and max_epochs, each with its reason in metrics.jsonl and in the one-line summary.
/// A learning rate of 1e-30 leaves the weights bit-identical (far below float precision), so the
/// dev loss never improves after the first validation.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class StoppingTests
{
    private static (string Out, string Err) Train(ReversalExperiment experiment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(["train", experiment.ConfigPath], output, error);
        Assert.True(code == 0, error.ToString());
        return (output.ToString(), error.ToString());
    }

    [Fact]
    public void EarlyStoppingEndsTheRunAfterPatienceValidationsWithoutImprovement()
    {
        using var experiment = new ReversalExperiment("""
            "optimizer": "sgd", "learning_rate": 1e-30, "min_learning_rate": 1e-31, "schedule": "constant", "batch_size": 200, "max_steps": 100,
            "validation_frequency": 5, "early_stopping_metric": "loss", "early_stopping_patience": 2
            """);
        var (output, _) = Train(experiment);

        var validations = experiment.Records("validation");
        Assert.Equal([5, 10, 15], validations.Select(v => v.GetProperty("step").GetInt32()));
        Assert.Equal([true, false, false], validations.Select(v => v.GetProperty("best").GetBoolean()));
        var stopped = Assert.Single(experiment.Records("stopped"));
        Assert.Equal(15, stopped.GetProperty("step").GetInt32());
        Assert.Equal("no improvement of loss in 2 validations", stopped.GetProperty("reason").GetString());

        // The summary: one line with steps, wall time, reason, best validation (and its BLEU), best model.
        string summary = output.TrimEnd();
        Assert.DoesNotContain('\n', summary);
        double bleu = validations[0].GetProperty("bleu").GetDouble();
        double loss = validations[0].GetProperty("loss").GetDouble();
        Assert.Matches(@"^trained 15 steps in \d\d:\d\d \(no improvement of loss in 2 validations\); ", summary);
        Assert.Contains($"best dev loss {loss:F4} at step 5 (BLEU {bleu:F2}); best model {Path.Combine(experiment.RunDir, "best.ckpt")}", summary);

        // The curves are drawn into the run folder.
        var png = File.ReadAllBytes(Path.Combine(experiment.RunDir, "curves.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void TrainingStopsWhenThePlateauScheduleFallsBelowTheMinimumRate()
    {
        using var experiment = new ReversalExperiment("""
            "optimizer": "sgd", "learning_rate": 1e-30, "schedule": "plateau", "plateau_patience": 0, "decay_factor": 0.5,
            "min_learning_rate": 7e-31, "batch_size": 200, "max_steps": 100, "validation_frequency": 5, "early_stopping_metric": "loss"
            """);
        var (output, _) = Train(experiment);
        var stopped = Assert.Single(experiment.Records("stopped"));
        Assert.Equal(10, stopped.GetProperty("step").GetInt32());
        Assert.Equal("learning rate fell below 7E-31", stopped.GetProperty("reason").GetString());
        Assert.StartsWith("trained 10 steps in ", output);
    }

    [Fact]
    public void MaxEpochsEndsTheRunAtTheEndOfAnEpoch()
    {
        using var experiment = new ReversalExperiment("""
            "batch_size": 200, "max_epochs": 1, "validation_frequency": 0
            """);
        File.WriteAllText(experiment.ConfigPath, File.ReadAllText(experiment.ConfigPath).Replace("\"print_validation_examples\": 0", "\"print_validation_examples\": 2"));
        var (output, error) = Train(experiment);
        var stopped = Assert.Single(experiment.Records("stopped"));
        Assert.Equal("reached 1 epoch", stopped.GetProperty("reason").GetString());
        Assert.Matches(@"\nmodel: [\d,]+ parameters \(lstm, embedding 16, encoder 1x16x2, decoder 1x32, attention 16\); 1 thread\n", error);
        // The one validation prints two dev sentences: source, reference and hypothesis each.
        var log = error.Split('\n');
        Assert.Equal(2, log.Count(l => l.StartsWith("  source     ", StringComparison.Ordinal)));
        Assert.Equal(2, log.Count(l => l.StartsWith("  reference  ", StringComparison.Ordinal)));
        Assert.Equal(2, log.Count(l => l.StartsWith("  hypothesis ", StringComparison.Ordinal)));
        var validation = Assert.Single(experiment.Records("validation"));
        Assert.Equal(stopped.GetProperty("step").GetInt32(), validation.GetProperty("step").GetInt32());
        Assert.Equal(1, validation.GetProperty("epoch").GetInt32());
        Assert.Contains("(reached 1 epoch); best dev BLEU ", output);
    }
}

using Seq2Seq.Configuration;
using Seq2Seq.Training;

namespace Seq2Seq.Tests.Training;

public class ResumeCompatibilityTests
{
    [Fact]
    public void TheFreeKeysAreThoseMarkedOnTheConfigRecords()
    {
        // How long to go on, where to write and how to report; nothing that changes the experiment.
        string[] expected =
        [
            "name", "data.test",
            "training.run_dir", "training.threads", "training.min_learning_rate", "training.max_epochs", "training.max_steps",
            "training.log_frequency", "training.early_stopping_patience", "training.print_validation_examples", "training.tensorboard",
            "decoding.beam_size", "decoding.length_penalty", "decoding.length_penalty_type", "decoding.sampling",
            "decoding.sampling_top_k", "decoding.sampling_top_p", "decoding.sampling_temperature", "decoding.sampling_seed",
        ];
        Assert.Equal(expected.Order(), ResumeCompatibility.FreeKeys.Order());
    }

    [Fact]
    public void AChangedLearningRateIsRefusedAndAChangedStepLimitIsTaken()
    {
        var trained = new ExperimentConfig { Training = new TrainingConfig { RunDir = "/runs/a" } };
        var log = new StringWriter();
        var steps = new LoadedConfig(trained with { Training = trained.Training with { MaxSteps = 500 } }, "/cfg/c.json", "/cfg", "c.json");
        ResumeCompatibility.Check(trained, steps, "last.ckpt", log);
        Assert.Contains("training.max_steps changed from 0 to 500", log.ToString());

        var rate = new LoadedConfig(trained with { Training = trained.Training with { LearningRate = 0.5 } }, "/cfg/c.json", "/cfg", "c.json");
        var error = Assert.Throws<UserError>(() => ResumeCompatibility.Check(trained, rate, "last.ckpt", log));
        Assert.Contains("training.learning_rate is 0.5 here but was 0.001", error.Message);
    }
}

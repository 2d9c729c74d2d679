using Seq2Seq.Cli;

namespace Seq2Seq.Tests.Training;

/// <summary>training.threads sets libtorch's thread count; without it training uses every core.</summary>
[Collection(LibTorchCollection.Name)]
public class ThreadCountTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("\"threads\": 3, ", 3)]
    public void TrainingRunsOnTheConfiguredThreadsOrOnEveryCore(string key, int expected)
    {
        if (expected == 0) expected = Environment.ProcessorCount;
        using var experiment = new ReversalExperiment("""
            "batch_size": 200, "max_steps": 2, "validation_frequency": 2
            """);
        File.WriteAllText(experiment.ConfigPath, File.ReadAllText(experiment.ConfigPath).Replace("\"threads\": 1, ", key));
        int before = TorchSharp.torch.get_num_threads();
        try
        {
            var error = new StringWriter();
            int code = CommandLine.Run(["train", experiment.ConfigPath], new StringWriter(), error);
            Assert.True(code == 0, error.ToString());
            Assert.Equal(expected, TorchSharp.torch.get_num_threads());
            Assert.Contains($"; {expected} thread{(expected == 1 ? "" : "s")}\n", error.ToString());
        }
        finally
        {
            TorchSharp.torch.set_num_threads(before);
        }
    }
}

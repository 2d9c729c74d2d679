using Seq2Seq.Cli;
using Seq2Seq.Decoding;
using Seq2Seq.Packaging;
using Seq2Seq.Training;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Training;

[Collection(LibTorchCollection.Name)]
public class AverageTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static Dictionary<string, float[]> Parameters(string path)
    {
        using var model = ModelLoader.Build(ModelFile.Load(path), path);
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());
    }

    private static void AssertMean(string averaged, params string[] inputs)
    {
        var result = Parameters(averaged);
        var parts = inputs.Select(Parameters).ToArray();
        Assert.Equal(parts[0].Keys.Order(), result.Keys.Order());
        foreach (var (name, values) in result)
        {
            for (int i = 0; i < values.Length; i++)
            {
                double mean = parts.Sum(p => (double)p[name][i]) / parts.Length;
                Assert.True(Math.Abs(values[i] - mean) <= 1e-6 * Math.Max(1, Math.Abs(mean)), $"{name}[{i}]: {values[i]} is not the mean {mean}");
            }
        }
        // The inputs really differ, so the mean is not one of them.
        Assert.Contains(result.Keys, name => !parts[0][name].SequenceEqual(parts[1][name]));
    }

    [Fact]
    public void AveragesParametersElementwiseAndRefusesOtherModels()
    {
        using var experiment = new ReversalExperiment("""
            "learning_rate": 0.01, "batch_size": 200, "max_steps": 30, "validation_frequency": 10, "log_frequency": 10, "keep_best_checkpoints": 3
            """);
        var (code, _, error) = Run("train", experiment.ConfigPath);
        Assert.True(code == 0, error);
        var run = new RunDirectory(experiment.RunDir);
        string c10 = run.StepCheckpoint(10), c20 = run.StepCheckpoint(20), c30 = run.StepCheckpoint(30);
        Assert.True(File.Exists(c10) && File.Exists(c20) && File.Exists(c30));

        // Named files: the elementwise mean; config and vocabularies of the newest; no optimizer state.
        string output = experiment.Folder.File("avg.ckpt");
        (code, var stdout, error) = Run("average", "--output", output, c20, c10);
        Assert.True(code == 0, error);
        Assert.Contains("averaged 2 checkpoints", stdout);
        AssertMean(output, c10, c20);
        var averaged = ModelFile.Load(output);
        Assert.Empty(averaged.Payload);
        Assert.Equal(ModelFile.Load(c20).ConfigJson, averaged.ConfigJson);
        Assert.Empty(Directory.GetFiles(experiment.Folder.Path, "*.tmp"));
        using (var translator = Translator.Load(output))
        {
            Assert.Single(translator.Translate(["alpha beta gamma"], beam: 2));
        }

        // --run DIR --last N: the N highest steps of checkpoints/.
        string last2 = experiment.Folder.File("last2.ckpt");
        (code, _, error) = Run("average", "--run", experiment.RunDir, "--last", "2", "--output", last2);
        Assert.True(code == 0, error);
        AssertMean(last2, c20, c30);
        (code, _, error) = Run("average", "--run", experiment.RunDir, "--last", "5", "--output", last2);
        Assert.Equal(1, code);
        Assert.Contains("fewer than the 5", error);

        // Another model (other shapes) and another vocabulary: one clear error each.
        using var other = new ReversalExperiment("""
            "learning_rate": 0.01, "batch_size": 200, "max_steps": 10, "validation_frequency": 10, "log_frequency": 10
            """, embedding: 8);
        (code, _, error) = Run("train", other.ConfigPath);
        Assert.True(code == 0, error);
        (code, _, error) = Run("average", "--output", output, c10, other.LastCheckpoint);
        Assert.Equal(1, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("another model than", error);
        Assert.Contains("shape", error);

        var c10Checkpoint = ModelFile.Load(c10);
        string otherVocabulary = experiment.Folder.File("other-vocabulary.ckpt");
        new ModelFile
        {
            ConfigJson = c10Checkpoint.ConfigJson,
            SourcePipeline = c10Checkpoint.SourcePipeline.ToDictionary(kv => kv.Key, kv => kv.Value.Replace("alpha", "omega")),
            TargetPipeline = c10Checkpoint.TargetPipeline,
            Weights = c10Checkpoint.Weights,
        }.Save(otherVocabulary);
        (code, _, error) = Run("average", "--output", output, c10, otherVocabulary);
        Assert.Equal(1, code);
        Assert.Contains("vocabulary differs", error);

        (code, _, error) = Run("average", "--output", output);
        Assert.Equal(1, code);
        Assert.Contains("missing checkpoints", error);
    }
}

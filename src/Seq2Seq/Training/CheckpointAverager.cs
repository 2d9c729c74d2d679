using Seq2Seq.Model;
using Seq2Seq.Packaging;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>
/// Checkpoint averaging: the elementwise mean of the parameters of several checkpoints of one
/// training run, often a little better than any one of them. The result is a model file with the
/// config and text pipelines of the newest checkpoint (highest step; the last given on a tie or
/// without trainer state), the averaged weights and no optimizer or trainer state, written
/// atomically. Checkpoints of different models (other shapes, parameters or vocabularies) are refused.
/// </summary>
public static partial class CheckpointAverager
{
    /// <summary>The last <paramref name="count"/> step checkpoints (by step) of a run folder's checkpoints/.</summary>
    public static IReadOnlyList<string> LastOfRun(string runDirectory, int count)
    {
        var run = new RunDirectory(runDirectory);
        if (!Directory.Exists(run.CheckpointFolder)) throw new UserError($"{run.CheckpointFolder}: no checkpoints folder; is {runDirectory} a training run folder?");
        var steps = Directory.GetFiles(run.CheckpointFolder, "step-*.ckpt")
            .Select(f => (File: f, Match: StepPattern().Match(Path.GetFileName(f))))
            .Where(f => f.Match.Success)
            .OrderBy(f => long.Parse(f.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => f.File)
            .ToArray();
        if (steps.Length < count)
        {
            throw new UserError($"{run.CheckpointFolder}: {steps.Length} checkpoint(s), fewer than the {count} asked for (training.keep_best_checkpoints sets how many a run keeps)");
        }
        return steps[^count..];
    }

    /// <summary>Averages the checkpoints' parameters into a new model file at <paramref name="output"/>; returns the newest input.</summary>
    public static string Average(IReadOnlyList<string> paths, string output)
    {
        if (paths.Count < 1) throw new UserError("no checkpoints to average");
        var checkpoints = paths.Select(ModelFile.Load).ToArray();
        var steps = checkpoints.Select((c, i) => TrainingCheckpoint.State(c, paths[i])?.Step ?? int.MinValue).ToArray();
        int newest = 0;
        for (int i = 1; i < checkpoints.Length; i++)
        {
            if (steps[i] >= steps[newest]) newest = i;
        }
        var reference = checkpoints[newest];
        string referencePath = paths[newest];
        for (int i = 0; i < checkpoints.Length; i++)
        {
            if (!SameFiles(checkpoints[i].SourcePipeline, reference.SourcePipeline) || !SameFiles(checkpoints[i].TargetPipeline, reference.TargetPipeline))
            {
                throw new UserError($"{paths[i]}: another model than {referencePath} (its tokenizer or vocabulary differs); only checkpoints of one model can be averaged");
            }
        }

        using var scope = NewDisposeScope();
        using var model = ModelLoader.Build(reference, referencePath);
        var sums = model.state_dict().ToDictionary(p => p.Key, p => p.Value.to_type(ScalarType.Float64, copy: true));
        for (int i = 0; i < checkpoints.Length; i++)
        {
            if (i == newest) continue;
            using var other = Build(checkpoints[i], paths[i], referencePath);
            var parameters = other.state_dict();
            string? missing = sums.Keys.FirstOrDefault(k => !parameters.ContainsKey(k)) ?? parameters.Keys.FirstOrDefault(k => !sums.ContainsKey(k));
            if (missing is not null) throw Different(paths[i], referencePath, $"parameter '{missing}' is in only one of them");
            foreach (var (name, sum) in sums)
            {
                var value = parameters[name];
                if (!value.shape.SequenceEqual(sum.shape))
                {
                    throw Different(paths[i], referencePath, $"parameter '{name}' has shape [{string.Join(", ", value.shape)}], not [{string.Join(", ", sum.shape)}]");
                }
                sum.add_(value.to_type(ScalarType.Float64));
            }
        }
        using (no_grad())
        {
            foreach (var (name, parameter) in model.state_dict())
            {
                parameter.copy_(sums[name].div(checkpoints.Length).to_type(parameter.dtype));
            }
        }
        new ModelFile
        {
            ConfigJson = reference.ConfigJson,
            SourcePipeline = reference.SourcePipeline,
            TargetPipeline = reference.TargetPipeline,
            Weights = ModelWeights.Save(model),
        }.Save(output);
        return referencePath;
    }

    /// <summary>The model of one checkpoint; a model its own config cannot build is a different model.</summary>
    private static TranslationModel Build(ModelFile checkpoint, string path, string referencePath)
    {
        try
        {
            return ModelLoader.Build(checkpoint, path);
        }
        catch (ArgumentException e)
        {
            throw Different(path, referencePath, e.Message);
        }
    }

    private static UserError Different(string path, string referencePath, string detail) =>
        new($"{path}: another model than {referencePath} ({detail}); only checkpoints of one model can be averaged");

    private static bool SameFiles(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    [GeneratedRegex(@"^step-([0-9]+)\.ckpt$")]
    private static partial Regex StepPattern();
}

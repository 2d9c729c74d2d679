using Seq2Seq.Configuration;
using Seq2Seq.Model;
using Seq2Seq.Tokenization;

namespace Seq2Seq.Training;

/// <summary>A checkpoint brought back to life: its config, both text pipelines and the model with its weights.</summary>
public sealed record LoadedModel(ExperimentConfig Config, TextPipeline Source, TextPipeline Target, TranslationModel Model);

/// <summary>
/// Builds the model a checkpoint describes (its config and vocabulary sizes) and loads its weights.
/// Every way the file can be damaged or inconsistent is one clear error naming the file.
/// </summary>
public static class CheckpointModel
{
    /// <summary>
    /// The embedded config. Its paths are relative to the run folder the file was written in (for
    /// files of format version 1, absolute): they are resolved against the folder of
    /// <paramref name="path"/>, which is that run folder for best.ckpt, last.ckpt and averaged models.
    /// </summary>
    public static ExperimentConfig Config(Checkpoint checkpoint, string path) =>
        ConfigLoader.LoadFromText(checkpoint.ConfigJson, Path.GetFullPath(path) + ".config.json", $"{path} (embedded config)").Config;

    public static LoadedModel Load(Checkpoint checkpoint, string path)
    {
        var config = Config(checkpoint, path);
        TextPipeline source, target;
        try
        {
            source = TextPipeline.FromFiles(checkpoint.SourcePipeline, config.Data);
            target = TextPipeline.FromFiles(checkpoint.TargetPipeline, config.Data);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new UserError($"{path}: damaged model, its tokenizer or vocabulary files do not load ({e.Message})");
        }
        ModelMemory.Check(config.Model, source.Vocabulary.Count, target.Vocabulary.Count, ModelMemory.Inference, path);
        var model = new TranslationModel(config.Model, source.Vocabulary.Count, target.Vocabulary.Count);
        try
        {
            ModelWeights.Load(model, checkpoint.Weights);
        }
        catch (InvalidDataException e)
        {
            model.Dispose();
            throw new UserError($"{path}: the weights do not fit the model its config describes ({e.Message})");
        }
        return new LoadedModel(config, source, target, model);
    }

    public static TranslationModel Build(Checkpoint checkpoint, string path) => Load(checkpoint, path).Model;
}

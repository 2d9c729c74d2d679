using Seq2Seq.Configuration;
using Seq2Seq.Model;
using Seq2Seq.Tokenization;

namespace Seq2Seq.Packaging;

/// <summary>A model file brought back to life: its config, both text pipelines and the model with its weights.</summary>
public sealed record LoadedModel(ExperimentConfig Config, TextPipeline Source, TextPipeline Target, TranslationModel Model);

/// <summary>
/// Builds the model a model file describes (its config and vocabulary sizes) and loads its weights.
/// Every way the file can be damaged or inconsistent is one clear error naming the file.
/// </summary>
public static class ModelLoader
{
    /// <summary>
    /// The embedded config. Its paths are relative to the run folder the file was written in (for
    /// files of format version 1, absolute): they are resolved against the folder of
    /// <paramref name="path"/>, which is that run folder for best.ckpt, last.ckpt and averaged models.
    /// </summary>
    public static ExperimentConfig Config(ModelFile file, string path) =>
        ConfigLoader.LoadFromText(file.ConfigJson, Path.GetFullPath(path) + ".config.json", $"{path} (embedded config)").Config;

    /// <summary>Reads, checks and builds the model file at <paramref name="path"/>.</summary>
    public static LoadedModel Load(string path) => Load(ModelFile.Load(path), path);

    public static LoadedModel Load(ModelFile file, string path)
    {
        var config = Config(file, path);
        TextPipeline source, target;
        try
        {
            source = TextPipeline.FromFiles(file.SourcePipeline, config.Data);
            target = TextPipeline.FromFiles(file.TargetPipeline, config.Data);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new UserError($"{path}: damaged model, its tokenizer or vocabulary files do not load ({e.Message})");
        }
        ModelMemory.Check(config.Model, source.Vocabulary.Count, target.Vocabulary.Count, ModelMemory.Inference, path);
        var model = new TranslationModel(config.Model, source.Vocabulary.Count, target.Vocabulary.Count);
        try
        {
            LoadWeights(model, file.Weights, path);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return new LoadedModel(config, source, target, model);
    }

    public static TranslationModel Build(ModelFile file, string path) => Load(file, path).Model;

    /// <summary>Loads <paramref name="weights"/> into <paramref name="model"/>; weights of another model are one error naming <paramref name="path"/>.</summary>
    public static void LoadWeights(TranslationModel model, byte[] weights, string path)
    {
        try
        {
            ModelWeights.Load(model, weights);
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{path}: the weights do not fit the model its config describes ({e.Message})");
        }
    }
}

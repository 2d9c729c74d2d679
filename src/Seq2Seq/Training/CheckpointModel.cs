using Seq2Seq.Configuration;
using Seq2Seq.Model;
using Seq2Seq.Tokenization;

namespace Seq2Seq.Training;

/// <summary>Builds the model a checkpoint describes (its config and vocabulary sizes) and loads its weights.</summary>
public static class CheckpointModel
{
    public static ExperimentConfig Config(Checkpoint checkpoint, string path) =>
        ConfigLoader.LoadFromText(checkpoint.ConfigJson, Path.GetFullPath(path) + ".config.json", $"{path} (embedded config)").Config;

    public static TranslationModel Build(Checkpoint checkpoint, string path)
    {
        var config = Config(checkpoint, path);
        var source = TextPipeline.FromFiles(checkpoint.SourcePipeline, config.Data);
        var target = TextPipeline.FromFiles(checkpoint.TargetPipeline, config.Data);
        var model = new TranslationModel(config.Model, source.Vocabulary.Count, target.Vocabulary.Count);
        try
        {
            model.load(new MemoryStream(checkpoint.Weights));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or KeyNotFoundException)
        {
            model.Dispose();
            throw new UserError($"{path}: the weights do not fit the model its config describes ({e.Message})");
        }
        return model;
    }
}

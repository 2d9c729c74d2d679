using Seq2Seq.Files;

namespace Seq2Seq.Packaging;

/// <summary>Exports a checkpoint as a model package: weights, config, tokenizers and vocabularies, marked as kind "model".</summary>
public static class ModelExport
{
    /// <summary>Writes the model package of a checkpoint (or of another package) and returns it.</summary>
    public static ModelFile Export(string checkpointPath, string packagePath)
    {
        if (DurableFile.FinalTarget(checkpointPath) == DurableFile.FinalTarget(packagePath))
        {
            throw new UserError($"{packagePath}: the package would overwrite the checkpoint it is exported from");
        }
        // The whole source is checked (config, tokenizers, vocabularies, weights against the model
        // they describe) before the output is touched: a damaged source never replaces a good package.
        var source = ModelFile.Load(checkpointPath);
        ModelLoader.Load(source, checkpointPath).Model.Dispose();
        var package = source.WithoutPayload();
        package.Save(packagePath);
        return package;
    }
}

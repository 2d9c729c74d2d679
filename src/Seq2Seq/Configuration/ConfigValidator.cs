namespace Seq2Seq.Configuration;

/// <summary>
/// Checks a whole config: the per-key constraints ([Required], [Range], [OneOf]; the loader already
/// enforced the last two, but configs built in code have not been through it) and the rules that
/// relate several keys. Throws a <see cref="ConfigError"/> for the first problem.
/// </summary>
public static class ConfigValidator
{
    /// <summary>Validates a config built in code; <paramref name="source"/> names it in messages.</summary>
    public static void Validate(ExperimentConfig config, string source = "config") => Validate(config, source, _ => null);

    /// <param name="source">Names the config in messages about keys that no file sets.</param>
    /// <param name="locationOf">Where a JSON path was written (file and line), or null when no source sets the key.</param>
    internal static void Validate(ExperimentConfig config, string source, Func<string, ConfigLocation?> locationOf)
    {
        var context = new Context(source, locationOf);
        CheckKeys(ConfigSection.Root, config, "", context);
        CheckCrossField(config, context);
    }

    private sealed record Context(string Source, Func<string, ConfigLocation?> LocationOf)
    {
        /// <summary>An error at the file and line of the first of <paramref name="path"/> and <paramref name="linePaths"/> that a source sets.</summary>
        public ConfigError Error(string path, string message, params string[] linePaths)
        {
            foreach (var candidate in linePaths.Prepend(path))
                if (LocationOf(candidate) is ConfigLocation location)
                    return ConfigMessages.Error(location.Origin.DisplayPath, location.DisplayLine, path, message);
            return ConfigMessages.Error(Source, null, path, message);
        }
    }

    private static void CheckKeys(ConfigSection section, object instance, string path, Context context)
    {
        foreach (var key in section.Keys)
        {
            var keyPath = ConfigMessages.Join(path, key.Name);
            var value = key.GetValue(instance);
            if (key.Required && (value == null || value is string { Length: 0 }))
                throw context.Error(keyPath, $"must be set ({Lowercase(key.Description)})", path);
            if (value == null) continue;
            if (key.Type.Section is ConfigSection child)
            {
                CheckKeys(child, value, keyPath, context);
                continue;
            }
            var values = key.Type.Kind == ConfigValueKind.Array
                ? ((System.Collections.IEnumerable)value).Cast<object?>()
                : [value];
            foreach (var item in values)
            {
                bool bad = item switch
                {
                    int or long or double or float => !ConfigMessages.InRange(key.Range, Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture)),
                    string s => key.OneOf != null && !key.OneOf.Contains(s),
                    _ => false,
                };
                if (bad)
                    throw context.Error(keyPath, $"expected {ConfigMessages.Expected(key, key.Type.Element ?? key.Type)}, got {ConfigMessages.Describe(item)}");
            }
        }
    }

    private static string Lowercase(string? doc)
    {
        if (string.IsNullOrEmpty(doc)) return "no default";
        var text = doc.TrimEnd('.');
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static void CheckCrossField(ExperimentConfig config, Context context)
    {
        if (config.Name is string name &&
            (name.Length == 0 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('\\')))
            throw context.Error("name", $"must be a plain folder name (no '/' or '\\'), got {ConfigMessages.Describe(name)}");

        var data = config.Data;
        if (data.SrcLang == data.TrgLang)
            throw context.Error("data.trg_lang",
                $"must differ from data.src_lang (both are '{data.SrcLang}', so '<prefix>.{data.SrcLang}' would be read for both sides)",
                "data.src_lang", "data");

        var tokenizer = config.Tokenizer;
        if (tokenizer.Type == TokenizerType.Sentencepiece && string.IsNullOrEmpty(tokenizer.SentencepieceModel))
            throw context.Error("tokenizer.sentencepiece_model", "must be set when tokenizer.type is 'sentencepiece'",
                "tokenizer.type", "tokenizer");

        var model = config.Model;
        if (model.ShareEmbeddings && !tokenizer.Joint)
            throw context.Error("model.share_embeddings",
                "needs tokenizer.joint = true (one vocabulary for source and target)");
        if (model.TieOutputEmbedding && model.EmbeddingSize != model.DecoderHiddenSize)
            throw context.Error("model.tie_output_embedding",
                $"needs model.embedding_size ({model.EmbeddingSize}) = model.decoder_hidden_size ({model.DecoderHiddenSize})");

        var training = config.Training;
        if (training.Schedule is ScheduleType.WarmupInverseSqrt or ScheduleType.WarmupExponential && training.WarmupSteps == 0)
            throw context.Error("training.warmup_steps",
                $"must be > 0 with training.schedule '{ConfigNaming.EnumValue(training.Schedule)}'", "training.schedule");
        if (training.MinLearningRate >= training.LearningRate)
            throw context.Error("training.min_learning_rate",
                $"must be below training.learning_rate ({ConfigMessages.Describe(training.LearningRate)}), got {ConfigMessages.Describe(training.MinLearningRate)}; training stops once the rate falls below it",
                "training.learning_rate");
    }
}

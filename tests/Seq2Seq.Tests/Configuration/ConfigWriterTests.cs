using Seq2Seq.Configuration;
using System.Text.Json;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigWriterTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WritesSnakeCaseKeysAndEnumValues()
    {
        var json = ConfigWriter.ToJson(new ExperimentConfig
        {
            Training = new TrainingConfig { Schedule = ScheduleType.WarmupInverseSqrt, LearningRate = 0.0005 },
        });
        using var document = JsonDocument.Parse(json);
        var training = document.RootElement.GetProperty("training");
        Assert.Equal("warmup_inverse_sqrt", training.GetProperty("schedule").GetString());
        Assert.Equal(0.0005, training.GetProperty("learning_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, training.GetProperty("run_dir").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("name").ValueKind);
        Assert.Equal("src", document.RootElement.GetProperty("data").GetProperty("src_lang").GetString());
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void WritesEveryKeyOfEverySection()
    {
        using var document = JsonDocument.Parse(ConfigWriter.ToJson(new ExperimentConfig()));
        foreach (var (section, keys) in ReflectedKeys())
        {
            var element = section.Length == 0 ? document.RootElement : document.RootElement.GetProperty(section);
            Assert.Equal(keys, element.EnumerateObject().Select(p => p.Name).ToArray());
        }
    }

    /// <summary>Keys per section straight from the records' properties, independent of the config code.</summary>
    internal static IEnumerable<(string Section, string[] Keys)> ReflectedKeys()
    {
        static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
        static string[] Keys(Type t) => t.GetProperties().Where(p => p.SetMethod?.IsPublic == true).OrderBy(p => p.MetadataToken).Select(p => Snake(p.Name)).ToArray();
        yield return ("", Keys(typeof(ExperimentConfig)));
        foreach (var property in typeof(ExperimentConfig).GetProperties().Where(p => p.PropertyType.Namespace == typeof(ExperimentConfig).Namespace && p.PropertyType.IsClass && p.PropertyType != typeof(string)))
            yield return (Snake(property.Name), Keys(property.PropertyType));
    }

    [Fact]
    public void RoundTripsThroughTheLoader()
    {
        var path = _folder.Write("configs/deen.json", """
            {
              "data": { "train": "../corpus/train", "dev": "../corpus/dev", "test": "../corpus/test",
                        "src_lang": "de", "trg_lang": "en", "max_length_ratio": 2.5, "normalization": "none", "lowercase": true },
              "tokenizer": { "type": "sentencepiece", "sentencepiece_model": "spm.model", "joint": true, "max_vocab_size": 32000 },
              "model": { "rnn_type": "gru", "embedding_size": 300, "decoder_hidden_size": 300, "tie_output_embedding": true,
                         "share_embeddings": true, "dropout": 0.1, "init": "xavier", "init_scale": 0.05 },
              "training": { "optimizer": "adamw", "learning_rate": 3e-4, "min_learning_rate": 1e-7, "schedule": "warmup_exponential",
                            "decay_factor": 0.75, "batch_type": "sentences", "loss_normalization": "none",
                            "early_stopping_metric": "perplexity", "seed": -1 },
              "decoding": { "beam_size": 12, "length_penalty": 0.6, "length_penalty_type": "average", "replace_unknown": true },
              "evaluation": { "tokenize": "zh", "lowercase": true }
            }
            """);
        var first = ConfigLoader.Load(path).Config;

        var copy = _folder.Write("elsewhere/copy.json", ConfigWriter.ToJson(first));
        var second = ConfigLoader.Load(copy).Config;

        Assert.Equal(first, second);
        Assert.Equal(first.Data, second.Data);
        Assert.Equal(1e-7, second.Training.MinLearningRate);
        Assert.Equal(ConfigWriter.ToJson(first), ConfigWriter.ToJson(second));
    }

    [Fact]
    public void SaveWritesTheSameJson()
    {
        var config = new ExperimentConfig { Name = "x", Data = new DataConfig { Train = "/t", Dev = "/d" } };
        var path = Path.Combine(_folder.Root, "saved.json");
        ConfigWriter.Save(config, path);
        Assert.Equal(ConfigWriter.ToJson(config), File.ReadAllText(path));
        Assert.Equal(config with { Training = config.Training with { RunDir = Path.Combine(_folder.Root, "runs", "x") } },
            ConfigLoader.Load(path).Config);
    }
}

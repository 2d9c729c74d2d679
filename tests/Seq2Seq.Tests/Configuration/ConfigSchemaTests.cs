using Seq2Seq.Configuration;
using System.Text.Json;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    private static JsonElement Schema() => JsonDocument.Parse(ConfigSchema.Generate()).RootElement;

    private static JsonElement Key(string section, string key) =>
        Schema().GetProperty("properties").GetProperty(section).GetProperty("properties").GetProperty(key);

    [Fact]
    public void RootAllowsSchemaKeyAndNothingUnknown()
    {
        var root = Schema();
        Assert.Equal(ConfigSchema.Draft, root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal("string", root.GetProperty("properties").GetProperty("$schema").GetProperty("type").GetString());
        Assert.Equal("string", root.GetProperty("properties").GetProperty("base").GetProperty("type").GetString());
        // Required keys bind only a config without a base, which may leave them to the base.
        Assert.Equal(["base"], root.GetProperty("if").GetProperty("not").GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var then = root.GetProperty("then");
        Assert.Equal(["data"], then.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["train", "dev"], then.GetProperty("properties").GetProperty("data").GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.False(root.GetProperty("properties").GetProperty("data").TryGetProperty("required", out _));
    }

    [Fact]
    public void EverySectionListsEveryKeyAndForbidsOthers()
    {
        var root = Schema();
        foreach (var (section, keys) in ConfigWriterTests.ReflectedKeys())
        {
            var element = section.Length == 0 ? root : root.GetProperty("properties").GetProperty(section);
            Assert.False(element.GetProperty("additionalProperties").GetBoolean());
            Assert.Equal("object", element.GetProperty("type").GetString());
            var expected = section.Length == 0 ? keys.Prepend("base").Prepend("$schema").ToArray() : keys;
            Assert.Equal(expected, element.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());
        }
    }

    [Fact]
    public void NumberKeyHasTypeBoundsDefaultAndDescription()
    {
        var key = Key("training", "learning_rate");
        Assert.Equal("number", key.GetProperty("type").GetString());
        Assert.Equal(0, key.GetProperty("exclusiveMinimum").GetDouble());
        Assert.Equal(100, key.GetProperty("maximum").GetDouble());
        Assert.False(key.TryGetProperty("minimum", out _));
        Assert.Equal(0.001, key.GetProperty("default").GetDouble());
        Assert.Equal("Initial learning rate.", key.GetProperty("description").GetString());

        var dropout = Key("model", "dropout");
        Assert.Equal(0, dropout.GetProperty("minimum").GetDouble());
        Assert.Equal(1, dropout.GetProperty("exclusiveMaximum").GetDouble());
    }

    [Fact]
    public void EnumNullableAndRequiredKeys()
    {
        var schedule = Key("training", "schedule");
        Assert.Equal(["constant", "plateau", "warmup_inverse_sqrt", "warmup_exponential"],
            schedule.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("plateau", schedule.GetProperty("default").GetString());

        var test = Key("data", "test");
        Assert.Equal(["string", "null"], test.GetProperty("type").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("default").ValueKind);

        Assert.Equal(1, Key("data", "train").GetProperty("minLength").GetInt32());
        var data = Schema().GetProperty("then").GetProperty("properties").GetProperty("data");
        Assert.Equal(["train", "dev"], data.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("integer", Key("decoding", "beam_size").GetProperty("type").GetString());
        Assert.Equal(["13a", "intl", "char", "zh", "none"],
            Key("evaluation", "tokenize").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void SchemaDefaultsLoadAsTheRecordDefaults()
    {
        // A config made of every default in the schema must load to the records' own defaults.
        var root = Schema().GetProperty("properties");
        var sections = new Dictionary<string, Dictionary<string, JsonElement>>();
        foreach (var section in root.EnumerateObject().Where(p => p.Value.TryGetProperty("properties", out _)))
            sections[section.Name] = section.Value.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetProperty("default"));
        sections["data"]["train"] = JsonDocument.Parse("\"/t\"").RootElement;
        sections["data"]["dev"] = JsonDocument.Parse("\"/d\"").RootElement;

        var config = ConfigLoader.LoadFromText(JsonSerializer.Serialize(sections), "/x/c.json").Config;

        Assert.Equal(new DataConfig { Train = "/t", Dev = "/d" }, config.Data);
        Assert.Equal(new TokenizerConfig(), config.Tokenizer);
        Assert.Equal(new ModelConfig(), config.Model);
        Assert.Equal(new TrainingConfig { RunDir = "/x/runs/c" }, config.Training);
        Assert.Equal(new DecodingConfig(), config.Decoding);
        Assert.Equal(new EvaluationConfig(), config.Evaluation);
    }

    [Fact]
    public void GenerationIsDeterministic() => Assert.Equal(ConfigSchema.Generate(), ConfigSchema.Generate());

    [Fact]
    public void ReferenceHasATablePerSection()
    {
        var markdown = ConfigReference.Markdown();
        foreach (var section in new[] { "data", "tokenizer", "model", "training", "decoding", "evaluation" })
            Assert.Contains($"\n## `{section}`\n", markdown);
        Assert.Contains("| `learning_rate` | number > 0 and <= 100 | `0.001` | Initial learning rate. |\n", markdown);
        Assert.Contains("| `optimizer` | one of `adam`, `adamw`, `sgd` | `\"adam\"` |", markdown);
        Assert.Contains("| `train` | path, required | `\"\"` |", markdown);
        Assert.Contains("| `test` | path or null | `null` |", markdown);
        Assert.Contains("((5+\\|Y\\|)/6)^alpha", markdown);
        Assert.Contains("the default run folder is runs/&lt;name>.", markdown);
        Assert.EndsWith("\n", markdown);
        Assert.DoesNotContain("\r", markdown);
    }
}

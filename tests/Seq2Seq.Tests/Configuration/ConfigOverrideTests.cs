using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigOverrideTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Config() => _folder.Write("configs/x.json", $$"""
        { {{TempConfigFolder.Data}}, "training": { "learning_rate": 0.001, "seed": 3 } }
        """);

    [Fact]
    public void OverridesApplyInOrderAfterTheFile()
    {
        var config = ConfigLoader.Load(Config(),
            ["training.learning_rate=0.0005", "training.seed=4", "training.seed=5", "model.share_embeddings=false", "decoding.beam_size=2"]).Config;
        Assert.Equal(0.0005, config.Training.LearningRate);
        Assert.Equal(5, config.Training.Seed);
        Assert.Equal(2, config.Decoding.BeamSize);
    }

    [Fact]
    public void ValuesAreJsonWhenTheyParseAndStringsOtherwise()
    {
        var config = ConfigLoader.Load(Config(),
            ["name=\"123\"", "data.test=corpus/test", "evaluation.lowercase=true", "training.run_dir=null"]).Config;
        Assert.Equal("123", config.Name);
        Assert.Equal(Path.GetFullPath("corpus/test"), config.Data.Test);
        Assert.True(config.Evaluation.Lowercase);
    }

    [Theory]
    [InlineData("training.learning_rate=fast", "--set training.learning_rate: expected a number > 0 and <= 100, got \"fast\"")]
    [InlineData("training.learnig_rate=0.1", "--set training.learnig_rate: unknown key; did you mean 'learning_rate'?")]
    [InlineData("training.min_learning_rate=0.1", "--set training.min_learning_rate: must be below training.learning_rate (0.001), got 0.1; training stops once the rate falls below it")]
    [InlineData("training", "--set \"training\": expected KEY=VALUE with a dotted key, e.g. training.learning_rate=0.0005")]
    [InlineData("training..seed=1", "--set \"training..seed=1\": expected KEY=VALUE with a dotted key, e.g. training.learning_rate=0.0005")]
    [InlineData("base=other.json", "--set base: a base config cannot be set from the command line; write \"base\" in the config file")]
    public void BadOverrideIsOneMessageNamingTheFlag(string assignment, string expected)
    {
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(Config(), [assignment]));
        Assert.Equal(expected, e.Message);
    }
}

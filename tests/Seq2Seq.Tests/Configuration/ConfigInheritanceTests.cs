using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigInheritanceTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteBase() => _folder.Write("configs/base.json", $$"""
        {
          "name": "base-run",
          {{TempConfigFolder.Data}},
          "model": { "embedding_size": 128, "dropout": 0.2 },
          "training": { "seed": 7, "learning_rate": 0.002, "run_dir": "elsewhere" },
          "decoding": { "beam_size": 4 }
        }
        """);

    [Fact]
    public void DerivedConfigInheritsAndOverridesKeyByKey()
    {
        WriteBase();
        var path = _folder.Write("configs/child.json", """
            {
              "base": "base.json",
              "model": { "dropout": 0.4 },
              "training": { "learning_rate": 0.0005 }
            }
            """);
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(128, config.Model.EmbeddingSize);
        Assert.Equal(0.4, config.Model.Dropout);
        Assert.Equal(7, config.Training.Seed);
        Assert.Equal(0.0005, config.Training.LearningRate);
        Assert.Equal(4, config.Decoding.BeamSize);
        Assert.Equal(Path.Combine(_folder.Root, "configs", "corpus", "train"), config.Data.Train);
    }

    [Fact]
    public void NameAndRunFolderAreNotInherited()
    {
        WriteBase();
        var path = _folder.Write("configs/child.json", """{ "base": "base.json" }""");
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal("child", config.Name);
        Assert.Equal(Path.Combine(_folder.Root, "runs", "child"), config.Training.RunDir);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheFileThatWroteThem()
    {
        _folder.Write("shared/base.json", """{ "data": { "train": "corpus/train", "dev": "corpus/dev" } }""");
        var path = _folder.Write("configs/child.json", """{ "base": "../shared/base.json", "data": { "dev": "mine/dev" } }""");
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(Path.Combine(_folder.Root, "shared", "corpus", "train"), config.Data.Train);
        Assert.Equal(Path.Combine(_folder.Root, "configs", "mine", "dev"), config.Data.Dev);
    }

    [Fact]
    public void ChainsOfBasesApplyInOrder()
    {
        WriteBase();
        _folder.Write("configs/middle.json", """{ "base": "base.json", "training": { "seed": 8 }, "decoding": { "beam_size": 6 } }""");
        var path = _folder.Write("configs/child.json", """{ "base": "middle.json", "training": { "seed": 9 } }""");
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(9, config.Training.Seed);
        Assert.Equal(6, config.Decoding.BeamSize);
        Assert.Equal(128, config.Model.EmbeddingSize);
    }

    [Fact]
    public void ANonObjectValueReplacesAnInheritedSection()
    {
        WriteBase();
        var path = _folder.Write("configs/child.json", """{ "base": "base.json", "decoding": null }""");
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.Equal($"{path}:1 decoding: expected an object, got null", e.Message);
    }

    [Fact]
    public void BadValueInTheBaseNamesTheBaseFileAndLine()
    {
        _folder.Write("configs/base.json", $$"""
            {
              {{TempConfigFolder.Data}},
              "training": { "seed": "x" }
            }
            """);
        var path = _folder.Write("configs/child.json", """{ "base": "base.json" }""");
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.Equal($"{Path.Combine(Path.GetDirectoryName(path)!, "base.json")}:3 training.seed: expected an integer, got \"x\"", e.Message);
    }

    [Fact]
    public void CrossKeyErrorNamesTheFileThatSetTheKey()
    {
        _folder.Write("configs/base.json", $$"""{ {{TempConfigFolder.Data}}, "training": { "learning_rate": 0.001 } }""");
        var path = _folder.Write("configs/child.json", """
            {
              "base": "base.json",
              "training": {
                "min_learning_rate": 0.01
              }
            }
            """);
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.StartsWith($"{path}:4 training.min_learning_rate: must be below training.learning_rate", e.Message);
    }

    [Theory]
    [InlineData("""{ "base": "missing.json" }""", ":1 base: missing.json: file not found")]
    [InlineData("""{ "base": 3 }""", ":1 base: expected the path of a config file, got 3")]
    [InlineData("""{ "base": "" }""", ":1 base: expected the path of a config file, got \"\"")]
    [InlineData("{ \"base\": \"x.json\",\n \"base\": \"x.json\" }", ":2 base: duplicate key (first set on line 1)")]
    [InlineData("""{ "base": "x.json" }""", ":1 base: base configs form a cycle: x.json -> x.json")]
    public void BadBaseIsOneMessage(string json, string expected)
    {
        var message = _folder.LoadError(json, out var path);
        Assert.Equal(path + expected, message);
    }

    [Fact]
    public void LongCycleAndTooDeepChainsAreRefused()
    {
        _folder.Write("configs/a.json", """{ "base": "b.json" }""");
        _folder.Write("configs/b.json", """{ "base": "a.json" }""");
        var cycle = Assert.Throws<ConfigError>(() => ConfigLoader.Load(Path.Combine(_folder.Root, "configs", "a.json")));
        Assert.EndsWith("base configs form a cycle: a.json -> b.json -> a.json", cycle.Message);

        for (int i = 0; i < ConfigInheritance.MaxDepth + 2; i++)
            _folder.Write($"configs/d{i}.json", $$"""{ "base": "d{{i + 1}}.json" }""");
        var deep = Assert.Throws<ConfigError>(() => ConfigLoader.Load(Path.Combine(_folder.Root, "configs", "d0.json")));
        Assert.EndsWith($"base: more than {ConfigInheritance.MaxDepth} levels of base configs", deep.Message);
    }

    [Fact]
    public void InvalidJsonInTheBaseNamesTheBase()
    {
        var basePath = _folder.Write("configs/base.json", "{\n  \"training\": {");
        var path = _folder.Write("configs/child.json", """{ "base": "base.json" }""");
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.StartsWith($"{basePath}:2: invalid JSON", e.Message);
    }
}

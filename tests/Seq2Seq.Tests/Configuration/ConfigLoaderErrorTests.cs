using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigLoaderErrorTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void MissingFile()
    {
        var path = Path.Combine(_folder.Root, "configs", "missing.json");
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Fact]
    public void FolderInsteadOfFile()
    {
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(_folder.Root));
        Assert.Equal($"{_folder.Root}: is a folder, not a config file", e.Message);
    }

    [Fact]
    public void MessageNamesTheFileAsGiven()
    {
        var path = _folder.Write("configs/x.json", """{ "training": { "seed": "x" } }""");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(relative));
        Assert.Equal($"{relative}:1 training.seed: expected an integer, got \"x\"", e.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        var message = _folder.LoadError("""
            {
              "training": {
                "seed": 1
                "threads": 2
              }
            }
            """, out var path);
        Assert.StartsWith($"{path}:4: invalid JSON: '\"' is invalid after a value.", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.DoesNotContain("\n", message);
    }

    [Fact]
    public void TruncatedJson()
    {
        var message = _folder.LoadError("{\n  \"training\": {\n    \"seed\": 1", out var path);
        Assert.StartsWith($"{path}:3: invalid JSON: ", message);
    }

    [Fact]
    public void EmptyFile()
    {
        var message = _folder.LoadError(" \n", out var path);
        Assert.Equal($"{path}:1: invalid JSON: the file is empty", message);
    }

    [Fact]
    public void TopLevelMustBeAnObject()
    {
        Assert.Equal($"{Path.Combine(_folder.Root, "configs/x.json")}:2: expected an object at the top level, got an array",
            _folder.LoadError("\n[1, 2]", out _));
    }

    [Fact]
    public void UnknownKeySuggestsTheNearestKey()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "training": {
                "learnig_rate": 0.1
              }
            }
            """, out var path);
        Assert.Equal($"{path}:4 training.learnig_rate: unknown key; did you mean 'learning_rate'?", message);
    }

    [Fact]
    public void UnknownKeyInCamelCaseSuggestsSnakeCase()
    {
        var message = _folder.LoadError("""{ "model": { "embeddingSize": 8 } }""", out var path);
        Assert.Equal($"{path}:1 model.embeddingSize: unknown key; did you mean 'embedding_size'?", message);
    }

    [Fact]
    public void KeyInTheWrongSectionPointsToItsSection()
    {
        var message = _folder.LoadError("""{ "model": { "learning_rate": 0.1 } }""", out var path);
        Assert.Equal($"{path}:1 model.learning_rate: unknown key; did you mean 'training.learning_rate'?", message);
    }

    [Fact]
    public void UnknownKeyWithoutNearMatchListsTheValidKeys()
    {
        var message = _folder.LoadError("""
            {
              "evaluation": { "smoothing": "exp" }
            }
            """, out var path);
        Assert.Equal($"{path}:2 evaluation.smoothing: unknown key; valid keys: tokenize, lowercase", message);
    }

    [Fact]
    public void UnknownTopLevelKey()
    {
        var message = _folder.LoadError("{\n\"traning\": {}\n}", out var path);
        Assert.Equal($"{path}:2 traning: unknown key; did you mean 'training'?", message);
    }

    [Fact]
    public void DuplicateKey()
    {
        var message = _folder.LoadError("""
            {
              "decoding": {
                "beam_size": 4,
                "beam_size": 5
              }
            }
            """, out var path);
        Assert.Equal($"{path}:4 decoding.beam_size: duplicate key (first set on line 3)", message);
    }

    [Theory]
    [InlineData("\"fast\"", "expected a number > 0 and <= 100, got \"fast\"")]
    [InlineData("0", "expected a number > 0 and <= 100, got 0")]
    [InlineData("-0.5", "expected a number > 0 and <= 100, got -0.5")]
    [InlineData("100.5", "expected a number > 0 and <= 100, got 100.5")]
    [InlineData("1e999", "expected a number > 0 and <= 100, got 1e999")]
    [InlineData("true", "expected a number > 0 and <= 100, got true")]
    [InlineData("null", "expected a number > 0 and <= 100, got null")]
    [InlineData("[0.1]", "expected a number > 0 and <= 100, got an array")]
    public void WrongNumber(string value, string expected)
    {
        var message = _folder.LoadError($$"""
            {
              // comment
              "training": {
                "learning_rate": {{value}},
              },
            }
            """, out var path);
        Assert.Equal($"{path}:4 training.learning_rate: {expected}", message);
    }

    [Theory]
    [InlineData("2.5", "expected an integer >= 1 and <= 1000, got 2.5")]
    [InlineData("\"5\"", "expected an integer >= 1 and <= 1000, got \"5\"")]
    [InlineData("0", "expected an integer >= 1 and <= 1000, got 0")]
    [InlineData("1001", "expected an integer >= 1 and <= 1000, got 1001")]
    [InlineData("null", "expected an integer >= 1 and <= 1000, got null")]
    public void WrongInteger(string value, string expected)
    {
        var message = _folder.LoadError($$"""{ "decoding": { "beam_size": {{value}} } }""", out var path);
        Assert.Equal($"{path}:1 decoding.beam_size: {expected}", message);
    }

    [Fact]
    public void InvalidEnumValueListsAllowedValuesAndSuggests()
    {
        var message = _folder.LoadError("""
            {
              "training": {
                "optimizer": "adan"
              }
            }
            """, out var path);
        Assert.Equal($"{path}:3 training.optimizer: expected one of 'adam', 'adamw', 'sgd', got \"adan\"; did you mean 'adam'?", message);
    }

    /// <summary>A value of the wrong type or outside its range: one message naming the key and what was expected.</summary>
    [Theory]
    [InlineData("{ \"model\": { \"dropout\": 1 } }", "model.dropout: expected a number >= 0 and < 1, got 1")]
    [InlineData("{ \"training\": { \"seed\": 3000000000 } }", "training.seed: expected an integer >= -2147483648 and <= 2147483647, got 3000000000")]
    [InlineData("{ \"data\": { \"lowercase\": \"yes\" } }", "data.lowercase: expected true or false, got \"yes\"")]
    [InlineData("{ \"data\": { \"src_lang\": 5 } }", "data.src_lang: expected a string, got 5")]
    [InlineData("{ \"data\": { \"train\": null } }", "data.train: expected a string, got null")]
    [InlineData("{ \"training\": { \"schedule\": \"cosine\" } }", "training.schedule: expected one of 'constant', 'plateau', 'warmup_inverse_sqrt', 'warmup_exponential', got \"cosine\"")]
    [InlineData("{ \"model\": { \"rnn_type\": 1 } }", "model.rnn_type: expected one of 'lstm', 'gru', got 1")]
    [InlineData("{ \"data\": { \"normalization\": \"NFC\" } }", "data.normalization: expected one of 'nfc', 'nfkc', 'none', got \"NFC\"; did you mean 'nfc'?")]
    [InlineData("{ \"evaluation\": { \"tokenize\": \"14a\" } }", "evaluation.tokenize: expected one of '13a', 'intl', 'char', 'zh', 'none', got \"14a\"; did you mean '13a'?")]
    [InlineData("{ \"data\": { \"test\": 3 } }", "data.test: expected a string or null, got 3")]
    public void AWrongValueIsNamedWithItsKeyAndWhatWasExpected(string json, string expected)
    {
        var message = _folder.LoadError(json, out var path);
        Assert.Equal($"{path}:1 {expected}", message);
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("\"lstm\"", "\"lstm\"")]
    [InlineData("[]", "an array")]
    [InlineData("null", "null")]
    public void SectionMustBeAnObject(string value, string got)
    {
        var message = _folder.LoadError($$"""
            {
              "model":
                {{value}}
            }
            """, out var path);
        Assert.Equal($"{path}:3 model: expected an object, got {got}", message);
    }

    [Fact]
    public void LongStringsAreShortenedInMessages()
    {
        var message = _folder.LoadError($$"""{ "training": { "seed": "{{new string('a', 100)}}" } }""", out var path);
        Assert.Equal($"{path}:1 training.seed: expected an integer, got \"{new string('a', 57)}...\"", message);
    }
}

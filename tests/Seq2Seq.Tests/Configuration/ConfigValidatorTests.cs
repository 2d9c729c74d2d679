using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigValidatorTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TrainMustBeSet()
    {
        var message = _folder.LoadError("""
            {
              "data": {
                "dev": "corpus/dev"
              }
            }
            """, out var path);
        Assert.Equal($"{path}:2 data.train: must be set (path prefix of the training split, relative to the config file)", message);
    }

    [Fact]
    public void DevMustNotBeEmpty()
    {
        var message = _folder.LoadError("""
            {
              "data": {
                "train": "corpus/train",
                "dev": ""
              }
            }
            """, out var path);
        Assert.Equal($"{path}:4 data.dev: must be set (path prefix of the development split (validation), relative to the config file)", message);
    }

    [Fact]
    public void MissingDataSectionHasNoLine()
    {
        var message = _folder.LoadError("{}", out var path);
        Assert.Equal($"{path} data.train: must be set (path prefix of the training split, relative to the config file)", message);
    }

    [Fact]
    public void LanguagesMustDiffer()
    {
        var message = _folder.LoadError("""
            {
              "data": { "train": "t", "dev": "d",
                "src_lang": "en",
                "trg_lang": "en" }
            }
            """, out var path);
        Assert.Equal($"{path}:4 data.trg_lang: must differ from data.src_lang (both are 'en', so '<prefix>.en' would be read for both sides)", message);
    }

    [Fact]
    public void SentencepieceNeedsModel()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "tokenizer": {
                "type": "sentencepiece"
              }
            }
            """, out var path);
        Assert.Equal($"{path}:4 tokenizer.sentencepiece_model: must be set when tokenizer.type is 'sentencepiece'", message);
    }

    [Fact]
    public void SentencepieceWithModelLoads()
    {
        var path = _folder.Write("configs/x.json", $$"""
            { {{TempConfigFolder.Data}}, "tokenizer": { "type": "sentencepiece", "sentencepiece_model": "spm.model" } }
            """);
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(TokenizerType.Sentencepiece, config.Tokenizer.Type);
        Assert.Equal(Path.Combine(_folder.Root, "configs", "spm.model"), config.Tokenizer.SentencepieceModel);
    }

    [Fact]
    public void ShareEmbeddingsNeedsJointTokenizer()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "model": {
                "share_embeddings": true
              }
            }
            """, out var path);
        Assert.Equal($"{path}:4 model.share_embeddings: needs tokenizer.joint = true (one vocabulary for source and target)", message);
    }

    [Fact]
    public void TiedOutputEmbeddingNeedsEqualSizes()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "model": {
                "embedding_size": 256,
                "tie_output_embedding": true
              }
            }
            """, out var path);
        Assert.Equal($"{path}:5 model.tie_output_embedding: needs model.embedding_size (256) = model.decoder_hidden_size (512)", message);
    }

    [Fact]
    public void TiedOutputEmbeddingWithEqualSizesLoads()
    {
        var path = _folder.Write("configs/x.json", $$"""
            { {{TempConfigFolder.Data}}, "tokenizer": { "joint": true },
              "model": { "embedding_size": 128, "decoder_hidden_size": 128, "tie_output_embedding": true, "share_embeddings": true } }
            """);
        var model = ConfigLoader.Load(path).Config.Model;
        Assert.True(model.TieOutputEmbedding);
        Assert.True(model.ShareEmbeddings);
    }

    [Fact]
    public void WarmupScheduleNeedsWarmupSteps()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "training": {
                "schedule": "warmup_inverse_sqrt",
                "warmup_steps": 0
              }
            }
            """, out var path);
        Assert.Equal($"{path}:5 training.warmup_steps: must be > 0 with training.schedule 'warmup_inverse_sqrt'", message);
    }

    [Fact]
    public void MinLearningRateMustBeBelowLearningRate()
    {
        var message = _folder.LoadError($$"""
            {
              {{TempConfigFolder.Data}},
              "training": {
                "learning_rate": 0.0001,
                "min_learning_rate": 0.001
              }
            }
            """, out var path);
        Assert.Equal($"{path}:5 training.min_learning_rate: must be below training.learning_rate (0.0001), got 0.001; training stops once the rate falls below it", message);
    }

    [Fact]
    public void NameMustBeAFolderName()
    {
        var message = _folder.LoadError($$"""
            {
              "name": "a/b",
              {{TempConfigFolder.Data}}
            }
            """, out var path);
        Assert.Equal($"{path}:2 name: must be a plain folder name (no '/' or '\\'), got \"a/b\"", message);
    }

    [Fact]
    public void ValidateChecksConfigsBuiltInCode()
    {
        var config = new ExperimentConfig
        {
            Data = new DataConfig { Train = "t", Dev = "d" },
            Decoding = new DecodingConfig { BeamSize = 0 },
        };
        var e = Assert.Throws<ConfigError>(() => ConfigValidator.Validate(config, "code"));
        Assert.Equal("code decoding.beam_size: expected an integer >= 1 and <= 1000, got 0", e.Message);

        ConfigValidator.Validate(config with { Decoding = new DecodingConfig() });
    }

    [Fact]
    public void ValidateChecksOneOfInCode()
    {
        var config = new ExperimentConfig
        {
            Data = new DataConfig { Train = "t", Dev = "d" },
            Evaluation = new EvaluationConfig { Tokenize = "spm" },
        };
        var e = Assert.Throws<ConfigError>(() => ConfigValidator.Validate(config));
        Assert.Equal("config evaluation.tokenize: expected one of '13a', 'intl', 'char', 'zh', 'none', got \"spm\"", e.Message);
    }
}

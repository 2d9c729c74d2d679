using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AbsentKeysTakeTheirDefaults()
    {
        var path = _folder.Write("configs/x.json", $$"""
            {
              "$schema": "schema.json",
              {{TempConfigFolder.Data}},
              "training": { "learning_rate": 0.002 }
            }
            """);
        var loaded = ConfigLoader.Load(path);
        var config = loaded.Config;

        Assert.Equal(0.002, config.Training.LearningRate);
        Assert.Equal(new TrainingConfig().Seed, config.Training.Seed);
        Assert.Equal(ScheduleType.Plateau, config.Training.Schedule);
        Assert.Equal(new ModelConfig(), config.Model);
        Assert.Equal(new DecodingConfig(), config.Decoding);
        Assert.Equal(new EvaluationConfig(), config.Evaluation);
        Assert.Equal(new TokenizerConfig(), config.Tokenizer);
        Assert.Equal("src", config.Data.SrcLang);
        Assert.Null(config.Data.Test);
        Assert.Equal(path, loaded.ConfigPath);
        Assert.Equal(Path.Combine(_folder.Root, "configs"), loaded.ConfigFolder);
        Assert.Equal(path, loaded.DisplayPath);
    }

    [Fact]
    public void ValuesOfEveryKindAreRead()
    {
        var path = _folder.Write("configs/x.json", """
            {
              "name": "deen",
              "data": { "train": "t", "dev": "d", "src_lang": "de", "trg_lang": "en", "lowercase": true,
                        "max_length_ratio": 2, "normalization": "nfkc" },
              "model": { "rnn_type": "gru", "encoder_layers": 2, "dropout": 0.25 },
              "training": { "schedule": "warmup_inverse_sqrt", "max_steps": 3e3, "seed": -7, "batch_size": 64.0 },
              "decoding": { "length_penalty_type": "average" },
              "evaluation": { "tokenize": "intl" },
            }
            """);
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal("deen", config.Name);
        Assert.Equal("de", config.Data.SrcLang);
        Assert.True(config.Data.Lowercase);
        Assert.Equal(2.0, config.Data.MaxLengthRatio);
        Assert.Equal(UnicodeNormalization.Nfkc, config.Data.Normalization);
        Assert.Equal(RnnType.Gru, config.Model.RnnType);
        Assert.Equal(2, config.Model.EncoderLayers);
        Assert.Equal(0.25, config.Model.Dropout);
        Assert.Equal(ScheduleType.WarmupInverseSqrt, config.Training.Schedule);
        Assert.Equal(3000, config.Training.MaxSteps);
        Assert.Equal(-7, config.Training.Seed);
        Assert.Equal(64, config.Training.BatchSize);
        Assert.Equal(LengthPenaltyType.Average, config.Decoding.LengthPenaltyType);
        Assert.Equal("intl", config.Evaluation.Tokenize);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheConfigFolder()
    {
        var absolute = Path.Combine(_folder.Root, "elsewhere", "dev");
        var path = _folder.Write("exp/x.json", $$"""
            {
              "data": { "train": "../corpus/train", "dev": "{{absolute}}", "test": "" },
              "tokenizer": { "sentencepiece_model": "models/spm.model" },
              "training": { "run_dir": "out" }
            }
            """);
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(Path.Combine(_folder.Root, "corpus", "train"), config.Data.Train);
        Assert.Equal(absolute, config.Data.Dev);
        Assert.Equal("", config.Data.Test);
        Assert.Equal(Path.Combine(_folder.Root, "exp", "models", "spm.model"), config.Tokenizer.SentencepieceModel);
        Assert.Equal(Path.Combine(_folder.Root, "exp", "out"), config.Training.RunDir);
    }

    [Fact]
    public void NullPathStaysNull()
    {
        var path = _folder.Write("configs/x.json", $$"""{ {{TempConfigFolder.Data}}, "tokenizer": { "sentencepiece_model": null } }""");
        Assert.Null(ConfigLoader.Load(path).Config.Tokenizer.SentencepieceModel);
    }

    [Fact]
    public void RunDirBesideTheConfigsFolder()
    {
        var path = _folder.Write("repo/configs/small.json", $$"""{ {{TempConfigFolder.Data}} }""");
        var config = ConfigLoader.Load(path).Config;
        Assert.Equal(Path.Combine(_folder.Root, "repo", "runs", "small"), config.Training.RunDir);
        Assert.Equal("small", config.Name);
    }

    [Fact]
    public void RunDirInTheConfigFolderWhenItIsNotNamedConfigs()
    {
        var path = _folder.Write("experiments/small.json", $$"""{ {{TempConfigFolder.Data}} }""");
        Assert.Equal(Path.Combine(_folder.Root, "experiments", "runs", "small"), ConfigLoader.Load(path).Config.Training.RunDir);
    }

    [Fact]
    public void RunDirUsesTheExperimentName()
    {
        var path = _folder.Write("repo/configs/small.json", $$"""{ "name": "baseline", {{TempConfigFolder.Data}} }""");
        Assert.Equal(Path.Combine(_folder.Root, "repo", "runs", "baseline"), ConfigLoader.Load(path).Config.Training.RunDir);
    }

    [Fact]
    public void DefaultRunDirRule()
    {
        Assert.Equal("/r/runs/x", ConfigLoader.DefaultRunDir("/r/configs/x.json", null));
        Assert.Equal("/r/runs/n", ConfigLoader.DefaultRunDir("/r/configs/x.json", "n"));
        Assert.Equal("/r/exp/runs/x", ConfigLoader.DefaultRunDir("/r/exp/x.json", null));
        Assert.Equal("/runs/x", ConfigLoader.DefaultRunDir("/configs/x.json", null));
    }

    [Fact]
    public void CommentsTrailingCommasAndBomAreAccepted()
    {
        var path = Path.Combine(_folder.Root, "x.json");
        File.WriteAllText(path, $$"""
            /* header */
            {
              {{TempConfigFolder.Data}}, // the corpus
              "decoding": { "beam_size": 3, },
            }
            """, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(3, ConfigLoader.Load(path).Config.Decoding.BeamSize);
    }

    [Fact]
    public void LinesAreCountedWithCrLfAndBom()
    {
        var path = Path.Combine(_folder.Root, "x.json");
        File.WriteAllText(path, "{\r\n\r\n  \"decoding\": {\r\n    \"beam_size\": 0\r\n  }\r\n}\r\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var e = Assert.Throws<ConfigError>(() => ConfigLoader.Load(path));
        Assert.Equal($"{path}:4 decoding.beam_size: expected an integer >= 1 and <= 1000, got 0", e.Message);
    }

    [Fact]
    public void LinesAreCountedAfterMultiLineCommentsAndNonAsciiText()
    {
        var message = _folder.LoadError("""
            {
              /* Ünïcödé
                 comment */
              "name": "übersetzung",
              "data": { "train": "t", "dev": "d",
                "max_length": -1 }
            }
            """, out var path);
        Assert.Equal($"{path}:6 data.max_length: expected an integer >= 1 and <= 10000, got -1", message);
    }

    [Fact]
    public void LoadFromTextActsAsTheGivenFile()
    {
        var nominal = Path.Combine(_folder.Root, "configs", "embedded.json");
        var loaded = ConfigLoader.LoadFromText($$"""{ {{TempConfigFolder.Data}} }""", nominal, "checkpoint");
        Assert.Equal(Path.Combine(_folder.Root, "configs", "corpus", "train"), loaded.Config.Data.Train);
        Assert.Equal("embedded", loaded.Config.Name);
        Assert.Equal(Path.Combine(_folder.Root, "runs", "embedded"), loaded.Config.Training.RunDir);

        var e = Assert.Throws<ConfigError>(() => ConfigLoader.LoadFromText("{\n \"x\": 1 }", nominal, "checkpoint"));
        Assert.StartsWith("checkpoint:2 x: unknown key; valid keys: name, data, ", e.Message);
    }
}

using System.Text;

namespace Seq2Seq.Tests.Workflow;

/// <summary>
/// A tiny corpus (a word-reversal task over 12 words) and a config with a tiny model, written to a
/// temporary folder, for end-to-end tests that run in seconds.
/// </summary>
internal sealed class TinyExperiment : IDisposable
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mü"];

    public TempFolder Folder { get; } = new();
    public string ConfigPath => Folder.File("tiny.json");
    public string RunDir => Folder.File("run");

    public TinyExperiment(int maxSteps = 40, int validationFrequency = 20, string extraTraining = "")
    {
        var random = new Random(11);
        WriteSplit("train", 400, random);
        WriteSplit("dev", 20, random);
        WriteSplit("test", 20, random);
        File.WriteAllText(ConfigPath, $$"""
            {
              "data": { "src_lang": "src", "trg_lang": "trg", "train": "train", "dev": "dev", "test": "test" },
              "tokenizer": { "merges": 50 },
              "model": { "embedding_size": 16, "encoder_hidden_size": 16, "decoder_hidden_size": 32, "attention_size": 16, "dropout": 0.1 },
              "training": { "run_dir": "run", "threads": 1, "learning_rate": 0.01, "batch_size": 200, "max_steps": {{maxSteps}},
                            "validation_frequency": {{validationFrequency}}, "log_frequency": 5, "print_validation_examples": 1{{extraTraining}} },
              "decoding": { "beam_size": 3 }
            }
            """);
    }

    private void WriteSplit(string name, int count, Random random)
    {
        var source = new StringBuilder();
        var target = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, random.Next(2, 7)).Select(_ => Words[random.Next(Words.Length)]).ToArray();
            source.Append(string.Join(' ', words)).Append('\n');
            target.Append(string.Join(' ', words.Reverse())).Append('\n');
        }
        File.WriteAllText(Folder.File($"{name}.src"), source.ToString());
        File.WriteAllText(Folder.File($"{name}.trg"), target.ToString());
    }

    public void Dispose() => Folder.Dispose();
}

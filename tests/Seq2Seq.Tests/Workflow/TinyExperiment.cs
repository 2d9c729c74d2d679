namespace Seq2Seq.Tests.Workflow;

/// <summary>
/// A tiny corpus (a word-reversal task over 12 words) and a config with a tiny model, written to a
/// temporary folder, for end-to-end tests that run in seconds.
/// </summary>
internal sealed class TinyExperiment : IDisposable
{
    public TempFolder Folder { get; } = new();
    public string ConfigPath => Folder.File("tiny.json");
    public string RunDir => Folder.File("run");

    public TinyExperiment(int maxSteps = 40, int validationFrequency = 20, string extraTraining = "")
    {
        var random = new Random(11);
        ReversalCorpus.WriteSplit(Folder, "train", 400, maxWords: 6, random);
        ReversalCorpus.WriteSplit(Folder, "dev", 20, maxWords: 6, random);
        ReversalCorpus.WriteSplit(Folder, "test", 20, maxWords: 6, random);
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

    public void Dispose() => Folder.Dispose();
}

using System.Globalization;

namespace Seq2Seq.Tests.Training;

/// <summary>
/// A word-reversal corpus and a config with a small model, written to a temporary folder, for
/// training tests. Sizes are parameters so that the memory test can use bigger tensors than the
/// resume test; sentence lengths vary so that batch shapes vary from step to step.
/// </summary>
internal sealed class SmallExperiment : IDisposable
{
    public TempFolder Folder { get; } = new();
    public string ConfigPath => Folder.File("small.json");
    public string RunDir => Folder.File("run");
    public string Metrics => Path.Combine(RunDir, "metrics.jsonl");
    public string LastCheckpoint => Path.Combine(RunDir, "last.ckpt");

    /// <param name="training">extra keys of the training section, e.g. <c>"max_steps": 100</c></param>
    public SmallExperiment(string training, int embedding = 16, int encoderHidden = 16, int decoderHidden = 32, int attention = 16,
        int trainPairs = 400, int maxWords = 6, double dropout = 0.1)
    {
        var random = new Random(11);
        ReversalCorpus.WriteSplit(Folder, "train", trainPairs, maxWords, random);
        ReversalCorpus.WriteSplit(Folder, "dev", 20, maxWords, random);
        File.WriteAllText(ConfigPath, $$"""
            {
              "data": { "src_lang": "src", "trg_lang": "trg", "train": "train", "dev": "dev" },
              "tokenizer": { "merges": 50 },
              "model": { "embedding_size": {{embedding}}, "encoder_hidden_size": {{encoderHidden}}, "decoder_hidden_size": {{decoderHidden}},
                         "attention_size": {{attention}}, "dropout": {{dropout.ToString(CultureInfo.InvariantCulture)}} },
              "training": { "run_dir": "run", "threads": 1, "print_validation_examples": 0, {{training}} },
              "decoding": { "beam_size": 2 }
            }
            """);
    }

    /// <summary>The records of metrics.jsonl of the given kind, as JSON elements.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Records(string kind) => File.ReadAllLines(Metrics)
        .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
        .Where(r => r.GetProperty("kind").GetString() == kind)
        .ToArray();

    public void Dispose() => Folder.Dispose();
}

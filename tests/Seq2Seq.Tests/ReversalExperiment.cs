using System.Globalization;

namespace Seq2Seq.Tests;

/// <summary>
/// A word-reversal corpus (<see cref="ReversalCorpus"/>) and a config with a small model, written to a
/// temporary folder, for the training and end-to-end tests. Sizes are parameters so that the memory
/// test can use bigger tensors than the resume test; sentence lengths vary so that batch shapes vary
/// from step to step. <see cref="Tiny"/> is the preset of the end-to-end tests that run in seconds.
/// </summary>
internal sealed class ReversalExperiment : IDisposable
{
    public TempFolder Folder { get; } = new();
    public string ConfigPath => Folder.File("experiment.json");
    public string RunDir => Folder.File("run");
    public string Metrics => Path.Combine(RunDir, "metrics.jsonl");
    public string LastCheckpoint => Path.Combine(RunDir, "last.ckpt");

    /// <param name="training">extra keys of the training section, e.g. <c>"max_steps": 100</c></param>
    /// <param name="withTest">also write a test split (20 pairs) and name it in the config</param>
    /// <param name="beamSize">decoding.beam_size</param>
    /// <param name="validationExamples">training.print_validation_examples</param>
    public ReversalExperiment(string training, int embedding = 16, int encoderHidden = 16, int decoderHidden = 32, int attention = 16,
        int trainPairs = 400, int maxWords = 6, double dropout = 0.1, bool withTest = false, int beamSize = 2, int validationExamples = 0)
    {
        var random = new Random(11);
        ReversalCorpus.WriteSplit(Folder, "train", trainPairs, maxWords, random);
        ReversalCorpus.WriteSplit(Folder, "dev", 20, maxWords, random);
        if (withTest) ReversalCorpus.WriteSplit(Folder, "test", 20, maxWords, random);
        string test = withTest ? ", \"test\": \"test\"" : "";
        File.WriteAllText(ConfigPath, $$"""
            {
              "data": { "src_lang": "src", "trg_lang": "trg", "train": "train", "dev": "dev"{{test}} },
              "tokenizer": { "merges": 50 },
              "model": { "embedding_size": {{embedding}}, "encoder_hidden_size": {{encoderHidden}}, "decoder_hidden_size": {{decoderHidden}},
                         "attention_size": {{attention}}, "dropout": {{dropout.ToString(CultureInfo.InvariantCulture)}} },
              "training": { "run_dir": "run", "threads": 1, "print_validation_examples": {{validationExamples}}, {{training}} },
              "decoding": { "beam_size": {{beamSize}} }
            }
            """);
    }

    /// <summary>The tiny end-to-end preset: a test split, learning rate 0.01, batches of 200 tokens, beam 3.</summary>
    /// <param name="extraTraining">more training keys, each starting with a comma: <c>, "seed": 7</c></param>
    public static ReversalExperiment Tiny(int maxSteps = 40, int validationFrequency = 20, string extraTraining = "") =>
        new($"\"learning_rate\": 0.01, \"batch_size\": 200, \"max_steps\": {maxSteps}, " +
            $"\"validation_frequency\": {validationFrequency}, \"log_frequency\": 5{extraTraining}",
            withTest: true, beamSize: 3, validationExamples: 1);

    /// <summary>The records of metrics.jsonl of the given kind, as JSON elements.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Records(string kind) => File.ReadAllLines(Metrics)
        .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
        .Where(r => r.GetProperty("kind").GetString() == kind)
        .ToArray();

    public void Dispose() => Folder.Dispose();
}

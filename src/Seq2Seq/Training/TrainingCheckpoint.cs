using Seq2Seq.Packaging;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seq2Seq.Training;

/// <summary>
/// What a training checkpoint adds to a model file: the optimizer's state and the trainer's
/// <see cref="TrainingState"/>, carried as the file's payload, which only training reads.
/// </summary>
public static class TrainingCheckpoint
{
    private const string OptimizerEntry = "optimizer.bin";
    private const string StateEntry = "trainer.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // a best score of NaN before the first validation
    };

    /// <summary>A model file with <paramref name="optimizerState"/> and <paramref name="state"/> as its payload.</summary>
    public static ModelFile Create(ModelFile model, byte[] optimizerState, TrainingState state) => new()
    {
        ConfigJson = model.ConfigJson,
        SourcePipeline = model.SourcePipeline,
        TargetPipeline = model.TargetPipeline,
        Weights = model.Weights,
        Payload = new Dictionary<string, byte[]>
        {
            [OptimizerEntry] = optimizerState,
            [StateEntry] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state, Json)),
        },
    };

    /// <summary>The optimizer state of a checkpoint; null for a model package.</summary>
    public static byte[]? OptimizerState(ModelFile file) => file.Payload.GetValueOrDefault(OptimizerEntry);

    /// <summary>The trainer state of a checkpoint; null for a model package. A damaged one is an error naming <paramref name="path"/>.</summary>
    public static TrainingState? State(ModelFile file, string path)
    {
        if (!file.Payload.TryGetValue(StateEntry, out var bytes)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingState>(bytes, Json) ?? throw new UserError($"{path}: damaged checkpoint, '{StateEntry}' is empty");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: damaged checkpoint, '{StateEntry}' is unreadable ({e.Message})");
        }
    }

    /// <summary>The trainer state of the checkpoint at <paramref name="path"/> (null for a model package).</summary>
    public static TrainingState? LoadState(string path) => State(ModelFile.Load(path), path);
}

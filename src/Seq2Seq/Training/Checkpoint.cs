using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Seq2Seq.Files;

namespace Seq2Seq.Training;

/// <summary>
/// A checkpoint or exported model: one zip file holding everything needed to resume training or to
/// translate: the format marker, the config, both text pipelines (tokenizer model + vocabulary),
/// the model weights and, for training checkpoints, optimizer and trainer state. The format marker
/// says which of the two kinds the file is: "checkpoint" (written by training) or "model" (an
/// exported package, <see cref="Export"/>, without optimizer and trainer state). It is written to a
/// temporary file beside the target, flushed to disk and renamed, so a crash never leaves a broken file.
/// </summary>
public sealed class Checkpoint
{
    public const string FormatName = "seq2seq-model";
    /// <summary>
    /// 2: weights.bin stores each tensor once (<see cref="Model.ModelWeights"/>) and config.json
    /// stores paths relative to the run folder. Version 1 files (tensors under every name, absolute
    /// paths) are read too.
    /// </summary>
    public const int FormatVersion = 2;

    private const int OldestReadableVersion = 1;

    /// <summary>The kind of a file with training state (resumable).</summary>
    public const string CheckpointKind = "checkpoint";

    /// <summary>The kind of an exported model package: only what translation needs.</summary>
    public const string ModelKind = "model";

    public required string ConfigJson { get; init; }
    public required IReadOnlyDictionary<string, string> SourcePipeline { get; init; }
    public required IReadOnlyDictionary<string, string> TargetPipeline { get; init; }
    public required byte[] Weights { get; init; }
    public byte[]? OptimizerState { get; init; }
    public TrainingState? TrainingState { get; init; }

    /// <summary><see cref="CheckpointKind"/> when the file carries optimizer or trainer state, else <see cref="ModelKind"/>.</summary>
    public string Kind => OptimizerState is null && TrainingState is null ? ModelKind : CheckpointKind;

    /// <summary>The same model without optimizer and trainer state: what an exported package holds.</summary>
    public Checkpoint WithoutTrainingState() => new()
    {
        ConfigJson = ConfigJson,
        SourcePipeline = SourcePipeline,
        TargetPipeline = TargetPipeline,
        Weights = Weights,
    };

    /// <summary>
    /// Writes the model package of a checkpoint (or of another package): weights, config,
    /// tokenizers and vocabularies, marked as kind "model". Returns the package.
    /// </summary>
    public static Checkpoint Export(string checkpointPath, string packagePath)
    {
        if (Files.DurableFile.FinalTarget(checkpointPath) == Files.DurableFile.FinalTarget(packagePath))
        {
            throw new UserError($"{packagePath}: the package would overwrite the checkpoint it is exported from");
        }
        // The whole source is checked (config, tokenizers, vocabularies, weights against the model
        // they describe) before the output is touched: a damaged source never replaces a good package.
        var source = Load(checkpointPath);
        CheckpointModel.Load(source, checkpointPath).Model.Dispose();
        var package = source.WithoutTrainingState();
        package.Save(packagePath);
        return package;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // a best score of NaN before the first validation
    };

    /// <summary>Writes the checkpoint atomically and durably (<see cref="DurableFile"/>).</summary>
    public void Save(string path) => DurableFile.Write(path, file =>
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "format.json", JsonSerializer.Serialize(new { format = FormatName, version = FormatVersion, kind = Kind }));
        WriteText(zip, "config.json", ConfigJson);
        foreach (var (name, text) in SourcePipeline) WriteText(zip, "source/" + name, text);
        foreach (var (name, text) in TargetPipeline) WriteText(zip, "target/" + name, text);
        WriteBytes(zip, "weights.bin", Weights);
        if (OptimizerState is not null) WriteBytes(zip, "optimizer.bin", OptimizerState);
        if (TrainingState is not null) WriteText(zip, "trainer.json", JsonSerializer.Serialize(TrainingState, Json));
    });

    /// <summary>Reads a checkpoint; any file that is not one (or of another format version) gets a clear error.</summary>
    public static Checkpoint Load(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: model file not found");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var format = zip.GetEntry("format.json") ?? throw new UserError($"{path}: not a Seq2Seq model (no format marker)");
            var (name, version, kind) = ReadFormat(path, ReadText(format));
            if (name != FormatName) throw new UserError($"{path}: not a Seq2Seq model (format '{name}')");
            if (version < OldestReadableVersion || version > FormatVersion)
            {
                throw new UserError($"{path}: model format version {version}; this program reads versions {OldestReadableVersion} to {FormatVersion}");
            }
            if (kind is not (CheckpointKind or ModelKind))
            {
                throw new UserError($"{path}: unknown model file kind '{kind}' (expected '{ModelKind}' or '{CheckpointKind}')");
            }
            string Required(string entry) => ReadText(zip.GetEntry(entry) ?? throw new UserError($"{path}: damaged model, '{entry}' is missing"));
            var trainer = zip.GetEntry("trainer.json");
            return new Checkpoint
            {
                ConfigJson = Required("config.json"),
                SourcePipeline = ReadFolder(zip, "source/"),
                TargetPipeline = ReadFolder(zip, "target/"),
                Weights = ReadBytes(zip.GetEntry("weights.bin") ?? throw new UserError($"{path}: damaged model, 'weights.bin' is missing")),
                OptimizerState = zip.GetEntry("optimizer.bin") is { } o ? ReadBytes(o) : null,
                TrainingState = trainer is null ? null : ReadTrainingState(path, ReadText(trainer)),
            };
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("entry '", StringComparison.Ordinal))
        {
            throw new UserError($"{path}: damaged model, {e.Message}");
        }
        catch (InvalidDataException)
        {
            throw new UserError($"{path}: not a Seq2Seq model (not a zip archive)");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UserError($"{path}: cannot read the model file ({e.Message})");
        }
    }

    /// <summary>The marker's format name, version (-1 when absent) and kind (files written before kinds existed are checkpoints).</summary>
    private static (string? Name, int Version, string? Kind) ReadFormat(string path, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new UserError($"{path}: not a Seq2Seq model (format marker is not a JSON object)");
            string? name = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            int version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : -1;
            string? kind = !root.TryGetProperty("kind", out var k) ? CheckpointKind
                : k.ValueKind == JsonValueKind.String ? k.GetString() : k.ToString();
            return (name, version, kind);
        }
        catch (JsonException)
        {
            throw new UserError($"{path}: not a Seq2Seq model (unreadable format marker)");
        }
    }

    private static TrainingState ReadTrainingState(string path, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingState>(json, Json) ?? throw new UserError($"{path}: damaged checkpoint, 'trainer.json' is empty");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: damaged checkpoint, 'trainer.json' is unreadable ({e.Message})");
        }
    }

    private static Dictionary<string, string> ReadFolder(ZipArchive zip, string prefix) => zip.Entries
        .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal))
        .ToDictionary(e => e.FullName[prefix.Length..], ReadText);

    private static void WriteText(ZipArchive zip, string name, string text) => WriteBytes(zip, name, Encoding.UTF8.GetBytes(text));

    private static void WriteBytes(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static string ReadText(ZipArchiveEntry entry) => Encoding.UTF8.GetString(ReadBytes(entry));

    /// <summary>The largest entry read (an array's limit): a larger one, declared or real, is a damaged file, not an allocation.</summary>
    private const long MaxEntryBytes = int.MaxValue - 1024;

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntryBytes) throw new InvalidDataException($"entry '{entry.FullName}' declares {entry.Length:N0} bytes");
        using var stream = entry.Open();
        using var memory = new MemoryStream((int)Math.Min(entry.Length, 1 << 20));
        var buffer = new byte[1 << 16];
        for (int read; (read = stream.Read(buffer)) > 0;)
        {
            if (memory.Length + read > entry.Length) throw new InvalidDataException($"entry '{entry.FullName}' holds more than the {entry.Length:N0} bytes it declares");
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }
}

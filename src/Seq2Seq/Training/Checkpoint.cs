using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seq2Seq.Training;

/// <summary>
/// A checkpoint or exported model: one zip file holding everything needed to resume training or to
/// translate: the format marker, the config, both text pipelines (tokenizer model + vocabulary),
/// the model weights and, for training checkpoints, optimizer and trainer state. It is written to a
/// temporary file beside the target, flushed to disk and renamed, so a crash never leaves a broken file.
/// </summary>
public sealed class Checkpoint
{
    public const string FormatName = "seq2seq-model";
    public const int FormatVersion = 1;

    public required string ConfigJson { get; init; }
    public required IReadOnlyDictionary<string, string> SourcePipeline { get; init; }
    public required IReadOnlyDictionary<string, string> TargetPipeline { get; init; }
    public required byte[] Weights { get; init; }
    public byte[]? OptimizerState { get; init; }
    public TrainingState? TrainingState { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // a best score of NaN before the first validation
    };

    /// <summary>Writes the checkpoint atomically and durably (<see cref="DurableFile"/>).</summary>
    public void Save(string path) => DurableFile.Write(path, file =>
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "format.json", JsonSerializer.Serialize(new { format = FormatName, version = FormatVersion }));
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
            using (var doc = JsonDocument.Parse(ReadText(format)))
            {
                string? name = doc.RootElement.TryGetProperty("format", out var f) ? f.GetString() : null;
                int version = doc.RootElement.TryGetProperty("version", out var v) ? v.GetInt32() : -1;
                if (name != FormatName) throw new UserError($"{path}: not a Seq2Seq model (format '{name}')");
                if (version != FormatVersion)
                {
                    throw new UserError($"{path}: model format version {version}; this program reads version {FormatVersion}");
                }
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
                TrainingState = trainer is null ? null : JsonSerializer.Deserialize<TrainingState>(ReadText(trainer), Json),
            };
        }
        catch (InvalidDataException)
        {
            throw new UserError($"{path}: not a Seq2Seq model (not a zip archive)");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: damaged model ({e.Message})");
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

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

using Seq2Seq.Files;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Seq2Seq.Packaging;

/// <summary>
/// The model file format, below training and decoding: one zip file holding the format marker, the
/// config, both text pipelines (tokenizer model + vocabulary), the model weights and, in training
/// checkpoints, a payload of entries that only the layer which wrote them reads (training's
/// optimizer and resume state). The marker says which of the two kinds the file is: "checkpoint"
/// (with a payload) or "model" (an exported package, <see cref="ModelExport"/>: what translation
/// needs). Files are written through <see cref="DurableFile"/>, so a crash never leaves a broken one.
/// </summary>
public sealed class ModelFile
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

    /// <summary>
    /// Entries written by the layer above (training's resume state), by entry name; this layer
    /// stores and reads them without looking inside. Names must not collide with the format's own.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Payload { get; init; } = new Dictionary<string, byte[]>();

    /// <summary><see cref="CheckpointKind"/> when the file carries a payload, else <see cref="ModelKind"/>.</summary>
    public string Kind => Payload.Count == 0 ? ModelKind : CheckpointKind;

    /// <summary>The same model without the payload: what an exported package holds.</summary>
    public ModelFile WithoutPayload() => new()
    {
        ConfigJson = ConfigJson,
        SourcePipeline = SourcePipeline,
        TargetPipeline = TargetPipeline,
        Weights = Weights,
    };

    private const string FormatEntry = "format.json", ConfigEntry = "config.json", WeightsEntry = "weights.bin";
    private const string SourceFolder = "source/", TargetFolder = "target/";

    private static bool IsFormatEntry(string name) =>
        name is FormatEntry or ConfigEntry or WeightsEntry
        || name.StartsWith(SourceFolder, StringComparison.Ordinal) || name.StartsWith(TargetFolder, StringComparison.Ordinal);

    /// <summary>Writes the file atomically and durably (<see cref="DurableFile"/>).</summary>
    public void Save(string path)
    {
        if (Payload.Keys.FirstOrDefault(IsFormatEntry) is string reserved)
        {
            throw new ArgumentException($"payload entry '{reserved}' collides with an entry of the model format");
        }
        DurableFile.Write(path, file =>
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
            WriteText(zip, FormatEntry, JsonSerializer.Serialize(new { format = FormatName, version = FormatVersion, kind = Kind }));
            WriteText(zip, ConfigEntry, ConfigJson);
            foreach (var (name, text) in SourcePipeline) WriteText(zip, SourceFolder + name, text);
            foreach (var (name, text) in TargetPipeline) WriteText(zip, TargetFolder + name, text);
            WriteBytes(zip, WeightsEntry, Weights);
            foreach (var (name, bytes) in Payload) WriteBytes(zip, name, bytes);
        });
    }

    /// <summary>Reads a model file; any file that is not one (or of another format version) gets a clear error.</summary>
    public static ModelFile Load(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: model file not found");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var format = zip.GetEntry(FormatEntry) ?? throw new UserError($"{path}: not a Seq2Seq model (no format marker)");
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
            return new ModelFile
            {
                ConfigJson = Required(ConfigEntry),
                SourcePipeline = ReadFolder(zip, path, SourceFolder),
                TargetPipeline = ReadFolder(zip, path, TargetFolder),
                Weights = ReadBytes(zip.GetEntry(WeightsEntry) ?? throw new UserError($"{path}: damaged model, '{WeightsEntry}' is missing")),
                Payload = ReadPayload(zip, path),
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

    /// <summary>Entries outside the format's own names, by full name.</summary>
    private static Dictionary<string, byte[]> ReadPayload(ZipArchive zip, string path) =>
        ReadEntries(zip, path, name => IsFormatEntry(name) ? null : name, ReadBytes);

    /// <summary>The entries of one folder of the archive, by name inside it.</summary>
    private static Dictionary<string, string> ReadFolder(ZipArchive zip, string path, string prefix) =>
        ReadEntries(zip, path, name => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : null, ReadText);

    /// <summary>The entries that <paramref name="key"/> names (null skips one; folder entries are skipped); a name stored twice is a damaged file.</summary>
    private static Dictionary<string, T> ReadEntries<T>(ZipArchive zip, string path, Func<string, string?> key, Func<ZipArchiveEntry, T> read)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/') || key(entry.FullName) is not string name) continue;
            if (!entries.TryAdd(name, read(entry))) throw new UserError($"{path}: damaged model, '{entry.FullName}' is stored twice");
        }
        return entries;
    }

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

using System.Text;

namespace Seq2Seq.Configuration;

/// <summary>
/// Reads an experiment config from JSON (comments and trailing commas allowed) into
/// <see cref="ExperimentConfig"/>. Every user mistake is a <see cref="ConfigError"/> with one line:
/// "configs/x.json:14 training.learning_rate: expected a number > 0 and &lt;= 100, got "fast"".
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads, resolves and validates the config file at <paramref name="path"/>.</summary>
    public static LoadedConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw ConfigMessages.Error(path, null, "", "is a folder, not a config file");
        if (!File.Exists(fullPath))
            throw ConfigMessages.Error(path, null, "", "file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ConfigMessages.Error(path, null, "", $"cannot read the file: {e.Message}");
        }
        return Load(bytes, fullPath, path);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8 (in a value, a key or a comment alike), or null.</summary>
    private static int? FirstInvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        int line = 1;
        while (true)
        {
            int end = bytes.IndexOf((byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            if (end < 0 || !System.Text.Unicode.Utf8.IsValid(text)) return line;
            bytes = bytes[(end + 1)..];
            line++;
        }
    }

    /// <summary>
    /// Loads config JSON that is not read from a file (e.g. embedded in a checkpoint), as if it were
    /// the file <paramref name="configPath"/>: relative paths, the default name and run folder follow
    /// from that path, which need not exist.
    /// </summary>
    public static LoadedConfig LoadFromText(string json, string configPath, string? displayPath = null) =>
        Load(Encoding.UTF8.GetBytes(json), Path.GetFullPath(configPath), displayPath ?? configPath);

    private static LoadedConfig Load(byte[] utf8, string fullPath, string displayPath)
    {
        if (FirstInvalidUtf8Line(utf8) is int bad) throw ConfigMessages.Error(displayPath, bad, "", "invalid UTF-8");
        PositionedNode root;
        try
        {
            root = PositionedJson.Parse(utf8);
        }
        catch (PositionedJsonException e)
        {
            throw ConfigMessages.Error(displayPath, e.Line, "", $"invalid JSON: {e.Message}");
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        var binder = new ConfigBinder(displayPath, folder);
        var config = binder.Bind(root);
        ConfigValidator.Validate(config, displayPath, p => binder.Lines.TryGetValue(p, out int line) ? line : null);

        var name = config.Name ?? Path.GetFileNameWithoutExtension(fullPath);
        config = config with
        {
            Name = name,
            Training = config.Training with { RunDir = config.Training.RunDir ?? DefaultRunDir(fullPath, name) },
        };
        return new LoadedConfig(config, fullPath, folder, displayPath);
    }

    /// <summary>
    /// The run folder used when training.run_dir is not set: "runs/&lt;name&gt;" in the project folder,
    /// where the project folder is the parent of the config's folder when that folder is named
    /// "configs" (so repo/configs/x.json runs in repo/runs/x), and the config's own folder otherwise
    /// (so exp/x.json runs in exp/runs/x). <paramref name="name"/> is ExperimentConfig.Name or, without
    /// one, the config file name without extension.
    /// </summary>
    public static string DefaultRunDir(string configPath, string? name)
    {
        var fullPath = Path.GetFullPath(configPath);
        var folder = Path.GetDirectoryName(fullPath)!;
        var projectFolder = Path.GetFileName(folder) == "configs" && Path.GetDirectoryName(folder) is string parent
            ? parent
            : folder;
        return Path.Combine(projectFolder, "runs", name ?? Path.GetFileNameWithoutExtension(fullPath));
    }
}

using System.Text;

namespace Seq2Seq.Configuration;

/// <summary>
/// Reads an experiment config from JSON (comments and trailing commas allowed) into
/// <see cref="ExperimentConfig"/>. Every user mistake is a <see cref="ConfigError"/> with one line:
/// "configs/x.json:14 training.learning_rate: expected a number > 0 and &lt;= 100, got "fast"".
/// </summary>
public static class ConfigLoader
{
    /// <summary>
    /// Loads, resolves and validates the config file at <paramref name="path"/>: its base configs
    /// (the "base" key) first, then <paramref name="overrides"/> ("training.learning_rate=0.0005",
    /// as given to train --set) in order.
    /// </summary>
    public static LoadedConfig Load(string path, IReadOnlyList<string>? overrides = null)
    {
        var fullPath = Path.GetFullPath(path);
        var bytes = ConfigSource.Read(fullPath, problem => ConfigMessages.Error(path, null, "", problem));
        return Load(bytes, fullPath, path, overrides ?? []);
    }

    /// <summary>
    /// Loads config JSON that is not read from a file (e.g. embedded in a checkpoint), as if it were
    /// the file <paramref name="configPath"/>: relative paths, the default name and run folder follow
    /// from that path, which need not exist.
    /// </summary>
    public static LoadedConfig LoadFromText(string json, string configPath, string? displayPath = null) =>
        Load(Encoding.UTF8.GetBytes(json), Path.GetFullPath(configPath), displayPath ?? configPath, []);

    private static LoadedConfig Load(byte[] utf8, string fullPath, string displayPath, IReadOnlyList<string> overrides)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var origin = new ConfigOrigin(displayPath, folder);
        var root = ConfigOverrides.Apply(ConfigInheritance.Resolve(utf8, origin, fullPath), overrides);

        var binder = new ConfigBinder(origin);
        var config = binder.Bind(root);
        ConfigValidator.Validate(config, displayPath, p => binder.Locations.GetValueOrDefault(p));

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

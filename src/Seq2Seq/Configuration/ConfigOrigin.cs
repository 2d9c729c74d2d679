namespace Seq2Seq.Configuration;

/// <summary>
/// Where a config value was written: a config file (a base config or the config itself) or a
/// command-line override. Messages name <see cref="DisplayPath"/>; relative [Path] values resolve
/// against <see cref="Folder"/>.
/// </summary>
/// <param name="DisplayPath">The file as the user named it, or "--set" for a command-line override.</param>
/// <param name="Folder">Full path of the folder relative paths are resolved against.</param>
/// <param name="HasLines">False for command-line overrides, which have no line to point at.</param>
internal sealed record ConfigOrigin(string DisplayPath, string Folder, bool HasLines = true)
{
    /// <summary>The line to show in a message: null for overrides.</summary>
    public int? LineOf(int line) => HasLines ? line : null;

    public ConfigError Error(int line, string path, string message) => ConfigMessages.Error(DisplayPath, LineOf(line), path, message);
}

/// <summary>A key's place in the sources: the origin it was written in and its line there.</summary>
internal sealed record ConfigLocation(ConfigOrigin Origin, int Line)
{
    public int? DisplayLine => Origin.LineOf(Line);
}

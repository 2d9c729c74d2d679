namespace Seq2Seq.Configuration;

/// <summary>
/// Base configs: a config's top-level "base" names another config file (relative to its own folder)
/// whose keys it inherits and may override. Objects merge key by key at every depth; any other value
/// (arrays included) replaces the inherited one. "name" and "training.run_dir" are not inherited,
/// so a derived config trains into its own run folder. Each value keeps the file and line it was
/// written in, so errors point at the base file when the base wrote the bad value.
/// </summary>
internal static class ConfigInheritance
{
    /// <summary>Longest chain of base configs followed; deeper chains are refused.</summary>
    public const int MaxDepth = 8;

    /// <summary>Keys that describe the file itself (its run), by parent section ("" is the top level).</summary>
    private static readonly (string Section, string Key)[] NotInherited = [("", "name"), ("training", "run_dir")];

    /// <summary>The merged tree of the config in <paramref name="utf8"/> and all its bases, without "base" keys.</summary>
    public static PositionedObject Resolve(byte[] utf8, ConfigOrigin origin, string fullPath) =>
        Resolve(utf8, origin, [fullPath]);

    private static PositionedObject Resolve(byte[] utf8, ConfigOrigin origin, List<string> chain)
    {
        var root = ConfigSource.Parse(utf8, origin);
        var bases = root.Properties.Where(p => p.Name == ConfigBinder.BaseKey).ToList();
        var own = root with { Properties = root.Properties.Where(p => p.Name != ConfigBinder.BaseKey).ToArray() };
        if (bases.Count == 0) return own;
        if (bases.Count > 1)
            throw origin.Error(bases[1].Line, ConfigBinder.BaseKey, $"duplicate key (first set on line {bases[0].Line})");

        var property = bases[0];
        if (property.Value is not PositionedString { Value.Length: > 0 } name)
            throw origin.Error(property.Line, ConfigBinder.BaseKey, $"expected the path of a config file, got {property.Value.Describe()}");
        var baseFullPath = Path.GetFullPath(Path.Combine(origin.Folder, name.Value));
        if (chain.Contains(baseFullPath))
            throw origin.Error(property.Line, ConfigBinder.BaseKey,
                $"base configs form a cycle: {string.Join(" -> ", chain.Append(baseFullPath).Select(Path.GetFileName))}");
        if (chain.Count > MaxDepth)
            throw origin.Error(property.Line, ConfigBinder.BaseKey, $"more than {MaxDepth} levels of base configs");

        var baseOrigin = new ConfigOrigin(
            Path.Combine(Path.GetDirectoryName(origin.DisplayPath) ?? "", name.Value),
            Path.GetDirectoryName(baseFullPath)!);
        var bytes = ConfigSource.Read(baseFullPath, problem => origin.Error(property.Line, ConfigBinder.BaseKey, $"{name.Value}: {problem}"));
        var inherited = Resolve(bytes, baseOrigin, [.. chain, baseFullPath]);
        return Merge(WithoutNotInherited(inherited), own);
    }

    /// <summary>
    /// <paramref name="over"/> on top of <paramref name="under"/>: keys of both, where a key in both
    /// takes <paramref name="over"/>'s value, or the merge of the two when both are objects.
    /// </summary>
    public static PositionedObject Merge(PositionedObject under, PositionedObject over)
    {
        var overridden = over.Properties.Select(p => p.Name).ToHashSet();
        var properties = under.Properties.Where(p => !overridden.Contains(p.Name)).ToList();
        foreach (var property in over.Properties)
        {
            var inherited = under.Properties.LastOrDefault(p => p.Name == property.Name);
            properties.Add(inherited?.Value is PositionedObject a && property.Value is PositionedObject b
                ? property with { Value = Merge(a, b) }
                : property);
        }
        return over with { Properties = properties };
    }

    private static PositionedObject WithoutNotInherited(PositionedObject root) => root with
    {
        Properties = root.Properties
            .Where(p => !NotInherited.Contains(("", p.Name)))
            .Select(p => p.Value is PositionedObject section
                ? p with { Value = section with { Properties = section.Properties.Where(q => !NotInherited.Contains((p.Name, q.Name))).ToArray() } }
                : p)
            .ToArray(),
    };
}

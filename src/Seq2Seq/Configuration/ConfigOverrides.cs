namespace Seq2Seq.Configuration;

/// <summary>
/// Command-line overrides, "training.learning_rate=0.0005": a dotted key path and a value. The value
/// is read as JSON when it is JSON (a number, true, null, "quoted", [..], {..}) and as a plain string
/// otherwise, so paths need no quotes. Overrides apply after base configs, in the order given, and
/// are validated like keys in a file; messages name them "--set".
/// </summary>
internal static class ConfigOverrides
{
    public const string Flag = "--set";

    /// <summary><paramref name="root"/> with each assignment applied; relative paths in values resolve against the working folder.</summary>
    public static PositionedObject Apply(PositionedObject root, IEnumerable<string> assignments)
    {
        var origin = new ConfigOrigin(Flag, Directory.GetCurrentDirectory(), HasLines: false);
        foreach (var assignment in assignments)
            root = ConfigInheritance.Merge(root, Parse(assignment, origin));
        return root;
    }

    private static PositionedObject Parse(string assignment, ConfigOrigin origin)
    {
        int equals = assignment.IndexOf('=', StringComparison.Ordinal);
        var path = equals < 0 ? assignment : assignment[..equals];
        var keys = path.Split('.');
        if (equals < 0 || keys.Any(k => k.Trim().Length == 0))
            throw new ConfigError($"{Flag} {PositionedJson.Quote(assignment)}: expected KEY=VALUE with a dotted key, e.g. training.learning_rate=0.0005");
        if (path == ConfigBinder.BaseKey)
            throw new ConfigError($"{Flag} {path}: a base config cannot be set from the command line; write \"base\" in the config file");

        PositionedNode value = PositionedJson.Tag(ReadValue(assignment[(equals + 1)..]), origin);
        for (int i = keys.Length - 1; i >= 0; i--)
            value = new PositionedObject(0, [new PositionedProperty(keys[i], 0, value)]) { Origin = origin };
        return (PositionedObject)value;
    }

    private static PositionedNode ReadValue(string text)
    {
        try
        {
            return PositionedJson.Parse(text);
        }
        catch (PositionedJsonException)
        {
            return new PositionedString(0, text);
        }
    }
}

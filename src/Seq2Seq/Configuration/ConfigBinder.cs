using System.Globalization;

namespace Seq2Seq.Configuration;

/// <summary>
/// Turns a positioned JSON tree into config records by reflection: unknown keys, wrong types, values
/// out of [Range], values outside [OneOf] or an enum, and nulls where not nullable are errors naming
/// the file, line and JSON path. Absent keys keep their initializer defaults. [Path] strings are
/// made absolute against the folder of the file they were written in (a tree merged from base
/// configs and overrides carries each node's <see cref="ConfigOrigin"/>; untagged nodes belong to
/// <paramref name="origin"/>).
/// </summary>
internal sealed class ConfigBinder(ConfigOrigin origin)
{
    /// <summary>The top-level key JSON Schema tools use; allowed and ignored.</summary>
    public const string SchemaKey = "$schema";

    /// <summary>Where each key present in the sources was written, by JSON path ("training.learning_rate").</summary>
    public Dictionary<string, ConfigLocation> Locations { get; } = [];

    /// <summary>The top-level key naming a base config (see <see cref="ConfigInheritance"/>); the binder never sees it.</summary>
    public const string BaseKey = "base";

    public ExperimentConfig Bind(PositionedObject root) => (ExperimentConfig)BindSection(ConfigSection.Root, root, "");

    private object BindSection(ConfigSection section, PositionedObject node, string path)
    {
        var instance = section.CreateDefault();
        var seen = new Dictionary<string, int>();
        foreach (var property in node.Properties)
        {
            var keyPath = ConfigMessages.Join(path, property.Name);
            if (path.Length == 0 && property.Name == SchemaKey) continue;
            var keyOrigin = OriginOf(property.Value);
            if (seen.TryGetValue(property.Name, out int firstLine))
                throw keyOrigin.Error(property.Line, keyPath, $"duplicate key (first set on line {firstLine})");
            seen[property.Name] = property.Line;

            var key = section.Find(property.Name)
                ?? throw keyOrigin.Error(property.Line, keyPath, UnknownKey(section, property.Name, path));
            Locations[keyPath] = new ConfigLocation(keyOrigin, property.Line);
            key.Property.SetValue(instance, Convert(key, key.Type, property.Value, keyPath));
        }
        return instance;
    }

    private static string UnknownKey(ConfigSection section, string name, string path)
    {
        var names = section.Keys.Select(k => k.Name).ToList();
        if (KeySuggestions.Nearest(name, names) is string nearest)
            return $"unknown key; did you mean '{nearest}'?";
        if (FindElsewhere(ConfigSection.Root, "", name, path) is string elsewhere)
            return $"unknown key; did you mean '{elsewhere}'?";
        return $"unknown key; valid keys: {string.Join(", ", names)}";
    }

    /// <summary>The full path of a key with this exact name in another section, e.g. 'training.learning_rate'.</summary>
    private static string? FindElsewhere(ConfigSection section, string sectionPath, string name, string excludedPath)
    {
        if (sectionPath != excludedPath && section.Find(name) is ConfigKey found)
            return ConfigMessages.Join(sectionPath, found.Name);
        foreach (var key in section.Keys)
            if (key.Type.Section is ConfigSection child &&
                FindElsewhere(child, ConfigMessages.Join(sectionPath, key.Name), name, excludedPath) is string hit)
                return hit;
        return null;
    }

    private object? Convert(ConfigKey key, ConfigType type, PositionedNode node, string path)
    {
        if (node is PositionedNull)
            return type.Nullable ? null : throw Mismatch(key, type, node, path);

        switch (type.Kind)
        {
            case ConfigValueKind.Boolean when node is PositionedBool b:
                return b.Value;

            case ConfigValueKind.Integer when node is PositionedNumber n:
                {
                    bool isLong = type.ClrType == typeof(long);
                    if (!TryParseInteger(n.Text, isLong, out long value) || !ConfigMessages.InRange(key.Range, value))
                        throw Mismatch(key, type, node, path, typeBounds: key.Range == null);
                    return isLong ? value : (object)(int)value;
                }

            case ConfigValueKind.Number when node is PositionedNumber n:
                {
                    if (!double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ||
                        !double.IsFinite(value) || !ConfigMessages.InRange(key.Range, value))
                        throw Mismatch(key, type, node, path);
                    if (type.ClrType == typeof(float))
                    {
                        if (!float.IsFinite((float)value)) throw Mismatch(key, type, node, path);
                        return (float)value;
                    }
                    return value;
                }

            case ConfigValueKind.String when node is PositionedString s:
                if (key.OneOf != null && !key.OneOf.Contains(s.Value))
                    throw InvalidChoice(key, type, s, path, key.OneOf);
                return key.IsPath ? ResolvePath(s.Value, OriginOf(s).Folder) : s.Value;

            case ConfigValueKind.Enum when node is PositionedString s:
                var names = type.EnumNames;
                return names.Contains(s.Value) ? type.EnumFromName(s.Value) : throw InvalidChoice(key, type, s, path, names);

            case ConfigValueKind.Array when node is PositionedArray a:
                return type.MakeArray(a.Items.Select((item, i) => Convert(key, type.Element!, item, $"{path}[{i}]")).ToArray());

            case ConfigValueKind.Section when node is PositionedObject o:
                return BindSection(type.Section!, o, path);

            default:
                throw Mismatch(key, type, node, path);
        }
    }

    /// <summary>Integers may be written 3, 3.0 or 3e2, but must be whole and fit the CLR type.</summary>
    private static bool TryParseInteger(string text, bool isLong, out long value)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ||
                d != Math.Floor(d) || d < long.MinValue || d >= 9.2e18)
                return false;
            value = (long)d;
        }
        return isLong || value is >= int.MinValue and <= int.MaxValue;
    }

    private ConfigOrigin OriginOf(PositionedNode node) => node.Origin ?? origin;

    private static string ResolvePath(string value, string folder) =>
        value.Length == 0 || Path.IsPathRooted(value) ? value : Path.GetFullPath(Path.Combine(folder, value));

    private ConfigError Mismatch(ConfigKey key, ConfigType type, PositionedNode node, string path, bool typeBounds = false)
    {
        var expected = ConfigMessages.Expected(key, type);
        if (typeBounds && node is PositionedNumber)
        {
            var (min, max) = type.ClrType == typeof(long) ? (long.MinValue, long.MaxValue) : (int.MinValue, (long)int.MaxValue);
            expected = $"an integer >= {min} and <= {max}";
        }
        return OriginOf(node).Error(node.Line, path, $"expected {expected}, got {node.Describe()}");
    }

    private ConfigError InvalidChoice(ConfigKey key, ConfigType type, PositionedString node, string path, IReadOnlyList<string> allowed)
    {
        var message = $"expected {ConfigMessages.Expected(key, type)}, got {node.Describe()}";
        if (KeySuggestions.Nearest(node.Value, allowed) is string nearest)
            message += $"; did you mean '{nearest}'?";
        return OriginOf(node).Error(node.Line, path, message);
    }
}

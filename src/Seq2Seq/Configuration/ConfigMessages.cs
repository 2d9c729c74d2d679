using System.Globalization;

namespace Seq2Seq.Configuration;

/// <summary>Shared wording of config errors: "file:line json.path: message".</summary>
internal static class ConfigMessages
{
    public static ConfigError Error(string source, int? line, string path, string message)
    {
        var location = line is int l ? $"{source}:{l}" : source;
        return new ConfigError(path.Length > 0 ? $"{location} {path}: {message}" : $"{location}: {message}");
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>What a key accepts, e.g. "an integer &gt;= 1 and &lt;= 16" or "one of 'adam', 'adamw', 'sgd'".</summary>
    public static string Expected(ConfigKey key, ConfigType type)
    {
        var text = type.Kind switch
        {
            ConfigValueKind.Boolean => "true or false",
            ConfigValueKind.Integer => WithRange("an integer", key.Range, integer: true),
            ConfigValueKind.Number => WithRange("a number", key.Range, integer: false),
            ConfigValueKind.String when key.OneOf != null => "one of " + Quoted(key.OneOf),
            ConfigValueKind.String => "a string",
            ConfigValueKind.Enum => "one of " + Quoted(type.EnumNames),
            ConfigValueKind.Array => "an array",
            ConfigValueKind.Section => "an object",
            _ => throw new InvalidOperationException(type.Kind.ToString()),
        };
        return type.Nullable ? text + " or null" : text;
    }

    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    private static string WithRange(string what, RangeAttribute? range, bool integer)
    {
        var text = RangeText(range, integer);
        return text.Length == 0 ? what : $"{what} {text}";
    }

    /// <summary>"&gt; 0 and &lt;= 100", "&gt;= 1", or "" without bounds.</summary>
    public static string RangeText(RangeAttribute? range, bool integer)
    {
        if (range == null) return "";
        var parts = new List<string>();
        if (!double.IsNegativeInfinity(range.Minimum))
            parts.Add((range.MinimumExclusive ? "> " : ">= ") + Number(range.Minimum, integer));
        if (!double.IsPositiveInfinity(range.Maximum))
            parts.Add((range.MaximumExclusive ? "< " : "<= ") + Number(range.Maximum, integer));
        return string.Join(" and ", parts);
    }

    public static bool InRange(RangeAttribute? range, double value)
    {
        if (range == null) return true;
        bool aboveMin = range.MinimumExclusive ? value > range.Minimum : value >= range.Minimum;
        bool belowMax = range.MaximumExclusive ? value < range.Maximum : value <= range.Maximum;
        return aboveMin && belowMax;
    }

    public static string Number(double value, bool integer) =>
        integer && Math.Abs(value) < 1e15 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A CLR config value as it would appear in JSON, for "got ..." in messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => new PositionedString(0, s).Describe(),
        Enum e => $"\"{ConfigNaming.EnumValue(e)}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable => "an array",
        _ => "an object",
    };
}

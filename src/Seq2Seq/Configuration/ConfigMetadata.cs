using System.Collections.Concurrent;
using System.Reflection;

namespace Seq2Seq.Configuration;

/// <summary>What kind of JSON value a config key takes.</summary>
internal enum ConfigValueKind { Boolean, Integer, Number, String, Enum, Array, Section }

/// <summary>
/// The JSON-side type of a config value, found by reflection: a scalar, an enum, an array of values
/// or a nested section (a record with settable properties).
/// </summary>
internal sealed class ConfigType
{
    public required ConfigValueKind Kind { get; init; }

    /// <summary>The CLR type without Nullable&lt;T&gt;.</summary>
    public required Type ClrType { get; init; }

    public required bool Nullable { get; init; }

    /// <summary>Element type of an array.</summary>
    public ConfigType? Element { get; init; }

    /// <summary>Keys of a nested section.</summary>
    public ConfigSection? Section => Kind == ConfigValueKind.Section ? ConfigSection.For(ClrType) : null;

    /// <summary>JSON strings of an enum's members, in declaration order.</summary>
    public IReadOnlyList<string> EnumNames =>
        Kind == ConfigValueKind.Enum
            ? Enum.GetNames(ClrType).Select(ConfigNaming.ToSnakeCase).ToArray()
            : [];

    public object EnumFromName(string jsonName) =>
        Enum.GetValues(ClrType).Cast<Enum>().First(v => ConfigNaming.EnumValue(v) == jsonName);

    public static ConfigType From(Type type, NullabilityInfo nullability, string where)
    {
        var underlying = System.Nullable.GetUnderlyingType(type);
        bool nullable = underlying != null || (!type.IsValueType && nullability.ReadState == NullabilityState.Nullable);
        var t = underlying ?? type;

        if (t == typeof(bool)) return Scalar(ConfigValueKind.Boolean);
        if (t == typeof(int) || t == typeof(long)) return Scalar(ConfigValueKind.Integer);
        if (t == typeof(double) || t == typeof(float)) return Scalar(ConfigValueKind.Number);
        if (t == typeof(string)) return Scalar(ConfigValueKind.String);
        if (t.IsEnum) return Scalar(ConfigValueKind.Enum);

        var elementType = ArrayElementType(t);
        if (elementType != null)
        {
            var elementNullability = t.IsArray ? nullability.ElementType : nullability.GenericTypeArguments.FirstOrDefault();
            if (elementNullability == null)
                throw new InvalidOperationException($"Config key {where}: cannot read the nullability of the element type.");
            return new ConfigType
            {
                Kind = ConfigValueKind.Array, ClrType = t, Nullable = nullable,
                Element = From(elementType, elementNullability, where + "[]"),
            };
        }

        if (t.IsClass && t.GetConstructor(Type.EmptyTypes) != null)
            return Scalar(ConfigValueKind.Section);

        throw new InvalidOperationException(
            $"Config key {where} has type {t.Name}, which config files cannot express " +
            "(supported: bool, int, long, double, float, string, enums, arrays/lists of those, records with a parameterless constructor).");

        ConfigType Scalar(ConfigValueKind kind) => new() { Kind = kind, ClrType = t, Nullable = nullable };
    }

    private static Type? ArrayElementType(Type t)
    {
        if (t.IsArray) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        return def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IList<>) ||
               def == typeof(IEnumerable<>) || def == typeof(IReadOnlyCollection<>) || def == typeof(ICollection<>)
            ? t.GetGenericArguments()[0]
            : null;
    }

    /// <summary>Converts a list of element values to this array type (T[] or List&lt;T&gt;).</summary>
    public object MakeArray(IReadOnlyList<object?> items)
    {
        var elementClr = Element!.Nullable && Element.ClrType.IsValueType
            ? typeof(Nullable<>).MakeGenericType(Element.ClrType)
            : Element.ClrType;
        var array = Array.CreateInstance(elementClr, items.Count);
        for (int i = 0; i < items.Count; i++) array.SetValue(items[i], i);
        if (ClrType.IsArray) return array;
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementClr))!;
        foreach (var item in array) list.Add(item);
        return list;
    }
}

/// <summary>One key of a config section: a settable public property of the record.</summary>
internal sealed class ConfigKey
{
    public required string Name { get; init; }
    public required PropertyInfo Property { get; init; }
    public required ConfigType Type { get; init; }
    public string? Doc { get; init; }

    /// <summary>[Doc] of the property, or of the section's type for a section key.</summary>
    public string? Description => Doc ?? Type.Section?.Doc;

    public RangeAttribute? Range { get; init; }
    public bool IsPath { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>Marked <see cref="FreeOnResumeAttribute"/>.</summary>
    public bool FreeOnResume { get; init; }

    /// <summary>The value of the property initializer.</summary>
    public object? Default { get; init; }

    public object? GetValue(object section) => Property.GetValue(section);
}

/// <summary>
/// The keys of a config section, found by reflection over a record's public settable (init)
/// properties in declaration order. Nothing here lists keys by hand.
/// </summary>
internal sealed class ConfigSection
{
    private static readonly ConcurrentDictionary<Type, ConfigSection> Cache = new();

    public Type Type { get; }
    public string? Doc { get; }
    public IReadOnlyList<ConfigKey> Keys { get; }

    public static ConfigSection Root => For(typeof(ExperimentConfig));

    public static ConfigSection For(Type type) => Cache.GetOrAdd(type, t => new ConfigSection(t));

    private ConfigSection(Type type)
    {
        Type = type;
        Doc = type.GetCustomAttribute<DocAttribute>()?.Text;
        var defaults = CreateDefault();
        var nullabilityContext = new NullabilityInfoContext();
        Keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod?.IsPublic == true && p.SetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new ConfigKey
            {
                Name = ConfigNaming.ToSnakeCase(p.Name),
                Property = p,
                Type = ConfigType.From(p.PropertyType, nullabilityContext.Create(p), $"{type.Name}.{p.Name}"),
                Doc = p.GetCustomAttribute<DocAttribute>()?.Text,
                Range = p.GetCustomAttribute<RangeAttribute>(),
                IsPath = p.GetCustomAttribute<PathAttribute>() != null,
                Required = p.GetCustomAttribute<RequiredAttribute>() != null,
                OneOf = p.GetCustomAttribute<OneOfAttribute>()?.Values,
                FreeOnResume = p.GetCustomAttribute<FreeOnResumeAttribute>() != null,
                Default = p.GetValue(defaults),
            })
            .ToArray();
    }

    public ConfigKey? Find(string name) => Keys.FirstOrDefault(k => k.Name == name);

    /// <summary>A new instance with every property at its initializer value.</summary>
    public object CreateDefault() => Activator.CreateInstance(Type)!;

    /// <summary>The dotted names ("training.max_steps") of the keys marked free on resume, in this section and below.</summary>
    public IEnumerable<string> FreeOnResumeKeys(string prefix = "") => Keys.SelectMany(k =>
        k.Type.Section is { } section ? section.FreeOnResumeKeys(prefix + k.Name + ".")
        : k.FreeOnResume ? [prefix + k.Name] : Enumerable.Empty<string>());

    /// <summary>Whether this section, or a section below it, has a required key.</summary>
    public bool HasRequiredKeys => Keys.Any(k => k.Required || (k.Type.Section?.HasRequiredKeys ?? false));
}

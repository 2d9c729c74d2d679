using System.Text.Json;

namespace Seq2Seq.Configuration;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of config files from the config records: every key
/// with its type, [Doc] description, default, enum values and [Range] bounds; no other keys
/// allowed. configs/schema.json is this output; a test keeps it up to date.
/// </summary>
public static class ConfigSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Deterministic, indented, '\n' line ends, trailing newline.</summary>
    public static string Generate() => ConfigWriter.Write(writer =>
    {
        var root = ConfigSection.Root;
        writer.WriteStartObject();
        writer.WriteString("$schema", Draft);
        writer.WriteString("title", "Seq2Seq experiment config");
        WriteObjectBody(writer, root, root.Doc, rootLevel: true);
        writer.WriteEndObject();
    });

    private static void WriteObjectBody(Utf8JsonWriter writer, ConfigSection section, string? description, bool rootLevel)
    {
        if (description != null) writer.WriteString("description", description);
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        if (rootLevel)
        {
            writer.WriteStartObject(ConfigBinder.SchemaKey);
            writer.WriteString("description", "The JSON Schema of this file, for editors; ignored by Seq2Seq.");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteStartObject(ConfigBinder.BaseKey);
            writer.WriteString("description", ConfigReference.BaseDoc);
            writer.WriteString("type", "string");
            writer.WriteEndObject();
        }
        foreach (var key in section.Keys)
        {
            writer.WriteStartObject(key.Name);
            WriteKey(writer, key, key.Type, withDefault: true);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        if (rootLevel) WriteRequiredWithoutBase(writer, section);
        writer.WriteBoolean("additionalProperties", false);
    }

    /// <summary>
    /// The keys a config must set, which apply only to a config without "base" (a derived config
    /// may leave them to its base): "if": { "not": { "required": ["base"] } }, "then": { ... }.
    /// </summary>
    private static void WriteRequiredWithoutBase(Utf8JsonWriter writer, ConfigSection root)
    {
        writer.WriteStartObject("if");
        writer.WriteStartObject("not");
        writer.WriteStartArray("required");
        writer.WriteStringValue(ConfigBinder.BaseKey);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("then");
        WriteRequired(writer, root);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A key is required when it must be set and its default does not set it (data.train, data.dev);
    /// a section is required when it has such keys, and lists its own below "properties".
    /// </summary>
    private static void WriteRequired(Utf8JsonWriter writer, ConfigSection section)
    {
        var required = section.Keys
            .Where(k => (k.Required && k.Default is null or "") || (k.Type.Section?.HasRequiredKeys ?? false))
            .ToArray();
        writer.WriteStartArray("required");
        foreach (var key in required) writer.WriteStringValue(key.Name);
        writer.WriteEndArray();
        var sections = required.Where(k => k.Type.Section is { HasRequiredKeys: true }).ToArray();
        if (sections.Length == 0) return;
        writer.WriteStartObject("properties");
        foreach (var key in sections)
        {
            writer.WriteStartObject(key.Name);
            WriteRequired(writer, key.Type.Section!);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter writer, ConfigKey key, ConfigType type, bool withDefault)
    {
        if (type.Section is ConfigSection section)
        {
            WriteObjectBody(writer, section, withDefault ? key.Description : null, rootLevel: false);
            return;
        }
        if (withDefault && key.Description != null) writer.WriteString("description", key.Description);

        WriteType(writer, type);
        WriteConstraints(writer, key, type);

        if (type.Kind == ConfigValueKind.Array)
        {
            writer.WriteStartObject("items");
            WriteKey(writer, key, type.Element!, withDefault: false);
            writer.WriteEndObject();
        }

        if (withDefault)
        {
            writer.WritePropertyName("default");
            ConfigWriter.WriteValue(writer, type, key.Default);
        }
    }

    /// <summary>The JSON type of a value ("type": "integer", or ["integer", "null"] when it may be null).</summary>
    private static void WriteType(Utf8JsonWriter writer, ConfigType type)
    {
        var jsonType = type.Kind switch
        {
            ConfigValueKind.Boolean => "boolean",
            ConfigValueKind.Integer => "integer",
            ConfigValueKind.Number => "number",
            ConfigValueKind.String or ConfigValueKind.Enum => "string",
            ConfigValueKind.Array => "array",
            _ => throw new InvalidOperationException(type.Kind.ToString()),
        };
        if (type.Nullable)
        {
            writer.WriteStartArray("type");
            writer.WriteStringValue(jsonType);
            writer.WriteStringValue("null");
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("type", jsonType);
        }
    }

    /// <summary>The choices of an enum or one-of string, a required string's minimum length, a number's range.</summary>
    private static void WriteConstraints(Utf8JsonWriter writer, ConfigKey key, ConfigType type)
    {
        var choices = type.Kind == ConfigValueKind.Enum ? type.EnumNames
            : type.Kind == ConfigValueKind.String ? key.OneOf
            : null;
        if (choices != null)
        {
            writer.WriteStartArray("enum");
            foreach (var choice in choices) writer.WriteStringValue(choice);
            if (type.Nullable) writer.WriteNullValue();
            writer.WriteEndArray();
        }

        if (type.Kind == ConfigValueKind.String && key.Required) writer.WriteNumber("minLength", 1);

        if (type.Kind is ConfigValueKind.Integer or ConfigValueKind.Number && key.Range is RangeAttribute range)
        {
            if (!double.IsNegativeInfinity(range.Minimum))
                writer.WriteNumber(range.MinimumExclusive ? "exclusiveMinimum" : "minimum", range.Minimum);
            if (!double.IsPositiveInfinity(range.Maximum))
                writer.WriteNumber(range.MaximumExclusive ? "exclusiveMaximum" : "maximum", range.Maximum);
        }
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Seq2Seq.Configuration;

/// <summary>
/// Writes a config as JSON with the same snake_case keys the loader reads (every key, defaults
/// included), e.g. to embed it in a checkpoint. <see cref="ConfigLoader"/> reads the output back to an
/// equal config.
/// </summary>
public static class ConfigWriter
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Indented JSON with '\n' line ends and a trailing newline.</summary>
    /// <param name="pathsRelativeTo">a folder: [Path] values are written relative to it (as a model
    /// file stores them, relative to its run folder, so that it does not carry the absolute paths
    /// of the machine it was trained on); null to write them as they are</param>
    public static string ToJson(ExperimentConfig config, string? pathsRelativeTo = null) =>
        Write(writer => WriteSection(writer, ConfigSection.Root, config, pathsRelativeTo));

    /// <summary>Writes <see cref="ToJson"/> to a file (UTF-8, no BOM).</summary>
    public static void Save(ExperimentConfig config, string path) => Files.DurableFile.WriteAllText(path, ToJson(config));

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSection(Utf8JsonWriter writer, ConfigSection section, object instance, string? pathsRelativeTo)
    {
        writer.WriteStartObject();
        foreach (var key in section.Keys)
        {
            writer.WritePropertyName(key.Name);
            object? value = key.GetValue(instance);
            if (key.IsPath && pathsRelativeTo is not null && value is string { Length: > 0 } path)
            {
                value = Path.GetRelativePath(pathsRelativeTo, path).Replace(Path.DirectorySeparatorChar, '/');
            }
            WriteValue(writer, key.Type, value, pathsRelativeTo);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a CLR config value of type <paramref name="type"/> as JSON.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, ConfigType type, object? value, string? pathsRelativeTo = null)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case string s: writer.WriteStringValue(s); break;
            case Enum e: writer.WriteStringValue(ConfigNaming.EnumValue(e)); break;
            case System.Collections.IEnumerable items when type.Kind == ConfigValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, type.Element!, item, pathsRelativeTo);
                writer.WriteEndArray();
                break;
            default:
                if (type.Section is not ConfigSection section)
                    throw new InvalidOperationException($"Cannot write {value.GetType().Name} as {type.Kind}.");
                WriteSection(writer, section, value, pathsRelativeTo);
                break;
        }
    }
}

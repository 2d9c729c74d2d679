using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Seq2Seq.Configuration;

/// <summary>
/// A small JSON tree that remembers the 1-based line of every value and key, so config errors can
/// name the line. (JsonDocument keeps no positions.)
/// </summary>
internal abstract record PositionedNode(int Line)
{
    /// <summary>The file (or command-line flag) the value was written in; set once the tree is tagged.</summary>
    public ConfigOrigin? Origin { get; init; }

    /// <summary>How the value is shown after "got" in error messages.</summary>
    public abstract string Describe();
}

internal sealed record PositionedProperty(string Name, int Line, PositionedNode Value);

internal sealed record PositionedObject(int Line, IReadOnlyList<PositionedProperty> Properties) : PositionedNode(Line)
{
    public override string Describe() => "an object";
}

internal sealed record PositionedArray(int Line, IReadOnlyList<PositionedNode> Items) : PositionedNode(Line)
{
    public override string Describe() => "an array";
}

internal sealed record PositionedString(int Line, string Value) : PositionedNode(Line)
{
    public override string Describe() => PositionedJson.Quote(Value);
}

/// <summary>A number, kept as its source text so messages and conversions see exactly what was written.</summary>
internal sealed record PositionedNumber(int Line, string Text) : PositionedNode(Line)
{
    public override string Describe() => Text;
}

internal sealed record PositionedBool(int Line, bool Value) : PositionedNode(Line)
{
    public override string Describe() => Value ? "true" : "false";
}

internal sealed record PositionedNull(int Line) : PositionedNode(Line)
{
    public override string Describe() => "null";
}

/// <summary>A JSON syntax error at a 1-based line.</summary>
internal sealed class PositionedJsonException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

internal static partial class PositionedJson
{
    internal static readonly JsonSerializerOptions DescribeOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A string as JSON shows it in messages, shortened to 60 characters.</summary>
    public static string Quote(string value) =>
        JsonSerializer.Serialize(value.Length > 60 ? value[..57] + "..." : value, DescribeOptions);

    public static PositionedNode Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>Parses UTF-8 JSON (comments and trailing commas allowed; a BOM is skipped).</summary>
    public static PositionedNode Parse(byte[] utf8)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var span = utf8.AsSpan();
        if (span.StartsWith(bom)) span = span[3..];

        var lineStarts = new List<long> { 0 };
        for (int i = 0; i < span.Length; i++)
            if (span[i] == (byte)'\n') lineStarts.Add(i + 1);

        if (span.Trim(" \t\r\n"u8).IsEmpty) throw new PositionedJsonException(1, "the file is empty");

        var reader = new Utf8JsonReader(span, ReaderOptions);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lineStarts);
            if (reader.Read())
                throw new PositionedJsonException(LineOf(reader.TokenStartIndex, lineStarts), "unexpected content after the end of the JSON value");
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            var message = PositionSuffix().Replace(e.Message, "");
            throw new PositionedJsonException(line, message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message);
        }
    }

    private static PositionedNode ReadValue(ref Utf8JsonReader reader, List<long> lineStarts)
    {
        int line = LineOf(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var properties = new List<PositionedProperty>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        // The reader guarantees a property name here.
                        string name = reader.GetString()!;
                        int keyLine = LineOf(reader.TokenStartIndex, lineStarts);
                        reader.Read();
                        properties.Add(new PositionedProperty(name, keyLine, ReadValue(ref reader, lineStarts)));
                    }
                    return new PositionedObject(line, properties);
                }
            case JsonTokenType.StartArray:
                {
                    var items = new List<PositionedNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        items.Add(ReadValue(ref reader, lineStarts));
                    return new PositionedArray(line, items);
                }
            case JsonTokenType.String:
                return new PositionedString(line, reader.GetString()!);
            case JsonTokenType.Number:
                return new PositionedNumber(line, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new PositionedBool(line, true);
            case JsonTokenType.False:
                return new PositionedBool(line, false);
            case JsonTokenType.Null:
                return new PositionedNull(line);
            default:
                throw new PositionedJsonException(line, $"unexpected token {reader.TokenType}");
        }
    }

    /// <summary>The same tree with every node marked as written in <paramref name="origin"/>.</summary>
    public static PositionedNode Tag(PositionedNode node, ConfigOrigin origin) => node switch
    {
        PositionedObject o => o with
        {
            Origin = origin,
            Properties = o.Properties.Select(p => p with { Value = Tag(p.Value, origin) }).ToArray(),
        },
        PositionedArray a => a with { Origin = origin, Items = a.Items.Select(i => Tag(i, origin)).ToArray() },
        _ => node with { Origin = origin },
    };

    private static int LineOf(long byteOffset, List<long> lineStarts)
    {
        int index = lineStarts.BinarySearch(byteOffset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}

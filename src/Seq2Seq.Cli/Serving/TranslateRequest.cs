using Microsoft.AspNetCore.Http;
using Seq2Seq.Decoding;
using System.Text.Json;

namespace Seq2Seq.Cli.Serving;

/// <summary>The server's limits on one request; the defaults are documented in 'seq2seq serve --help'.</summary>
public sealed record RequestLimits
{
    public int MaxSentences { get; init; } = 256;
    public int MaxBeam { get; init; } = 32;
    public int MaxTextChars { get; init; } = 10_000;
    public long MaxBodyBytes { get; init; } = 1 << 20;
}

/// <summary>A request the server refuses: the HTTP status and one message naming the field.</summary>
public sealed class RequestError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// A POST /translate body, checked field by field: <c>{"text": "..."}</c> or
/// <c>{"texts": [...], "beam": 5, "nbest": 1, "alpha": 1.0, "alignments": false}</c>.
/// </summary>
public sealed record TranslateRequest(IReadOnlyList<string> Texts, bool Single, SearchOptions Search, bool Alignments)
{
    public static readonly string[] Fields = ["text", "texts", "beam", "nbest", "alpha", "alignments"];

    public static TranslateRequest Parse(JsonElement root, SearchOptions defaults, RequestLimits limits)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad($"the body must be a JSON object, not {Kind(root)}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Properties(root))
        {
            if (!Fields.Contains(property.Name)) throw Bad($"unknown field '{property.Name}'; the fields are {string.Join(", ", Fields)}");
            if (!seen.Add(property.Name)) throw Bad($"field '{property.Name}' is given twice");
        }
        bool hasText = root.TryGetProperty("text", out var text), hasTexts = root.TryGetProperty("texts", out var texts);
        if (hasText == hasTexts) throw Bad("give either 'text' (one string) or 'texts' (a list of strings)");
        var lines = hasText ? [String(text, "text", limits)] : Strings(texts, limits);

        int beam = Int(root, "beam", 1, limits.MaxBeam) ?? defaults.BeamSize;
        int nbest = Int(root, "nbest", 1, limits.MaxBeam) ?? 1;
        if (nbest > beam) throw Bad($"field 'nbest' is {nbest}, more than the beam size {beam}");
        double alpha = Number(root, "alpha", 0, 10) ?? defaults.LengthPenalty;
        bool alignments = Bool(root, "alignments") ?? false;
        var search = defaults with { BeamSize = beam, NBest = nbest, LengthPenalty = alpha, KeepAttention = alignments || defaults.KeepAttention };
        return new TranslateRequest(lines, hasText, search, alignments);
    }

    /// <summary>The object's properties; a name that is not valid UTF-8 is refused (JSON parsing checks only the syntax).</summary>
    private static IEnumerable<JsonProperty> Properties(JsonElement root)
    {
        var properties = new List<JsonProperty>();
        try
        {
            foreach (var p in root.EnumerateObject())
            {
                _ = p.Name;
                properties.Add(p);
            }
        }
        catch (InvalidOperationException)
        {
            throw Bad("a field name is not valid UTF-8");
        }
        return properties;
    }

    private static RequestError Bad(string message) => new(StatusCodes.Status400BadRequest, message);

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static string String(JsonElement e, string field, RequestLimits limits)
    {
        if (e.ValueKind != JsonValueKind.String) throw Bad($"field '{field}' must be a string, not {Kind(e)}");
        string s;
        try
        {
            s = e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Bad($"field '{field}' is not valid UTF-8");
        }
        if (s.Length > limits.MaxTextChars)
        {
            throw new RequestError(StatusCodes.Status413PayloadTooLarge, $"field '{field}' has {s.Length:N0} characters; the limit is {limits.MaxTextChars:N0}");
        }
        return s;
    }

    private static string[] Strings(JsonElement e, RequestLimits limits)
    {
        if (e.ValueKind != JsonValueKind.Array) throw Bad($"field 'texts' must be a list of strings, not {Kind(e)}");
        int count = e.GetArrayLength();
        if (count == 0) throw Bad("field 'texts' is an empty list");
        if (count > limits.MaxSentences)
        {
            throw new RequestError(StatusCodes.Status413PayloadTooLarge, $"field 'texts' has {count:N0} sentences; the limit per request is {limits.MaxSentences:N0}");
        }
        return e.EnumerateArray().Select((item, i) => String(item, $"texts[{i}]", limits)).ToArray();
    }

    private static int? Int(JsonElement root, string field, int min, int max)
    {
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int n)) throw Bad($"field '{field}' must be an integer, not {(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : Kind(e))}");
        if (n < min || n > max) throw Bad($"field '{field}' is {n}; it must be between {min} and {max}");
        return n;
    }

    private static double? Number(JsonElement root, string field, double min, double max)
    {
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number) throw Bad($"field '{field}' must be a number, not {Kind(e)}");
        double x = e.GetDouble();
        if (!double.IsFinite(x) || x < min || x > max) throw Bad($"field '{field}' is {e.GetRawText()}; it must be between {min} and {max}");
        return x;
    }

    private static bool? Bool(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Bad($"field '{field}' must be true or false, not {Kind(e)}");
        return e.GetBoolean();
    }
}

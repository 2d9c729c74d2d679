using System.Text.Json;
using System.Text.Json.Serialization;
using Seq2Seq.Files;

namespace Seq2Seq.Training;

/// <summary>
/// The run's metrics as JSON lines: one line per logging step and per validation, and one when
/// training stops. Non-finite numbers (the perplexity of a diverging model) are written as the
/// strings "NaN", "Infinity" and "-Infinity"; <see cref="Number"/> reads them back.
/// </summary>
public sealed class MetricsLog(string path)
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Path { get; } = path;

    public void Append(object record)
    {
        File.AppendAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");
    }

    /// <summary>A number of a metrics record, including the named non-finite values.</summary>
    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : value.GetDouble();

    /// <summary>Drops the record of why training stopped (a finished run that goes on).</summary>
    public void RemoveStopRecords() => Keep(record => !(record.TryGetProperty("kind", out var kind) && kind.GetString() == "stopped"));

    /// <summary>
    /// Drops records after the given step (used when a run resumes from an earlier checkpoint),
    /// and a last line cut short by a crash in the middle of an append.
    /// </summary>
    public void TruncateAfter(int step) =>
        Keep(record => !record.TryGetProperty("step", out var s) || s.GetInt32() <= step);

    /// <summary>Rewrites the file with the records <paramref name="keep"/> accepts; a line that is not JSON (cut short) goes.</summary>
    private void Keep(Func<JsonElement, bool> keep)
    {
        if (!File.Exists(Path)) return;
        var kept = File.ReadAllLines(Path).Where(line =>
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                return keep(doc.RootElement);
            }
            catch (JsonException)
            {
                return false;
            }
        }).ToArray();
        DurableFile.WriteAllLines(Path, kept);
    }
}

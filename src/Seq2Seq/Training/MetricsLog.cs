using Seq2Seq.Files;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seq2Seq.Training;

/// <summary>
/// The run's metrics as JSON lines of <see cref="MetricsRecord"/>s: one per logging step and per
/// validation, and one when training stops. Non-finite numbers (the perplexity of a diverging
/// model) are written as the strings "NaN", "Infinity" and "-Infinity", and read back.
/// </summary>
public sealed class MetricsLog(string path)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowOutOfOrderMetadataProperties = true,
    };

    public string Path { get; } = path;

    public void Append(MetricsRecord record)
    {
        File.AppendAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");
    }

    /// <summary>The records of a metrics file with their line numbers; a line that is not a record is an error naming the file and line.</summary>
    public static IEnumerable<(int Line, MetricsRecord Record)> Read(string path)
    {
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            yield return (number, Parse(line) ?? throw new UserError($"{path}:{number}: not a metrics record"));
        }
    }

    /// <summary>The record of one line, or null when the line is not one (cut short by a crash, or another kind).</summary>
    private static MetricsRecord? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<MetricsRecord>(line, Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Drops the record of why training stopped (a finished run that goes on).</summary>
    public void RemoveStopRecords() => Keep(record => record is not StoppedRecord);

    /// <summary>
    /// Drops records after the given step (used when a run resumes from an earlier checkpoint),
    /// and a last line cut short by a crash in the middle of an append.
    /// </summary>
    public void TruncateAfter(int step) => Keep(record => record.Step <= step);

    /// <summary>Rewrites the file with the records <paramref name="keep"/> accepts; a line that is not a record (cut short) goes.</summary>
    private void Keep(Func<MetricsRecord, bool> keep)
    {
        if (!File.Exists(Path)) return;
        var kept = File.ReadAllLines(Path).Where(line => Parse(line) is { } record && keep(record)).ToArray();
        DurableFile.WriteAllLines(Path, kept);
    }
}

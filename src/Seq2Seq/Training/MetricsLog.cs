using System.Text.Json;

namespace Seq2Seq.Training;

/// <summary>The run's metrics as JSON lines: one line per logging step and per validation.</summary>
public sealed class MetricsLog(string path)
{
    public string Path { get; } = path;

    public void Append(object record)
    {
        File.AppendAllText(Path, JsonSerializer.Serialize(record) + "\n");
    }

    /// <summary>Drops records after the given step (used when a run resumes from an earlier checkpoint).</summary>
    public void TruncateAfter(int step)
    {
        if (!File.Exists(Path)) return;
        var kept = File.ReadAllLines(Path).Where(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return !doc.RootElement.TryGetProperty("step", out var s) || s.GetInt32() <= step;
        }).ToArray();
        string temp = Path + ".tmp";
        File.WriteAllLines(temp, kept);
        File.Move(temp, Path, overwrite: true);
    }
}

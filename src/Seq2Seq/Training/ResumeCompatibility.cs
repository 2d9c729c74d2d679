using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>
/// Decides whether a run may resume under the config given now. The checkpoint carries the config
/// it was trained with, and an exact resume needs the same one: a resumed run under an edited
/// learning rate, batch size, model, tokenizer or corpus would silently become another experiment.
/// Keys that only say how long to go on or how to report are free to change (e.g. a larger
/// training.max_steps to extend a finished run). A file path may differ only as a moved project
/// moves it: the same relative to the run folder (the run folder itself, and data.test, which
/// training does not read, are free). Every other difference is refused with one message that names
/// each key.
/// </summary>
public static class ResumeCompatibility
{
    /// <summary>Keys a resumed run takes from the new config: those marked <see cref="FreeOnResumeAttribute"/>.</summary>
    public static readonly IReadOnlySet<string> FreeKeys = ConfigSection.Root.FreeOnResumeKeys().ToHashSet();

    /// <summary>Whether a path differs only as moving the whole project moves it: same place relative to the run folder.</summary>
    private static bool Moved(ConfigDifference d, ExperimentConfig trained, ExperimentConfig now)
    {
        string? before = Unquote(d.Before), after = Unquote(d.After);
        if (string.IsNullOrEmpty(before) || string.IsNullOrEmpty(after)) return before == after;
        return Path.GetRelativePath(trained.Training.RunDir!, before) == Path.GetRelativePath(now.Training.RunDir!, after);
    }

    /// <summary>A JSON string value's text (null for JSON null).</summary>
    private static string? Unquote(string json) => System.Text.Json.JsonSerializer.Deserialize<string?>(json);

    /// <exception cref="UserError">the configs differ in a key that is not free</exception>
    public static void Check(ExperimentConfig trained, LoadedConfig now, string checkpointPath, TextWriter log)
    {
        var differences = ConfigDifferences.Between(trained, now.Config);
        var refused = differences.Where(d => !FreeKeys.Contains(d.Key) && !(d.IsPath && Moved(d, trained, now.Config))).ToArray();
        if (refused.Length > 0)
        {
            string list = string.Join("; ", refused.Select(d => $"{d.Key} is {d.After} here but was {d.Before}"));
            throw new UserError($"{now.DisplayPath}: cannot resume from {checkpointPath}, which was trained with another config: {list}. "
                + "Restore those values to resume, or start over with --overwrite.");
        }
        foreach (var d in differences)
        {
            log.WriteLine($"resume: {d.Key} changed from {d.Before} to {d.After}");
        }
        if (differences.Any(d => d.Key == "training.threads"))
        {
            log.WriteLine("resume: with another thread count, the rest of the run is not bit-identical to an uninterrupted one");
        }
    }
}

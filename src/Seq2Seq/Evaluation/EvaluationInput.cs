using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Files;

namespace Seq2Seq.Evaluation;

/// <summary>
/// The files of an evaluation, read and checked: one or more systems (hypothesis files), one or more reference
/// files and optional sources. Every problem is a <see cref="UserError"/> naming the file(s).
/// </summary>
/// <param name="Systems">Each hypothesis file's path (as given) and lines.</param>
/// <param name="ReferenceStreams">The reference files' lines, one stream per file.</param>
/// <param name="References">The references grouped per segment.</param>
/// <param name="Sources">The source lines, when a source file was given.</param>
public sealed record EvaluationInput(
    IReadOnlyList<(string Path, IReadOnlyList<string> Lines)> Systems,
    IReadOnlyList<IReadOnlyList<string?>> ReferenceStreams,
    ReferenceSet References,
    IReadOnlyList<string>? Sources)
{
    /// <summary>Reads UTF-8 (or .gz) files and checks that they all have the same number of lines.</summary>
    /// <param name="hypothesisPaths">One or more hypothesis files; the first is the baseline of a paired test.</param>
    /// <param name="referencePaths">One or more reference files.</param>
    /// <param name="sourcePath">Optional source file.</param>
    public static EvaluationInput Load(IReadOnlyList<string> hypothesisPaths, IReadOnlyList<string> referencePaths,
        string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(hypothesisPaths);
        ArgumentNullException.ThrowIfNull(referencePaths);
        if (hypothesisPaths.Count == 0)
        {
            throw new UserError("missing --hyp (seq2seq evaluate --help)");
        }
        if (referencePaths.Count == 0)
        {
            throw new UserError("missing --ref (seq2seq evaluate --help)");
        }
        var systems = new List<(string, IReadOnlyList<string>)>();
        string firstPath = hypothesisPaths[0];
        var first = TextFileReader.ReadLines(firstPath);
        if (first.Count == 0)
        {
            throw new UserError($"{firstPath}: empty file, nothing to score");
        }
        systems.Add((firstPath, first));
        foreach (string path in hypothesisPaths.Skip(1))
        {
            if (hypothesisPaths.Take(systems.Count).Contains(path))
            {
                throw new UserError($"--hyp {path} is given twice");
            }
            systems.Add((path, ReadMatching(path, firstPath, first.Count, "every system needs one line per segment")));
        }
        var streams = new List<IReadOnlyList<string?>>();
        foreach (string path in referencePaths)
        {
            streams.Add(ReadMatching(path, firstPath, first.Count, "every reference file needs one line per hypothesis"));
        }
        IReadOnlyList<string>? sources = sourcePath is null
            ? null
            : ReadMatching(sourcePath, firstPath, first.Count, "the source file needs one line per hypothesis");
        return new EvaluationInput(systems, streams, ReferenceSet.FromStreams(streams, first.Count), sources);
    }

    private static IReadOnlyList<string> ReadMatching(string path, string firstPath, int count, string why)
    {
        var lines = TextFileReader.ReadLines(path);
        if (lines.Count != count)
        {
            throw new UserError($"{path} has {lines.Count:N0} lines but {firstPath} has {count:N0}: {why}");
        }
        return lines;
    }
}

namespace Seq2Seq.Tests.Evaluation;

/// <summary>
/// Locates sacreBLEU's reference vectors: the path in the environment variable SEQ2SEQ_BLEU_VECTORS when it is set,
/// else <c>../shared/bleu/sacrebleu-vectors.json</c> next to the repository folder (the first folder above the test
/// binaries that contains Seq2Seq.sln).
/// </summary>
public static class SacreBleuVectorFile
{
    /// <summary>Name of the environment variable that overrides the vectors path.</summary>
    public const string EnvironmentVariable = "SEQ2SEQ_BLEU_VECTORS";

    /// <summary>The path that should hold the vectors (it may not exist), and how it was chosen.</summary>
    public static (string? Path, string Origin) Candidate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (System.IO.Path.GetFullPath(fromEnvironment), $"${EnvironmentVariable}");
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Seq2Seq.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            return (null, $"no folder containing Seq2Seq.sln above {AppContext.BaseDirectory}");
        }
        string path = System.IO.Path.GetFullPath(
            System.IO.Path.Combine(dir.FullName, "..", "shared", "bleu", "sacrebleu-vectors.json"));
        return (path, "../shared/bleu next to " + dir.FullName);
    }

    /// <summary>The vectors path when the file exists, else null with the reason.</summary>
    public static string? Find(out string reason)
    {
        var (path, origin) = Candidate();
        if (path is null)
        {
            reason = $"sacreBLEU vectors not found: {origin}; set {EnvironmentVariable}.";
            return null;
        }
        if (!File.Exists(path))
        {
            reason = $"sacreBLEU vectors not found at {path} ({origin}); set {EnvironmentVariable}.";
            return null;
        }
        reason = "";
        return path;
    }
}

/// <summary>
/// A <see cref="FactAttribute"/> that skips its test, with the reason shown by the runner, when the sacreBLEU vector
/// file is absent (xunit 2 has no dynamic skip, so the decision is taken when the attribute is constructed).
/// </summary>
public sealed class SacreBleuVectorsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the vectors cannot be found.</summary>
    public SacreBleuVectorsFactAttribute()
    {
        if (SacreBleuVectorFile.Find(out string reason) is null)
        {
            Skip = reason;
        }
    }
}

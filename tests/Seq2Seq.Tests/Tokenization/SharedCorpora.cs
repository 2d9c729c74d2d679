using System.IO.Compression;
using System.Text;

namespace Seq2Seq.Tests.Tokenization;

/// <summary>Finds the shared corpora: the folder containing Seq2Seq.sln, then ../shared/corpora.</summary>
internal static class SharedCorpora
{
    private static readonly Lazy<string?> Multi30kPath = new(FindMulti30k);

    /// <summary>The Multi30k folder, or null when it is not on this machine.</summary>
    public static string? Multi30kDirectory => Multi30kPath.Value;

    private static string? FindMulti30k()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Seq2Seq.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora", "multi30k"));
                return File.Exists(Path.Combine(path, "train.de.gz")) ? path : null;
            }
        }

        return null;
    }

    /// <summary>All lines of a gzip-compressed UTF-8 file of the Multi30k folder.</summary>
    public static List<string> ReadLines(string fileName)
    {
        string dir = Multi30kDirectory ?? throw new InvalidOperationException("Multi30k is not available.");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(dir, fileName)), CompressionMode.Decompress), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}

/// <summary>A fact that is visibly skipped when the shared Multi30k corpus is missing.</summary>
public sealed class Multi30kFactAttribute : FactAttribute
{
    public Multi30kFactAttribute()
    {
        if (SharedCorpora.Multi30kDirectory is null)
        {
            Skip = "Multi30k not found: expected ../shared/corpora/multi30k/*.gz next to the folder containing Seq2Seq.sln.";
        }
    }
}

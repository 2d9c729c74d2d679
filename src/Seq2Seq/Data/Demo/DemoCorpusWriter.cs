using System.Text;

namespace Seq2Seq.Data.Demo;

/// <summary>
/// Writes corpus splits as line-aligned plain text: UTF-8 without BOM, '\n' line ends, one sentence per
/// line. Each file is written to a temporary file in the same folder and then renamed over the target,
/// so a reader never sees a half-written file.
/// </summary>
internal static class DemoCorpusWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(string directory, DemoCorpusSplits splits)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        foreach (var (name, pairs) in new[] { ("train", splits.Train), ("dev", splits.Dev), ("test", splits.Test) })
        {
            WriteLines(Path.Combine(directory, name + ".en"), pairs.Select(p => p.English));
            WriteLines(Path.Combine(directory, name + ".de"), pairs.Select(p => p.German));
        }
    }

    /// <summary>The exact bytes of a split file (also used by tests to compare with committed files).</summary>
    public static byte[] Encode(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (string line in lines)
        {
            if (line.Contains('\n') || line.Contains('\r'))
                throw new ArgumentException("a sentence contains a line break", nameof(lines));
            sb.Append(line).Append('\n');
        }
        return Utf8NoBom.GetBytes(sb.ToString());
    }

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        byte[] bytes = Encode(lines);
        Files.DurableFile.Write(path, stream => stream.Write(bytes));
    }
}

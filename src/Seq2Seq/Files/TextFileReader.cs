using System.IO.Compression;

namespace Seq2Seq.Files;

/// <summary>
/// Reads a UTF-8 text file, plain or gzip (by the .gz extension), as lines, under the rules of
/// <see cref="LineReader"/>: invalid UTF-8 is an error naming the file and line, line ends are '\n'
/// or "\r\n", a final newline does not start another line.
/// </summary>
public static class TextFileReader
{

    public static IReadOnlyList<string> ReadLines(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot read the file ({e.Message})");
        }
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) bytes = Gunzip(bytes, path);
        return SplitLines(bytes, path);
    }

    /// <summary>
    /// Decompresses a gzip file and checks its trailer: .NET's GZipStream stops quietly at the end of
    /// a truncated file, so the size the trailer records (mod 2^32) must match what came out.
    /// </summary>
    private static byte[] Gunzip(byte[] compressed, string path)
    {
        using var memory = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            gzip.CopyTo(memory);
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{path}: not a valid gzip file ({e.Message})");
        }
        const int SmallestGzip = 18; // 10-byte header, an empty deflate block, 8-byte trailer (CRC-32, size)
        uint recorded = compressed.Length >= SmallestGzip ? BitConverter.ToUInt32(compressed, compressed.Length - 4) : uint.MaxValue;
        if (compressed.Length < SmallestGzip || recorded != (uint)memory.Length)
        {
            throw new UserError($"{path}: truncated gzip file (it decompresses to {memory.Length:N0} bytes, its trailer records {recorded:N0}; "
                + "a file made by concatenating gzip files must be recompressed as one)");
        }
        return memory.ToArray();
    }

    /// <summary>The lines of a whole file, under <see cref="LineReader"/>'s rules (no length limit: the file is already in memory).</summary>
    private static List<string> SplitLines(byte[] bytes, string path) =>
        new LineReader(new MemoryStream(bytes, writable: false), path, int.MaxValue).ReadToEnd();

    /// <summary>The file of a split for one language: '&lt;prefix&gt;.&lt;lang&gt;', else '&lt;prefix&gt;.&lt;lang&gt;.gz'.</summary>
    public static string Resolve(string prefix, string language)
    {
        string plain = $"{prefix}.{language}";
        if (File.Exists(plain)) return plain;
        if (File.Exists(plain + ".gz")) return plain + ".gz";
        throw new UserError($"{plain}: file not found (nor {plain}.gz)");
    }

    /// <summary>
    /// Reads both sides of a split and checks that they pair up line by line. A split is either two
    /// files, '&lt;prefix&gt;.&lt;lang&gt;' (or .gz) per language, or, when those do not exist, one TSV file
    /// '&lt;prefix&gt;.tsv' (or .tsv.gz) with the source in the first column and the target in the second.
    /// </summary>
    public static (IReadOnlyList<string> Source, IReadOnlyList<string> Target, string SourcePath, string TargetPath) ReadParallel(
        string prefix, string sourceLanguage, string targetLanguage)
    {
        bool separate = Exists(prefix, sourceLanguage) || Exists(prefix, targetLanguage);
        if (!separate && (File.Exists(prefix + ".tsv") || File.Exists(prefix + ".tsv.gz")))
        {
            string tsv = File.Exists(prefix + ".tsv") ? prefix + ".tsv" : prefix + ".tsv.gz";
            var (src, trg) = ReadTsv(tsv);
            return (src, trg, tsv, tsv);
        }
        string sourcePath = Resolve(prefix, sourceLanguage), targetPath = Resolve(prefix, targetLanguage);
        var source = ReadLines(sourcePath);
        var target = ReadLines(targetPath);
        if (source.Count != target.Count)
        {
            throw new UserError($"{sourcePath} has {source.Count:N0} lines but {targetPath} has {target.Count:N0}: a parallel corpus needs one line per sentence on both sides");
        }
        return (source, target, sourcePath, targetPath);
    }

    private static bool Exists(string prefix, string language) =>
        File.Exists($"{prefix}.{language}") || File.Exists($"{prefix}.{language}.gz");

    /// <summary>A TSV file of pairs: exactly one tab per line (source, then target).</summary>
    public static (IReadOnlyList<string> Source, IReadOnlyList<string> Target) ReadTsv(string path)
    {
        var lines = ReadLines(path);
        var source = new string[lines.Count];
        var target = new string[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            int tab = lines[i].IndexOf('\t');
            if (tab < 0 || lines[i].IndexOf('\t', tab + 1) >= 0)
            {
                int columns = lines[i].Count(c => c == '\t') + 1;
                throw new UserError($"{path}:{i + 1}: expected 2 tab-separated columns (source, target), found {columns}");
            }
            source[i] = lines[i][..tab];
            target[i] = lines[i][(tab + 1)..];
        }
        return (source, target);
    }
}

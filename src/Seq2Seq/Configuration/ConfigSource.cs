using System.Text.Unicode;

namespace Seq2Seq.Configuration;

/// <summary>Reading one config file into a tree tagged with its origin: every file problem becomes one <see cref="ConfigError"/>.</summary>
internal static class ConfigSource
{
    /// <summary>Config files are small; a larger file is refused before it is read.</summary>
    public const long MaxBytes = 16 << 20;

    /// <summary>The file's bytes; <paramref name="fail"/> words the error for "file not found" and the like.</summary>
    public static byte[] Read(string fullPath, Func<string, ConfigError> fail)
    {
        if (Directory.Exists(fullPath)) throw fail("is a folder, not a config file");
        if (!File.Exists(fullPath)) throw fail("file not found");
        try
        {
            if (new FileInfo(fullPath).Length > MaxBytes) throw fail($"larger than {MaxBytes >> 20} MiB; not a config file");
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail($"cannot read the file: {e.Message}");
        }
    }

    /// <summary>The JSON object in <paramref name="utf8"/>, every node tagged with <paramref name="origin"/>.</summary>
    public static PositionedObject Parse(byte[] utf8, ConfigOrigin origin)
    {
        if (FirstInvalidUtf8Line(utf8) is int bad) throw origin.Error(bad, "", "invalid UTF-8");
        PositionedNode root;
        try
        {
            root = PositionedJson.Parse(utf8);
        }
        catch (PositionedJsonException e)
        {
            throw origin.Error(e.Line, "", $"invalid JSON: {e.Message}");
        }
        if (root is not PositionedObject)
            throw origin.Error(root.Line, "", $"expected an object at the top level, got {root.Describe()}");
        return (PositionedObject)PositionedJson.Tag(root, origin);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8 (in a value, a key or a comment alike), or null.</summary>
    private static int? FirstInvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        int line = 1;
        while (true)
        {
            int end = bytes.IndexOf((byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            if (end < 0 || !Utf8.IsValid(text)) return line;
            bytes = bytes[(end + 1)..];
            line++;
        }
    }
}

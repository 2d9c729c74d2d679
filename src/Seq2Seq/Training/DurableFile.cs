using System.Text.RegularExpressions;

namespace Seq2Seq.Training;

/// <summary>
/// Replaces files so that a crash at any moment (kill -9, power loss) leaves either the old or the
/// new content, never a mix: the content goes to a temporary file beside the target
/// (<c>.NAME.PID.tmp</c>), which is flushed to disk (fsync) and then renamed over the target; a
/// rename within one folder is atomic. A crash before the rename leaves only a stray temporary
/// file, which <see cref="RemoveStale"/> deletes on resume.
/// </summary>
public static partial class DurableFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = TemporaryName(full);
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush(flushToDisk: true); // fsync: the data is on disk before the name points to it
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    public static void WriteAllLines(string path, IEnumerable<string> lines) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var line in lines) writer.WriteLine(line);
    });

    public static void Copy(string source, string destination) => Write(destination, stream =>
    {
        using var input = File.OpenRead(source);
        input.CopyTo(stream);
    });

    /// <summary>The temporary file <see cref="Write"/> uses for a target, in this process.</summary>
    public static string TemporaryName(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");

    /// <summary>Deletes temporary files that other (dead) processes left in a folder; returns how many.</summary>
    public static int RemoveStale(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        int removed = 0;
        foreach (var file in Directory.GetFiles(folder, ".*.tmp"))
        {
            var match = TemporaryPattern().Match(Path.GetFileName(file));
            if (!match.Success || match.Groups[1].Value == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException) { }
        }
        return removed;
    }

    [GeneratedRegex(@"^\..+\.([0-9]+)\.tmp$")]
    private static partial Regex TemporaryPattern();
}

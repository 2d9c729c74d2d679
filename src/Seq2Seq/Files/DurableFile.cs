using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Seq2Seq.Files;

/// <summary>
/// The one way this program writes a file. A regular file (or a path that does not exist yet) is
/// replaced so that a crash at any moment (kill -9, power loss) leaves either the old or the new
/// content, never a mix: the content goes to a temporary file beside the target
/// (<c>.NAME.PID-RANDOM.tmp</c>), which is flushed to disk (fsync), renamed over the target (a rename
/// within one folder is atomic), and the folder is flushed too, so the new name survives a power
/// loss. A symbolic link is followed: its final target is replaced and the link stays. A device, a
/// FIFO or a socket (/dev/null, a named pipe, /proc/self/fd/1) is written through, never replaced.
/// Any failure removes the temporary file and is one <see cref="UserError"/> naming the target;
/// a crash before the rename leaves a temporary file that <see cref="RemoveStale"/> (and every
/// later write of the same target) deletes once its process is gone.
/// </summary>
public static partial class DurableFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (InheritedDescriptor(Path.GetFullPath(path)) is int descriptor)
        {
            WriteToDescriptor(path, descriptor, write);
            return;
        }
        string target = FinalTarget(path);
        var kind = FileKinds.Of(target);
        if (kind == FileKind.Folder) throw new UserError($"{path}: is a folder; give a file name");
        if (kind == FileKind.Special) WriteThrough(path, target, write);
        else Replace(path, target, write);
    }

    /// <summary>
    /// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names: written
    /// through that very descriptor (its offset and append mode, as a shell's redirection set
    /// them), never reopened or replaced.
    /// </summary>
    private static int? InheritedDescriptor(string full)
    {
        if (OperatingSystem.IsWindows()) return null;
        if (full == "/dev/stdout") return 1;
        if (full == "/dev/stderr") return 2;
        foreach (var prefix in new[] { "/dev/fd/", "/proc/self/fd/", $"/proc/{Environment.ProcessId}/fd/" })
        {
            if (full.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(full[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int fd)) return fd;
        }
        return null;
    }

    private static void WriteToDescriptor(string path, int descriptor, Action<Stream> write)
    {
        try
        {
            using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: false);
            using var stream = new FileStream(handle, FileAccess.Write, 1);
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw CannotWrite(path, e);
        }
    }

    public static void WriteAllText(string path, string content) => Write(path, stream => stream.Write(Utf8.GetBytes(content)));

    /// <summary>Writes lines, each ended by '\n', as UTF-8 without a byte order mark.</summary>
    public static void WriteAllLines(string path, IEnumerable<string> lines) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, leaveOpen: true) { NewLine = "\n" };
        foreach (var line in lines) writer.WriteLine(line);
    });

    public static void Copy(string source, string destination)
    {
        using var input = File.OpenRead(source);
        Write(destination, input.CopyTo);
    }

    /// <summary>The path a write of <paramref name="path"/> changes: the final target of a symbolic link, else the path itself.</summary>
    public static string FinalTarget(string path)
    {
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        try
        {
            if (info.LinkTarget is null) return full;
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot follow the link ({e.Message})");
        }
    }

    private static void WriteThrough(string path, string target, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, e);
        }
    }

    private static void Replace(string path, string target, Action<Stream> write)
    {
        string folder = Path.GetDirectoryName(target)!;
        CreateFolder(path, folder);
        string temp = TemporaryName(target);
        try
        {
            RemoveStaleOf(target);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush(flushToDisk: true); // the data is on disk before the name points to it
            }
            KeepMode(target, temp);
            PauseForTests(target);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException) throw CannotWrite(path, e);
            throw;
        }
        FlushFolder(folder);
    }

    private static int writesToPause;

    /// <summary>
    /// For the crash tests only: with SEQ2SEQ_TEST_PAUSE_BEFORE_RENAME=NAME#N, the N-th write of a
    /// file named NAME stops between the complete temporary file and the rename, after creating
    /// NAME.paused beside it, so that a test can kill the process at exactly that moment.
    /// </summary>
    private static void PauseForTests(string target)
    {
        if (Environment.GetEnvironmentVariable("SEQ2SEQ_TEST_PAUSE_BEFORE_RENAME") is not { Length: > 0 } setting) return;
        var parts = setting.Split('#');
        if (Path.GetFileName(target) != parts[0]) return;
        int n = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int given) ? given : 1;
        if (Interlocked.Increment(ref writesToPause) != n) return;
        File.WriteAllText(target + ".paused", "");
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>A replaced file keeps its permissions (a 0600 model stays private).</summary>
    private static void KeepMode(string target, string temp)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
    }

    private static void CreateFolder(string path, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot create its folder {folder} ({Reason(e)})");
        }
    }

    private static UserError CannotWrite(string path, Exception e) => new($"{path}: cannot write ({Reason(e)})");

    /// <summary>The operating system's reason, without the path .NET appends (the temporary file's, which means nothing to the user).</summary>
    private static string Reason(Exception e)
    {
        const int NoSpace = 28, QuotaExceeded = 122;
        if (e is IOException { HResult: NoSpace } || e.Message.Contains("No space left", StringComparison.Ordinal)) return "no space left on the device";
        if (e is IOException { HResult: QuotaExceeded }) return "disk quota exceeded";
        if (e is UnauthorizedAccessException) return "permission denied";
        string message = e.Message;
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.');
    }

    /// <summary>A temporary name beside the target, unique to this process and this write.</summary>
    public static string TemporaryName(string path)
    {
        string full = Path.GetFullPath(path);
        string unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return Path.Combine(Path.GetDirectoryName(full)!, FormattableString.Invariant($".{Path.GetFileName(full)}.{Environment.ProcessId}-{unique}.tmp"));
    }

    /// <summary>Deletes the temporary files that dead processes left in a folder; returns how many.</summary>
    public static int RemoveStale(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Directory.GetFiles(folder, ".*.tmp").Count(file => TryRemoveStale(file)) : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // an unreadable folder: nothing of ours to clean
        }
    }

    private static void RemoveStaleOf(string target)
    {
        string folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) return;
        string name = Path.GetFileName(target);
        foreach (var file in Directory.GetFiles(folder, $".{name}.*.tmp")) TryRemoveStale(file, name);
    }

    /// <param name="of">only a temporary file of this target name (the glob also matches longer names); null for any</param>
    private static bool TryRemoveStale(string file, string? of = null)
    {
        var match = TemporaryPattern().Match(Path.GetFileName(file));
        if (!match.Success || (of is not null && match.Groups["name"].Value != of)) return false;
        if (IsRunning(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture))) return false;
        return TryDelete(file);
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // best effort: the original error matters more
        }
    }

    /// <summary>
    /// fsync of the folder, so that a rename into it is on disk (Linux and other Unix systems; a
    /// no-op on Windows, where NTFS journals renames).
    /// </summary>
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) return;
        _ = FileSync(fd);
        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary><c>.NAME.PID-RANDOM.tmp</c>: only this program's own names, never a user's <c>.notes.2024.tmp</c>.</summary>
    [GeneratedRegex(@"^\.(?<name>.+)\.(?<pid>[0-9]{1,9})-[0-9a-f]{8}\.tmp$")]
    private static partial Regex TemporaryPattern();
}

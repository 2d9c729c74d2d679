using System.Globalization;
using System.Text;

namespace Seq2Seq.Files;

/// <summary>
/// An exclusive lock on a file, held while the object lives: a second holder, in this or another
/// process, is refused at once. It is the operating system's lock (flock on Unix, a sharing mode on
/// Windows) on an open handle, so it ends with the process: a killed process leaves no stale lock,
/// only the file, which the next holder takes over. The file holds the holder's process id, for people.
/// </summary>
public sealed class ExclusiveLock : IDisposable
{
    private readonly FileStream handle;

    private ExclusiveLock(FileStream handle) => this.handle = handle;

    /// <summary>Takes the lock, or returns null when another holder has it.</summary>
    public static ExclusiveLock? TryAcquire(string path)
    {
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path) && IsHeld(path))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot create the lock file ({e.Message})");
        }
        try
        {
            handle.SetLength(0);
            handle.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            handle.Flush();
        }
        catch (IOException e)
        {
            handle.Dispose();
            throw new UserError($"{path}: cannot write the lock file ({e.Message})");
        }
        return new ExclusiveLock(handle);
    }

    /// <summary>Whether the file cannot be opened because someone holds it (not for another reason, such as permissions).</summary>
    private static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => handle.Dispose();
}

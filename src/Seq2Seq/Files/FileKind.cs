using System.Runtime.InteropServices;

namespace Seq2Seq.Files;

/// <summary>What a path names, after following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link): writing creates a regular file.</summary>
    Missing,
    Regular,
    Folder,

    /// <summary>A character or block device, a FIFO or a socket: written through, never replaced.</summary>
    Special,
}

/// <summary>
/// Tells regular files from folders and special files. .NET reports no file type beyond folder and
/// link, so on Linux this asks the kernel (statx, whose layout is the same on every architecture);
/// elsewhere everything under /dev counts as special.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentFolder = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28, StatxSize = 256;
    private const int TypeMask = 0xF000, RegularType = 0x8000, FolderType = 0x4000;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int folder, string path, int flags, uint mask, Span<byte> buffer);

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux()) return OfLinux(path);
        if (Directory.Exists(path)) return FileKind.Folder;
        if (!File.Exists(path)) return FileKind.Missing;
        return Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.Special : FileKind.Regular;
    }

    private static FileKind OfLinux(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtCurrentFolder, path, 0, StatxType, buffer) != 0) return FileKind.Missing;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28, musl before 1.2.5).
            return Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        int mode = BitConverter.ToUInt16(buffer[ModeOffset..]) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            FolderType => FileKind.Folder,
            _ => FileKind.Special,
        };
    }
}

using Seq2Seq.Files;
using System.Diagnostics;
using System.Text;

namespace Seq2Seq.Tests.Files;

/// <summary>
/// The one writer: regular files are replaced atomically, links are followed, devices, FIFOs and
/// open files are written through, and every failure is one error naming the target with no
/// temporary file left behind.
/// </summary>
public class DurableFileTests
{
    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        Assert.True(process.WaitForExit(10_000), $"{program} did not finish");
        Assert.Equal(0, process.ExitCode);
    }

    private static void AssertNoTemporaryFiles(string folder) =>
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));

    [Fact]
    public void ASymlinkKeepsItsLinkAndItsTargetIsReplaced()
    {
        using var folder = new TempFolder();
        string target = folder.File("real.txt"), link = folder.File("link.txt");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, "real.txt");

        DurableFile.WriteAllText(link, "new");

        Assert.Equal("real.txt", new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        AssertNoTemporaryFiles(folder.Path);
    }

    [Fact]
    public void ADanglingSymlinkCreatesItsTarget()
    {
        using var folder = new TempFolder();
        string link = folder.File("link.txt");
        File.CreateSymbolicLink(link, "sub/made.txt");
        Directory.CreateDirectory(folder.File("sub"));

        DurableFile.WriteAllText(link, "made");

        Assert.Equal("sub/made.txt", new FileInfo(link).LinkTarget);
        Assert.Equal("made", File.ReadAllText(folder.File("sub/made.txt")));
    }

    [Fact]
    public void ACharacterDeviceIsWrittenThroughAndStaysADevice()
    {
        using var folder = new TempFolder();
        string device = folder.File("null");
        Run("mknod", device, "c", "1", "3"); // a copy of /dev/null
        Assert.Equal(FileKind.Special, FileKinds.Of(device));

        DurableFile.WriteAllLines(device, ["a translation", "another"]);

        Assert.Equal(FileKind.Special, FileKinds.Of(device));
        Assert.Equal(0, new FileInfo(device).Length);
        AssertNoTemporaryFiles(folder.Path);
    }

    [Fact]
    public async Task AFifoIsWrittenThroughToItsReader()
    {
        using var folder = new TempFolder();
        string fifo = folder.File("pipe");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        DurableFile.WriteAllLines(fifo, ["through the pipe"]);

        Assert.Equal("through the pipe\n", await reader.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        AssertNoTemporaryFiles(folder.Path);
    }

    [Fact]
    public void AnOpenFileDescriptorIsWrittenThroughNotReplaced()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.txt");
        using var open = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite);
        string descriptor = $"/proc/self/fd/{open.SafeFileHandle.DangerousGetHandle()}";

        DurableFile.WriteAllText(descriptor, "via fd");

        // Replacing would have given the path a new file; the handle still sees the one it opened.
        var buffer = new byte[6];
        open.Position = 0;
        open.ReadExactly(buffer);
        Assert.Equal("via fd", Encoding.UTF8.GetString(buffer));
        AssertNoTemporaryFiles(folder.Path);
    }

    [Fact]
    public void ADescriptorOpenForAppendingKeepsWhatItHeld()
    {
        using var folder = new TempFolder();
        string path = folder.File("log.txt");
        File.WriteAllText(path, "earlier lines\n");
        using var open = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        DurableFile.WriteAllText($"/proc/self/fd/{open.SafeFileHandle.DangerousGetHandle()}", "appended\n");
        open.Flush();
        Assert.Equal("earlier lines\nappended\n", File.ReadAllText(path));
    }

    [Fact]
    public void AReplacedFileKeepsItsPermissions()
    {
        if (OperatingSystem.IsWindows()) return; // no Unix modes there
        using var folder = new TempFolder();
        string path = folder.File("private.s2s");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        DurableFile.WriteAllText(path, "new");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void AFullDeviceIsOneErrorNamingTheTarget()
    {
        var error = Assert.Throws<UserError>(() => DurableFile.WriteAllText("/dev/full", "x"));
        Assert.Equal("/dev/full: cannot write (no space left on the device)", error.Message);
    }

    [Fact]
    public void AFolderOrAPathBelowAFileIsOneError()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("dir"));
        var toFolder = Assert.Throws<UserError>(() => DurableFile.WriteAllText(folder.File("dir"), "x"));
        Assert.Equal($"{folder.File("dir")}: is a folder; give a file name", toFolder.Message);

        File.WriteAllText(folder.File("file"), "keep");
        string below = Path.Combine(folder.File("file"), "out.txt");
        var belowFile = Assert.Throws<UserError>(() => DurableFile.WriteAllText(below, "x"));
        Assert.StartsWith($"{below}: cannot create its folder {folder.File("file")}", belowFile.Message);
        Assert.Equal("keep", File.ReadAllText(folder.File("file")));
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("report.md");
        File.WriteAllText(path, "old");
        var error = Assert.Throws<UserError>(() => DurableFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk gone");
        }));
        Assert.Equal($"{path}: cannot write (disk gone)", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        AssertNoTemporaryFiles(folder.Path);
    }

    [Fact]
    public void TemporaryFilesOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept()
    {
        using var folder = new TempFolder();
        string path = folder.File("metrics.jsonl");
        string dead = folder.File(".metrics.jsonl.999999999-0badf00d.tmp");   // no such process
        string user = folder.File(".metrics.jsonl.2024.tmp");                // not our scheme: a user's file
        string live = folder.File(".metrics.jsonl.1-0badf00d.tmp");           // pid 1 always runs
        string other = folder.File(".other.txt.999999999-0badf00d.tmp");
        foreach (var f in new[] { dead, user, live, other }) File.WriteAllText(f, "half");

        DurableFile.WriteAllText(path, "{}");   // a write cleans its own target's leftovers ...
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(user));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));

        Assert.Equal(1, DurableFile.RemoveStale(folder.Path)); // ... a folder sweep everyone's
        Assert.False(File.Exists(other));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(user));
    }

    [Fact]
    public void EveryWriteUsesItsOwnTemporaryNameBesideTheTarget()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.txt");
        string first = DurableFile.TemporaryName(path), second = DurableFile.TemporaryName(path);
        Assert.NotEqual(first, second);
        Assert.Equal(folder.Path, Path.GetDirectoryName(first));
        Assert.Matches($@"^\.a\.txt\.{Environment.ProcessId}-[0-9a-f]{{8}}\.tmp$", Path.GetFileName(first));
    }
}

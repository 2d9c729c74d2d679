using Seq2Seq.Packaging;
using Seq2Seq.Tests.Workflow;
using Seq2Seq.Training;
using static Seq2Seq.Tests.Cli.CliRunner;

namespace Seq2Seq.Tests.Training;

/// <summary>
/// What training may do to its run folder: --overwrite removes only the run's own files, only in a
/// folder that training made, never an input; one run at a time holds a folder.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class RunFolderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static ReversalExperiment InTheConfigFolder()
    {
        var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        File.WriteAllText(tiny.ConfigPath, File.ReadAllText(tiny.ConfigPath).Replace("\"run_dir\": \"run\"", "\"run_dir\": \".\""));
        return tiny;
    }

    [Fact]
    public void OverwriteDeletesOnlyTheRunsOwnFiles()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        File.WriteAllText(Path.Combine(tiny.RunDir, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(tiny.RunDir, "drafts"));
        File.WriteAllText(Path.Combine(tiny.RunDir, "drafts", "a.txt"), "mine too");
        File.WriteAllText(Path.Combine(tiny.RunDir, "test.hyp.trg"), "stale translation");

        (code, _, error) = Run("train", tiny.ConfigPath, "--overwrite");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("(cached:", error); // the data was prepared again
        Assert.Equal("mine", File.ReadAllText(Path.Combine(tiny.RunDir, "notes.txt")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(tiny.RunDir, "drafts", "a.txt")));
        Assert.NotEqual("stale translation", File.ReadAllText(Path.Combine(tiny.RunDir, "test.hyp.trg")));
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "best.ckpt")));
    }

    [Fact]
    public void OverwriteInTheConfigFolderIsRefusedAndDeletesNothing()
    {
        using var tiny = InTheConfigFolder();
        File.WriteAllText(tiny.Folder.File("notes.txt"), "mine");
        Directory.CreateDirectory(tiny.Folder.File("report"));
        File.WriteAllText(tiny.Folder.File("report/mine.md"), "my own report");
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        var before = Directory.GetFiles(tiny.Folder.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        (code, _, error) = Run("train", tiny.ConfigPath, "--overwrite");

        Assert.Equal(1, code);
        Assert.Contains($"{tiny.Folder.Path}: not a run folder (it has no seq2seq-run.json), so --overwrite deletes nothing here", error);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(tiny.Folder.Path, "*", SearchOption.AllDirectories).Order());
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    [Fact]
    public void OverwriteRefusesAFolderThatTrainingDidNotMake()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        Directory.CreateDirectory(tiny.RunDir);
        File.WriteAllText(Path.Combine(tiny.RunDir, "metrics.jsonl"), "my own metrics\n");
        File.WriteAllText(Path.Combine(tiny.RunDir, "curves.png"), "my own picture");

        var (code, _, error) = Run("train", tiny.ConfigPath, "--overwrite");

        Assert.Equal(1, code);
        Assert.Contains($"{tiny.RunDir}: not a run folder (it has no seq2seq-run.json), so --overwrite deletes nothing here", error);
        Assert.Equal("my own metrics\n", File.ReadAllText(Path.Combine(tiny.RunDir, "metrics.jsonl")));
        Assert.Equal("my own picture", File.ReadAllText(Path.Combine(tiny.RunDir, "curves.png")));
    }

    [Fact]
    public void OverwriteRefusesWhenAnInputLiesAmongTheRunFiles()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        // The dev split moved into the run's report folder, which --overwrite would delete.
        string report = Path.Combine(tiny.RunDir, "report");
        foreach (var language in new[] { "src", "trg" }) File.Copy(tiny.Folder.File($"dev.{language}"), Path.Combine(report, $"dev.{language}"));
        File.WriteAllText(tiny.ConfigPath, File.ReadAllText(tiny.ConfigPath).Replace("\"dev\": \"dev\"", "\"dev\": \"run/report/dev\""));

        (code, _, error) = Run("train", tiny.ConfigPath, "--overwrite");

        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(report, "dev.src")}: an input of this run lies where --overwrite would delete {report}", error);
        Assert.True(File.Exists(Path.Combine(report, "dev.src")));
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "best.ckpt")));
    }

    [Fact]
    public void ARunDirThatIsAFileIsOneError()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        File.WriteAllText(tiny.RunDir, "a file");
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.Equal(1, code);
        Assert.Equal($"seq2seq train: {tiny.RunDir}: training.run_dir names a file, not a folder", error.Trim());
        Assert.Equal("a file", File.ReadAllText(tiny.RunDir));
    }

    [Fact]
    public void ASecondRunIntoABusyFolderIsRefusedAndTouchesNothing()
    {
        using var busy = new ReversalExperiment("\"max_steps\": 5000, \"validation_frequency\": 10");
        using var first = new CliProcess("train", busy.ConfigPath);
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(busy.LastCheckpoint))
        {
            Assert.False(first.HasExited, $"the first run ended early: {first.Error}");
            Assert.True(DateTime.UtcNow < deadline, "no checkpoint in time");
            Thread.Sleep(10);
        }

        foreach (var mode in new[] { "--overwrite", "--resume" })
        {
            var (code, _, error) = Run("train", busy.ConfigPath, mode);
            Assert.Equal(1, code);
            Assert.Contains($"{busy.RunDir}: another process is training in this run folder (it holds run.lock)", error);
        }
        Assert.False(first.HasExited, $"the first run was disturbed: {first.Error}");
        Assert.True(File.Exists(busy.LastCheckpoint));

        // A killed holder leaves no stale lock: the folder opens for a resume at once.
        first.Kill();
        using var run = new RunDirectory(busy.RunDir);
        Assert.Equal(RunDirectory.Mode.Resume, run.Open(RunDirectory.Mode.Resume, TextWriter.Null));
    }

    [Fact]
    public void ModelFilesCarryPathsRelativeToTheRunFolderAndEachTensorOnce()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        foreach (var file in new[] { "last.ckpt", "best.ckpt" })
        {
            var checkpoint = ModelFile.Load(Path.Combine(tiny.RunDir, file));
            Assert.DoesNotContain(tiny.Folder.Path, checkpoint.ConfigJson);
            Assert.Contains("\"train\": \"../train\"", checkpoint.ConfigJson);
            Assert.Contains("\"run_dir\": \".\"", checkpoint.ConfigJson);
            var config = ModelLoader.Config(checkpoint, Path.Combine(tiny.RunDir, file));
            Assert.Equal(tiny.Folder.File("train"), config.Data.Train);
            Assert.Equal(tiny.RunDir, config.Training.RunDir);
        }
        // The project moved as a whole still resumes (its paths are the same relative to the run folder).
        string moved = tiny.Folder.File("moved");
        Directory.CreateDirectory(moved);
        foreach (var file in Directory.GetFiles(tiny.Folder.Path)) File.Move(file, Path.Combine(moved, Path.GetFileName(file)));
        Directory.Move(tiny.RunDir, Path.Combine(moved, "run"));
        string movedConfig = Path.Combine(moved, "experiment.json");
        File.WriteAllText(movedConfig, File.ReadAllText(movedConfig).Replace("\"max_steps\": 10", "\"max_steps\": 20"));
        (code, _, error) = Run("train", movedConfig, "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("resumed from", error);
    }
}

using Seq2Seq.Packaging;
using Seq2Seq.Training;
using System.Text.Json;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Training;

/// <summary>
/// Exact resume and determinism, tested on the real program: a run killed with SIGKILL before its
/// first checkpoint and then at two arbitrary moments, and resumed each time, ends with exactly the
/// weights, metrics and checkpoints of an uninterrupted run with the same seed and threads.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class ResumeTests
{
    // Plateau schedule with patience 0, so the learning rate decays during the run (schedule state
    // matters); dropout on (the random state matters); validation and a checkpoint every 10 steps;
    // two batches per update (gradient accumulation: resume must land on update boundaries).
    private const string Training = """
        "learning_rate": 0.01, "batch_size": 100, "accumulate": 2, "max_steps": 160, "validation_frequency": 10, "log_frequency": 3,
        "keep_best_checkpoints": 2, "plateau_patience": 0, "early_stopping_metric": "loss"
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void KilledAndResumedRunEndsExactlyLikeAnUninterruptedRun()
    {
        using var reference = new ReversalExperiment(Training);
        using var interrupted = new ReversalExperiment(Training);
        using var whole = new CliProcess("train", reference.ConfigPath);

        // SEQ2SEQ_RESUME_SEED replays the kill moments of a failed run.
        int seed = int.TryParse(Environment.GetEnvironmentVariable("SEQ2SEQ_RESUME_SEED"), out int given) ? given : Environment.TickCount;
        var random = new Random(seed);
        var killedAt = new List<int>();

        // First a kill before any checkpoint exists (as soon as training logs its first steps):
        // --resume then starts the run over.
        using (var early = new CliProcess("train", interrupted.ConfigPath))
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (!File.Exists(interrupted.Metrics))
            {
                Assert.False(early.HasExited, $"the run ended before logging: {early.Error}");
                Assert.True(DateTime.UtcNow < deadline, "nothing logged in time");
                Thread.Sleep(1);
            }
            early.Kill();
            killedAt.Add(File.Exists(interrupted.LastCheckpoint) ? TrainingCheckpoint.LoadState(interrupted.LastCheckpoint)!.Step : 0);
        }
        for (int round = 0; round < 2; round++)
        {
            DateTime before = File.Exists(interrupted.LastCheckpoint) ? File.GetLastWriteTimeUtc(interrupted.LastCheckpoint) : DateTime.MinValue;
            using var run = new CliProcess("train", interrupted.ConfigPath, "--resume");
            var deadline = DateTime.UtcNow + Timeout;
            while (!File.Exists(interrupted.LastCheckpoint) || File.GetLastWriteTimeUtc(interrupted.LastCheckpoint) == before)
            {
                Assert.False(run.HasExited, $"the run ended before writing a checkpoint: {run.Error}");
                Assert.True(DateTime.UtcNow < deadline, "no checkpoint written in time");
                Thread.Sleep(5);
            }
            // An arbitrary moment after that checkpoint: mid-step, mid-validation or mid-checkpoint-write.
            Thread.Sleep(random.Next(0, 150));
            Assert.False(run.HasExited, $"the run finished before it could be killed (seed {seed})");
            run.Kill();
            var state = TrainingCheckpoint.LoadState(interrupted.LastCheckpoint)!;
            Assert.False(state.Finished, $"killed after training had finished (seed {seed})");
            killedAt.Add(state.Step);
        }
        var (code, _, error) = CliProcess.Run(Timeout, "train", interrupted.ConfigPath, "--resume");
        Assert.True(code == 0, error);
        Assert.Contains($"resumed from", error);
        Assert.Equal(0, whole.Wait(Timeout));

        AssertSameRun(reference, interrupted, $"killed after checkpoints of steps {string.Join(", ", killedAt)} (seed {seed})");
    }

    /// <summary>Two finished runs of <see cref="Training"/> are the same: weights, trainer state, metrics (but for timings), kept checkpoints, best.ckpt; no temporary file is left.</summary>
    private static void AssertSameRun(ReversalExperiment reference, ReversalExperiment interrupted, string context)
    {
        var expected = ModelFile.Load(reference.LastCheckpoint);
        var actual = ModelFile.Load(interrupted.LastCheckpoint);
        AssertSameWeights(expected, actual, context);
        var (e, a) = (TrainingCheckpoint.State(expected, reference.LastCheckpoint)!, TrainingCheckpoint.State(actual, interrupted.LastCheckpoint)!);
        Assert.Equal(160, a.Step);
        Assert.Equal((e.Epoch, e.BatchInEpoch, e.BestStep, e.BestScore, e.Schedule, e.ValidationsWithoutImprovement, e.SkippedUpdates),
                     (a.Epoch, a.BatchInEpoch, a.BestStep, a.BestScore, a.Schedule, a.ValidationsWithoutImprovement, a.SkippedUpdates));
        Assert.True(e.Schedule!.PlateauRate < 0.01, "the schedule never decayed; the test would not cover its state");
        Assert.Equal(e.RandomState, a.RandomState);

        // Same metrics (but for timings), same kept checkpoints, and best.ckpt is the same model.
        Assert.Equal(Comparable(reference.Metrics), Comparable(interrupted.Metrics));
        Assert.Equal(StepFiles(reference.RunDir), StepFiles(interrupted.RunDir));
        AssertSameWeights(ModelFile.Load(Path.Combine(reference.RunDir, "best.ckpt")), ModelFile.Load(Path.Combine(interrupted.RunDir, "best.ckpt")), context);
        Assert.Empty(Directory.GetFiles(interrupted.RunDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void CtrlCWritesACheckpointBetweenUpdatesAndResumeContinuesExactly()
    {
        using var reference = new ReversalExperiment(Training);
        using var interrupted = new ReversalExperiment(Training);
        using var whole = new CliProcess("train", reference.ConfigPath);
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var stoppedAt = new List<int>();
        for (int round = 0; round < 2; round++)
        {
            DateTime before = File.Exists(interrupted.LastCheckpoint) ? File.GetLastWriteTimeUtc(interrupted.LastCheckpoint) : DateTime.MinValue;
            using var run = new CliProcess(["train", interrupted.ConfigPath, .. round == 0 ? Array.Empty<string>() : ["--resume"]]);
            var deadline = DateTime.UtcNow + Timeout;
            while (!File.Exists(interrupted.LastCheckpoint) || File.GetLastWriteTimeUtc(interrupted.LastCheckpoint) == before)
            {
                Assert.False(run.HasExited, $"the run ended before writing a checkpoint: {run.Error}");
                Assert.True(DateTime.UtcNow < deadline, "no checkpoint written in time");
                Thread.Sleep(5);
            }
            Thread.Sleep(random.Next(0, 150)); // mid-update, mid-validation or mid-checkpoint-write
            Assert.False(run.HasExited, $"the run finished before it could be interrupted (seed {seed})");
            int expectedCode = run.Interrupt();
            Assert.Equal(expectedCode, run.Wait(Timeout));
            var state = TrainingCheckpoint.LoadState(interrupted.LastCheckpoint)!;
            Assert.False(state.Finished);
            stoppedAt.Add(state.Step);
            Assert.Contains($"training interrupted at step {state.Step}; {interrupted.LastCheckpoint} holds where it stands; "
                + $"continue with: seq2seq train {interrupted.ConfigPath} --resume", run.Error);
        }
        var (code, _, error) = CliProcess.Run(Timeout, "train", interrupted.ConfigPath, "--resume");
        Assert.True(code == 0, error);
        Assert.Equal(0, whole.Wait(Timeout));
        AssertSameRun(reference, interrupted, $"interrupted at steps {string.Join(", ", stoppedAt)} (seed {seed})");
    }

    [Fact]
    public void AKillBetweenTheCheckpointsTempFileAndItsRenameResumesExactly()
    {
        const string training = "\"learning_rate\": 0.01, \"batch_size\": 200, \"max_steps\": 40, \"validation_frequency\": 10, \"keep_best_checkpoints\": 2";
        using var reference = new ReversalExperiment(training);
        using var interrupted = new ReversalExperiment(training);
        using var whole = new CliProcess("train", reference.ConfigPath);
        var pause = new Dictionary<string, string> { ["SEQ2SEQ_TEST_PAUSE_BEFORE_RENAME"] = "last.ckpt#2" };
        string paused = interrupted.LastCheckpoint + ".paused";
        using (var run = new CliProcess(null, pause, "train", interrupted.ConfigPath))
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (!File.Exists(paused))
            {
                Assert.False(run.HasExited, $"the run ended before its first checkpoint: {run.Error}");
                Assert.True(DateTime.UtcNow < deadline, "no checkpoint write in time");
                Thread.Sleep(5);
            }
            run.Kill(); // step 20's checkpoint is written, last.ckpt's temporary file complete, not renamed
        }
        File.Delete(paused);
        Assert.Equal(10, TrainingCheckpoint.LoadState(interrupted.LastCheckpoint)!.Step);
        Assert.NotEmpty(Directory.GetFiles(interrupted.RunDir, ".last.ckpt.*.tmp"));

        var (code, _, error) = CliProcess.Run(Timeout, "train", interrupted.ConfigPath, "--resume");
        Assert.True(code == 0, error);
        Assert.Equal(0, whole.Wait(Timeout));
        AssertSameWeights(ModelFile.Load(reference.LastCheckpoint), ModelFile.Load(interrupted.LastCheckpoint), "killed before last.ckpt of step 20 was renamed");
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference.RunDir, "checkpoints", "index.tsv")), File.ReadAllBytes(Path.Combine(interrupted.RunDir, "checkpoints", "index.tsv")));
        Assert.Empty(Directory.GetFiles(interrupted.RunDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SameSeedAndThreadsGiveIdenticalLosses(int threads)
    {
        using var first = new ReversalExperiment(Training.Replace("\"max_steps\": 160", "\"max_steps\": 60"));
        using var second = new ReversalExperiment(Training.Replace("\"max_steps\": 160", "\"max_steps\": 60"));
        foreach (var config in new[] { first.ConfigPath, second.ConfigPath })
            File.WriteAllText(config, File.ReadAllText(config).Replace("\"threads\": 1", $"\"threads\": {threads}"));
        using var a = new CliProcess("train", first.ConfigPath);
        using var b = new CliProcess("train", second.ConfigPath);
        Assert.True(a.Wait(Timeout) == 0, a.Error);
        Assert.True(b.Wait(Timeout) == 0, b.Error);
        var lossesA = first.Records("train").Select(r => r.GetProperty("loss").GetDouble()).ToArray();
        var lossesB = second.Records("train").Select(r => r.GetProperty("loss").GetDouble()).ToArray();
        Assert.Equal(20, lossesA.Length);
        Assert.Equal(lossesA, lossesB);
        Assert.Equal(first.Records("validation").Select(r => r.GetProperty("loss").GetDouble()), second.Records("validation").Select(r => r.GetProperty("loss").GetDouble()));
        AssertSameWeights(ModelFile.Load(first.LastCheckpoint), ModelFile.Load(second.LastCheckpoint), "two identical runs");
    }

    [Fact]
    public void ResumeRefusesAnEditedConfigButTakesALongerRun()
    {
        using var experiment = new ReversalExperiment(Training.Replace("\"max_steps\": 160", "\"max_steps\": 20"));
        var (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath);
        Assert.True(code == 0, error);
        string original = File.ReadAllText(experiment.ConfigPath);

        File.WriteAllText(experiment.ConfigPath, original.Replace("\"learning_rate\": 0.01", "\"learning_rate\": 0.02").Replace("\"accumulate\": 2", "\"accumulate\": 3"));
        (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.Equal(1, code);
        string message = error.TrimEnd().Split('\n')[^1];
        Assert.Contains("cannot resume from", message);
        Assert.Contains("training.learning_rate is 0.02 here but was 0.01", message);
        Assert.Contains("training.accumulate is 3 here but was 2", message);
        Assert.Contains("--overwrite", message);
        Assert.Equal(20, TrainingCheckpoint.LoadState(experiment.LastCheckpoint)!.Step);

        // Other training data is another experiment too.
        File.Copy(experiment.Folder.File("dev.src"), experiment.Folder.File("other.src"));
        File.Copy(experiment.Folder.File("dev.trg"), experiment.Folder.File("other.trg"));
        File.WriteAllText(experiment.ConfigPath, original.Replace("\"dev\": \"dev\"", "\"dev\": \"other\""));
        (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.Equal(1, code);
        Assert.Contains("data.dev is \"" + experiment.Folder.File("other") + "\" here but was \"" + experiment.Folder.File("dev") + "\"", error);

        // Unchanged: the finished run stays finished.
        File.WriteAllText(experiment.ConfigPath, original);
        (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("this run had already finished: reached 20 steps", error);

        // The whole project moved, and max_steps raised: the run goes on from step 20 to 30.
        using var moved = new TempFolder();
        foreach (var file in Directory.GetFiles(experiment.Folder.Path, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(moved.Path, Path.GetRelativePath(experiment.Folder.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string movedConfig = moved.File("experiment.json");
        File.WriteAllText(movedConfig, original.Replace("\"max_steps\": 20", "\"max_steps\": 30"));
        (code, _, error) = Cli.CliRunner.Run("train", movedConfig, "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("resume: training.max_steps changed from 20 to 30", error);
        // The model file keeps its paths relative to the run folder, so a moved project is no change at all.
        Assert.DoesNotContain("data.train changed", error);
        var movedRun = moved.File("run");
        Assert.Equal(30, TrainingCheckpoint.LoadState(Path.Combine(movedRun, "last.ckpt"))!.Step);
        var stops = File.ReadAllLines(Path.Combine(movedRun, "metrics.jsonl")).Where(l => l.Contains("\"kind\":\"stopped\"")).ToArray();
        Assert.Single(stops);
        Assert.Contains("\"step\":30", stops[0]);
    }

    [Fact]
    public void ResumeWithoutACheckpointStartsOverOnlyARunThatWroteNone()
    {
        using var experiment = new ReversalExperiment(Training.Replace("\"max_steps\": 160", "\"max_steps\": 10"));
        // No run folder at all (another name or run_dir?): refused.
        var (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.Equal(1, code);
        Assert.Contains("no checkpoint to resume from", error);

        // A step checkpoint but no last.ckpt (killed between the two writes): refused, nothing deleted.
        Assert.Equal(0, Cli.CliRunner.Run("train", experiment.ConfigPath).Code);
        File.Delete(experiment.LastCheckpoint);
        (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.Equal(1, code);
        Assert.Contains("no checkpoint to resume from", error);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(experiment.RunDir, "checkpoints"), "*.ckpt"));

        // The run folder without any checkpoint (killed before the first validation): starts over.
        foreach (var file in Directory.GetFiles(experiment.RunDir, "*.ckpt", SearchOption.AllDirectories)) File.Delete(file);
        (code, _, error) = Cli.CliRunner.Run("train", experiment.ConfigPath, "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("no checkpoint yet", error);
        Assert.Equal(10, TrainingCheckpoint.LoadState(experiment.LastCheckpoint)!.Step);
    }

    internal static void AssertSameWeights(ModelFile expected, ModelFile actual, string context)
    {
        using var scope = NewDisposeScope();
        using var a = ModelLoader.Build(expected, "expected");
        using var b = ModelLoader.Build(actual, "actual");
        var left = a.state_dict();
        var right = b.state_dict();
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        Assert.NotEmpty(left);
        foreach (var (name, tensor) in left)
        {
            Assert.Equal(tensor.shape, right[name].shape);
            Assert.True(tensor.eq(right[name]).all().item<bool>(), $"parameter {name} differs; {context}");
        }
    }

    /// <summary>metrics.jsonl without the fields that measure time.</summary>
    private static string[] Comparable(string metrics) => File.ReadAllLines(metrics).Select(line =>
    {
        var record = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
        foreach (var timing in new[] { "elapsed_s", "target_tokens_per_s", "resident_mb", "managed_mb" }) record.Remove(timing);
        return JsonSerializer.Serialize(record);
    }).ToArray();

    private static string[] StepFiles(string runDir) =>
        Directory.GetFiles(Path.Combine(runDir, "checkpoints"), "*.ckpt").Select(Path.GetFileName).Order().ToArray()!;
}

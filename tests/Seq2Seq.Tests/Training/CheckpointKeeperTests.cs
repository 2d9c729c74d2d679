using Seq2Seq.Configuration;
using Seq2Seq.Packaging;
using Seq2Seq.Training;

namespace Seq2Seq.Tests.Training;

public class CheckpointKeeperTests
{
    private static RunDirectory NewRun(TempFolder folder)
    {
        var run = new RunDirectory(folder.File("run"));
        run.Open(RunDirectory.Mode.New, TextWriter.Null);
        return run;
    }

    private static void Validate(CheckpointKeeper keeper, int step, double score)
    {
        var next = keeper.Plan(step, score);
        keeper.Save(CheckpointTests.Fake(step, new TrainingState { Step = step, KeptCheckpoints = next }), step, next);
    }

    private static int[] StepFiles(RunDirectory run) => Directory.GetFiles(run.CheckpointFolder, "step-*.ckpt")
        .Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)["step-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();

    [Fact]
    public void KeepsTheBestNByBleuAndBestCkptIsTheBest()
    {
        using var folder = new TempFolder();
        var run = NewRun(folder);
        var keeper = new CheckpointKeeper(run, 2, ValidationMetric.Bleu);
        foreach (var (step, bleu, best) in new[] { (10, 5.0, 10), (20, 9.0, 20), (30, 7.0, 20), (40, 3.0, 20), (50, 12.0, 50), (60, 12.0, 50) })
        {
            Validate(keeper, step, bleu);
            Assert.Equal($"weights {best}", CheckpointTests.Marker(run.BestCheckpoint));
            Assert.Equal($"weights {step}", CheckpointTests.Marker(run.LastCheckpoint));
        }
        // A tie keeps the earlier step first (best.ckpt stays step 50) and pushes out the worse step 20.
        Assert.Equal([new KeptCheckpoint(50, 12.0), new KeptCheckpoint(60, 12.0)], keeper.Kept);
        Assert.Equal([50, 60], StepFiles(run));
        Assert.Equal(["50\t12", "60\t12"], File.ReadAllLines(Path.Combine(run.CheckpointFolder, "index.tsv")));
    }

    [Fact]
    public void KeepsTheLowestLoss()
    {
        using var folder = new TempFolder();
        var run = NewRun(folder);
        var keeper = new CheckpointKeeper(run, 2, ValidationMetric.Loss);
        foreach (var (step, loss) in new[] { (10, 3.0), (20, 2.0), (30, 2.5), (40, 4.0), (50, 1.0) }) Validate(keeper, step, loss);
        Assert.Equal([20, 50], StepFiles(run));
        Assert.Equal("weights 50", CheckpointTests.Marker(run.BestCheckpoint));
    }

    [Fact]
    public void RestoreFollowsTheListInLastCkptAfterACrashBetweenWrites()
    {
        using var folder = new TempFolder();
        var run = NewRun(folder);
        var keeper = new CheckpointKeeper(run, 2, ValidationMetric.Bleu);
        Validate(keeper, 10, 5.0);
        Validate(keeper, 20, 9.0);
        var recorded = keeper.Kept.ToArray();

        // The run then wrote step-30 (a new best) and died before last.ckpt: last.ckpt still says steps 20 and 10.
        var next = keeper.Plan(30, 20.0);
        CheckpointTests.Fake(30, new TrainingState { Step = 30, KeptCheckpoints = next }).Save(run.StepCheckpoint(30));
        File.WriteAllText(Path.Combine(run.CheckpointFolder, ".step-00000040.ckpt.999999999-0badf00d.tmp"), "half");
        File.Copy(run.StepCheckpoint(30), run.BestCheckpoint, overwrite: true); // even a stale best.ckpt is repaired

        var resumed = new CheckpointKeeper(run, 2, ValidationMetric.Bleu);
        resumed.Restore(TrainingCheckpoint.LoadState(run.LastCheckpoint)!.KeptCheckpoints);
        Assert.Equal(recorded, resumed.Kept);
        Assert.Equal([10, 20], StepFiles(run));
        Assert.Empty(Directory.GetFiles(run.CheckpointFolder, "*.tmp"));
        Assert.Equal("weights 20", CheckpointTests.Marker(run.BestCheckpoint));

        // Training goes on exactly as it would have.
        Validate(resumed, 30, 20.0);
        Assert.Equal([20, 30], StepFiles(run));
        Assert.Equal("weights 30", CheckpointTests.Marker(run.BestCheckpoint));
    }
}

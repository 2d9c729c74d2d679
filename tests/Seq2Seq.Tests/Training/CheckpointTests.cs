using Seq2Seq.Configuration;
using Seq2Seq.Files;
using Seq2Seq.Packaging;
using Seq2Seq.Training;
using System.Text;

namespace Seq2Seq.Tests.Training;

public class CheckpointTests
{
    internal static ModelFile Fake(int marker, TrainingState? state = null) => TrainingCheckpoint.Create(new ModelFile
    {
        ConfigJson = "{}",
        SourcePipeline = new Dictionary<string, string> { ["vocab.json"] = "[]" },
        TargetPipeline = new Dictionary<string, string> { ["vocab.json"] = "[]" },
        Weights = Encoding.ASCII.GetBytes($"weights {marker}"),
    }, [], state ?? new TrainingState { Step = marker });

    internal static string Marker(string path) => Encoding.ASCII.GetString(ModelFile.Load(path).Weights);

    [Fact]
    public void ACrashMidWriteLeavesThePreviousFileIntact()
    {
        using var folder = new TempFolder();
        string path = folder.File("last.ckpt");
        Fake(1).Save(path);

        // A write that dies half way (here: an exception after part of the content) ...
        var partial = Assert.Throws<UserError>(() => DurableFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk gone");
        }));
        Assert.Equal($"{path}: cannot write (disk gone)", partial.Message);
        Assert.Equal("weights 1", Marker(path));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));

        // ... or a process killed mid-write, which leaves its temporary file behind.
        string stray = Path.Combine(folder.Path, ".last.ckpt.999999999-0badf00d.tmp");
        File.WriteAllBytes(stray, Encoding.ASCII.GetBytes("PK\u0003\u0004 half a zip"));
        Assert.Equal("weights 1", Marker(path));
        Assert.Equal(1, DurableFile.RemoveStale(folder.Path));
        Assert.False(File.Exists(stray));

        Fake(2).Save(path);
        Assert.Equal("weights 2", Marker(path));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void SaveWritesATemporaryFileBesideTheTargetAndRenamesIt()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.ckpt");
        string[] temps = [];
        DurableFile.Write(path, stream =>
        {
            temps = Directory.GetFiles(folder.Path, ".model.ckpt.*.tmp"); // same folder: the rename is atomic
            Assert.False(File.Exists(path));
            stream.Write("x"u8);
        });
        Assert.Single(temps);
        Assert.False(File.Exists(temps[0]));
        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void ATruncatedCheckpointIsAClearError()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.ckpt");
        Fake(1).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<UserError>(() => ModelFile.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void MetricsTruncationDropsLaterStepsAndALineCutShortByACrash()
    {
        using var folder = new TempFolder();
        var metrics = new MetricsLog(folder.File("metrics.jsonl"));
        metrics.Append(new TrainRecord { Step = 5, Loss = 1.0 });
        metrics.Append(new ValidationRecord { Step = 10, Loss = 0.9 });
        metrics.Append(new TrainRecord { Step = 15, Loss = 0.8 });
        File.AppendAllText(metrics.Path, "{\"kind\":\"train\",\"st");
        metrics.TruncateAfter(10);
        var kept = MetricsLog.Read(metrics.Path).Select(r => r.Record).ToArray();
        Assert.Equal([5, 10], kept.Select(r => r.Step));
        Assert.Equal(0.9, Assert.IsType<ValidationRecord>(kept[1]).Loss);
        Assert.StartsWith("{\"kind\":\"train\",\"step\":5,", File.ReadAllLines(metrics.Path)[0]);
    }
}

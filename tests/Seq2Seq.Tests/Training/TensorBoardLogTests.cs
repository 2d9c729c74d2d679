using Seq2Seq.Training;
using System.Buffers.Binary;
using Tensorboard;
using static Seq2Seq.Tests.Cli.CliRunner;

namespace Seq2Seq.Tests.Training;

[Collection(LibTorchCollection.Name)]
public class TensorBoardLogTests
{
    /// <summary>The events of a tfevents file, each record's length and checksums verified with a bitwise CRC-32C written here.</summary>
    internal static List<Event> ReadEvents(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        for (int at = 0; at < bytes.Length;)
        {
            var length = bytes.AsSpan(at, 8);
            int size = (int)BinaryPrimitives.ReadUInt64LittleEndian(length);
            Assert.Equal(Masked(length), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)));
            var data = bytes.AsSpan(at + 12, size);
            Assert.Equal(Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + size, 4)));
            events.Add(Event.Parser.ParseFrom(data.ToArray()));
            at += 12 + size + 4;
        }
        return events;
    }

    private static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
        }
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
    }

    [Fact]
    public void TheChecksumIsTfRecordsMaskedCrc32C()
    {
        // CRC-32C("123456789") = 0xE3069283 (the check value of the Castagnoli polynomial).
        uint crc = 0xE3069283;
        Assert.Equal(((crc >> 15) | (crc << 17)) + 0xa282ead8, TensorBoardLog.MaskedCrc("123456789"u8));
    }

    [Fact]
    public void RecordsBecomeScalarEventsStampedInUnixSeconds()
    {
        using var folder = new TempFolder();
        string path;
        using (var log = new TensorBoardLog(folder.Path, firstStep: 1))
        {
            path = log.Path;
            log.Write(new TrainRecord { Step = 5, Loss = 2.5, LearningRate = 0.001, GradNorm = 0.75, TargetTokensPerS = 900, Padding = 0.125 });
            log.Write(new ValidationRecord { Step = 10, Loss = 1.5, Perplexity = double.PositiveInfinity, Bleu = 12.25 });
            log.Write(new StoppedRecord { Step = 10, Reason = "done" });
        }
        Assert.StartsWith(TensorBoardLog.FilePrefix, Path.GetFileName(path));
        var events = ReadEvents(path);
        Assert.Equal(3, events.Count);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        double now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(events, e => Assert.InRange(e.WallTime, now - 600, now + 5));

        Assert.Equal(5, events[1].Step);
        Assert.Equal([("train/loss", 2.5f), ("train/learning_rate", 0.001f), ("train/grad_norm", 0.75f), ("train/target_tokens_per_s", 900f), ("train/padding", 0.125f)],
            events[1].Summary.Value.Select(v => (v.Tag, v.SimpleValue)).ToArray());
        // A non-finite value (the perplexity of a diverged model) is left out rather than drawn.
        Assert.Equal(10, events[2].Step);
        Assert.Equal([("dev/loss", 1.5f), ("dev/bleu", 12.25f)], events[2].Summary.Value.Select(v => (v.Tag, v.SimpleValue)).ToArray());
    }

    [Fact]
    public void AResumedSessionPurgesWhatTheInterruptedOneLoggedPastItsCheckpoint()
    {
        using var folder = new TempFolder();
        string path;
        using (var log = new TensorBoardLog(folder.Path, firstStep: 41)) path = log.Path;
        var events = ReadEvents(path);
        Assert.Equal(2, events.Count);
        Assert.Equal(41, events[1].Step);
        Assert.Equal(SessionLog.Types.SessionStatus.Start, events[1].SessionLog.Status);
    }

    [Fact]
    public void TrainingWritesEventsWhenAskedAndOverwriteRemovesThem()
    {
        using var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 5, extraTraining: ", \"tensorboard\": true");
        var (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        var file = Assert.Single(Directory.GetFiles(tiny.RunDir, TensorBoardLog.FilePrefix + "*"));
        var events = ReadEvents(file);
        Assert.Equal([5, 10], events.Where(e => e.Summary?.Value.Any(v => v.Tag == "dev/bleu") == true).Select(e => (int)e.Step).ToArray());
        Assert.Equal([5, 10], events.Where(e => e.Summary?.Value.Any(v => v.Tag == "train/loss") == true).Select(e => (int)e.Step).ToArray());

        File.WriteAllText(tiny.ConfigPath, File.ReadAllText(tiny.ConfigPath).Replace(", \"tensorboard\": true", ""));
        (code, _, error) = Run("train", tiny.ConfigPath, "--overwrite");
        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(tiny.RunDir, TensorBoardLog.FilePrefix + "*"));
    }
}

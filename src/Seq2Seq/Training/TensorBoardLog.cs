using Google.Protobuf;
using System.Buffers.Binary;
using System.Numerics;
using Tensorboard;

namespace Seq2Seq.Training;

/// <summary>
/// TensorBoard event files for a run (training.tensorboard): the run folder gets an
/// events.out.tfevents.* file per training session, so `tensorboard --logdir runs/` lists runs by
/// name. Each metrics record becomes scalars (train/loss, train/learning_rate, train/grad_norm,
/// train/target_tokens_per_s, train/padding; dev/loss, dev/perplexity, dev/bleu).
/// <para>
/// Events are TorchSharp's Tensorboard.Event protobuf messages, framed as TFRecords (length, its
/// masked CRC-32C, the message, its masked CRC-32C). TorchSharp's own SummaryWriter is not used: it
/// stamps events with 0 or DateTime ticks where TensorBoard reads Unix seconds, and it cannot purge.
/// A resumed session starts its file with a SessionLog START at the first step it trains, which
/// tells TensorBoard to drop what the interrupted session logged past its last checkpoint.
/// </para>
/// </summary>
public sealed class TensorBoardLog : IDisposable
{
    public const string FilePrefix = "events.out.tfevents.";

    private readonly FileStream file;

    /// <param name="folder">the run folder</param>
    /// <param name="firstStep">the first update this session trains: 1 for a new run, the resume step + 1 otherwise</param>
    public TensorBoardLog(string folder, int firstStep)
    {
        double now = Now();
        var name = $"{FilePrefix}{(long)now}.{Environment.MachineName}.{Environment.ProcessId}.seq2seq";
        Path = System.IO.Path.Combine(folder, name);
        file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        Write(new Event { WallTime = now, FileVersion = "brain.Event:2" });
        if (firstStep > 1)
            Write(new Event { WallTime = now, Step = firstStep, SessionLog = new SessionLog { Status = SessionLog.Types.SessionStatus.Start } });
        file.Flush();
    }

    public string Path { get; }

    /// <summary>The scalars of one metrics record (none for a stop record), flushed.</summary>
    public void Write(MetricsRecord record)
    {
        var scalars = record switch
        {
            TrainRecord t => new (string, double)[]
            {
                ("train/loss", t.Loss), ("train/learning_rate", t.LearningRate), ("train/grad_norm", t.GradNorm),
                ("train/target_tokens_per_s", t.TargetTokensPerS), ("train/padding", t.Padding),
            },
            ValidationRecord v => [("dev/loss", v.Loss), ("dev/perplexity", v.Perplexity), ("dev/bleu", v.Bleu)],
            _ => [],
        };
        if (scalars.Length == 0) return;
        var summary = new Summary();
        foreach (var (tag, value) in scalars.Where(s => double.IsFinite(s.Item2)))
            summary.Value.Add(new Summary.Types.Value { Tag = tag, SimpleValue = (float)value });
        Write(new Event { WallTime = Now(), Step = record.Step, Summary = summary });
        file.Flush();
    }

    /// <summary>One TFRecord: the length, its masked CRC-32C, the message, its masked CRC-32C (all little-endian).</summary>
    private void Write(Event message)
    {
        var data = message.ToByteArray();
        Span<byte> length = stackalloc byte[8], crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)data.LongLength);
        file.Write(length);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, MaskedCrc(length));
        file.Write(crc);
        file.Write(data);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, MaskedCrc(data));
        file.Write(crc);
    }

    /// <summary>TFRecord's checksum: CRC-32C rotated right by 15 bits plus 0xa282ead8.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
    }

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    public void Dispose() => file.Dispose();
}

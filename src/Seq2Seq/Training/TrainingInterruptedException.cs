namespace Seq2Seq.Training;

/// <summary>
/// Training was cancelled (Ctrl+C, SIGTERM, or the caller's token) between two updates; the
/// checkpoint at <see cref="Checkpoint"/> records where it stands, and training with
/// <c>RunDirectory.Mode.Resume</c> (<c>seq2seq train CONFIG --resume</c>) continues exactly as if
/// it had never stopped.
/// </summary>
public sealed class TrainingInterruptedException(int step, string checkpoint, CancellationToken token)
    : OperationCanceledException($"training interrupted at step {step}; {checkpoint} holds where it stands", token)
{
    /// <summary>Updates done before the interruption.</summary>
    public int Step { get; } = step;

    /// <summary>The checkpoint written at the interruption (the run's last.ckpt).</summary>
    public string Checkpoint { get; } = checkpoint;
}

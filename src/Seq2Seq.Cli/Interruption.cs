using System.Runtime.InteropServices;

namespace Seq2Seq.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a <see cref="CancellationToken"/>, for the verbs that stop
/// cleanly: the first signal cancels the token and the work ends at its next safe point (training
/// writes a checkpoint, translate writes no partial output file); a second signal ends the process
/// at once, as it would without this.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    public CancellationToken Token => source.Token;

    /// <summary>The exit code of an interrupted command: 128 + the signal's number, as a shell reports a signal (130 for Ctrl+C).</summary>
    public static int ExitCode { get; private set; } = 130;

    public Interruption()
    {
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    private void Handle(PosixSignalContext context)
    {
        if (source.IsCancellationRequested) return; // the second signal: default handling ends the process
        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        Console.Error.WriteLine();
        Console.Error.WriteLine("stopping at the next safe point (press Ctrl+C again to end now)");
        source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        source.Dispose();
    }
}

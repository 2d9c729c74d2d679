using System.Diagnostics;

namespace Seq2Seq.Terminal;

/// <summary>
/// A one-line progress bar on stderr: done/total, a bar, the rate, ETA and a free-text status.
/// Redrawn at most ten times a second; when stderr is not a terminal it prints a plain line at
/// most every ten seconds instead, so logs stay readable.
/// </summary>
/// As an <see cref="IProgress{T}"/> it takes the count done so far, so the library's long calls can
/// report to it or to any other progress sink.
public sealed class ProgressBar(string label, long total, string unit, TextWriter? writer = null) : IProgress<long>
{
    private readonly TextWriter writer = writer ?? Console.Error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool interactive = writer is null && !Console.IsErrorRedirected;
    private double lastDraw = double.NegativeInfinity;
    private long startDone = -1;

    public long Total { get; set; } = total;

    public void Report(long done, string status = "", bool force = false)
    {
        double now = clock.Elapsed.TotalSeconds;
        if (startDone < 0) startDone = done;
        double interval = interactive ? 0.1 : 10.0;
        if (!force && now - lastDraw < interval) return;
        lastDraw = now;
        double rate = now > 0 ? (done - startDone) / now : 0;
        string eta = rate > 0 && Total > done ? Format(TimeSpan.FromSeconds((Total - done) / rate)) : "--:--";
        double fraction = Total > 0 ? Math.Clamp(done / (double)Total, 0, 1) : 0;
        const int width = 24;
        int filled = (int)(fraction * width);
        string bar = new string('#', filled) + new string('.', width - filled);
        string line = $"{label} [{bar}] {done}/{Total} {rate:F1} {unit}/s ETA {eta} {status}";
        if (interactive) writer.Write("\r" + line.PadRight(Math.Min(Console.WindowWidth > 0 ? Console.WindowWidth - 1 : 120, 160)));
        else writer.WriteLine(line);
    }

    void IProgress<long>.Report(long value) => Report(value);

    /// <summary>Ends the bar's line.</summary>
    public void Finish(long done, string status = "")
    {
        Report(done, status, force: true);
        if (interactive) writer.WriteLine();
    }

    public static string Format(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}:{span.Minutes:D2}:{span.Seconds:D2}"
        : $"{span.Minutes:D2}:{span.Seconds:D2}";
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Seq2Seq.Tests.Training;

/// <summary>
/// The built seq2seq program run as a child process (dotnet Seq2Seq.Cli.dll), so that a test can
/// kill it like a crash would, or measure its memory apart from the test host.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    public CliProcess(params string[] args) : this(null, args)
    {
    }

    /// <param name="input">bytes for standard input, which is then closed; null leaves it the test host's</param>
    public CliProcess(byte[]? input, params string[] args) : this(input, new Dictionary<string, string>(), args)
    {
    }

    /// <param name="environment">variables set for the child</param>
    public CliProcess(byte[]? input, IReadOnlyDictionary<string, string> environment, params string[] args)
        : this(input, input is not null, environment, args)
    {
    }

    private CliProcess(byte[]? input, bool redirectInput, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
    }

    /// <summary>A child whose standard input stays open for <see cref="WriteLine"/>, as a pipe or a terminal that is typed into.</summary>
    public static CliProcess Interactive(params string[] args) => new(null, true, new Dictionary<string, string>(), args);

    /// <summary>Writes one line to the child's standard input and flushes it.</summary>
    public void WriteLine(string line)
    {
        process.StandardInput.Write(line + "\n");
        process.StandardInput.Flush();
    }

    /// <summary>Ends the child's standard input (as Ctrl+D at a terminal).</summary>
    public void CloseInput() => process.StandardInput.Close();

    /// <summary>Waits until stdout holds <paramref name="count"/> lines; returns them. Fails the test on timeout or exit.</summary>
    public string[] WaitForOutputLines(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = Output.Split('\n', StringSplitOptions.None)[..^1].Select(l => l.TrimEnd('\r')).ToArray();
            if (lines.Length >= count) return lines;
            if (process.HasExited) throw new InvalidOperationException($"seq2seq exited with {lines.Length} of {count} lines written; stderr:\n{Error}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{lines.Length} of {count} lines written in {timeout}; stderr:\n{Error}");
            Thread.Sleep(5);
        }
    }

    /// <summary>src/Seq2Seq.Cli/bin/&lt;Configuration&gt;/net10.0/Seq2Seq.Cli.dll: the program built beside the tests, in the same configuration.</summary>
    public static string CliDll
    {
        get
        {
            // The test assembly lives in tests/Seq2Seq.Tests/bin/<Configuration>/net10.0/; the program in the same place under src/Seq2Seq.Cli.
            string output = Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "tests", "Seq2Seq.Tests"), AppContext.BaseDirectory);
            string dll = Path.Combine(RepositoryPaths.Root, "src", "Seq2Seq.Cli", output, "Seq2Seq.Cli.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"the seq2seq program is not built: {dll}");
            return dll;
        }
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public string Output { get { lock (output) return output.ToString(); } }
    public string Error { get { lock (error) return error.ToString(); } }

    /// <summary>Waits for the end; returns the exit code. Fails the test on timeout.</summary>
    public int Wait(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"seq2seq did not finish in {timeout}; stderr:\n{Error}");
        }
        process.WaitForExit(); // drains the output readers
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops a program: it may finish its work and exit.</summary>
    public void Terminate()
    {
        if (kill(process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM {process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>
    /// SIGINT, as Ctrl+C at a terminal; but SIGTERM when this process ignores SIGINT (started as a
    /// background job of a non-interactive shell, which sets SIGINT to ignored), because the child
    /// inherits that and .NET leaves an inherited ignore alone. Returns the exit code the program
    /// gives for the signal sent: 130 or 143.
    /// </summary>
    public int Interrupt()
    {
        bool ignored = SigIntIgnoredHere();
        int signal = ignored ? 15 : 2;
        if (kill(process.Id, signal) != 0) throw new InvalidOperationException($"kill -{signal} {process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
        return 128 + signal;
    }

    /// <summary>Whether SIGINT is ignored in this process (bit 1 of SigIgn in /proc/self/status).</summary>
    private static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>SIGKILL, like a crash or the OOM killer: no finally blocks, no flushing.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Runs the program to its end and returns exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(TimeSpan timeout, params string[] args) => Run(timeout, null, args);

    public static (int Code, string Out, string Err) Run(TimeSpan timeout, byte[]? input, params string[] args)
    {
        using var p = new CliProcess(input, args);
        int code = p.Wait(timeout);
        return (code, p.Output, p.Error);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        process.Dispose();
    }
}

using Seq2Seq.Cli.Commands;

namespace Seq2Seq.Cli;

/// <summary>Dispatches the verb, handles --help and turns user errors into one line on stderr.</summary>
public static class CommandLine
{
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new DemoCommand(),
        new TrainCommand(),
        new TranslateCommand(),
        new ScoreCommand(),
        new ServeCommand(),
        new ExportCommand(),
        new EvaluateCommand(),
        new PrepareCommand(),
        new CorpusCommand(),
        new BenchCommand(),
        new AverageCommand(),
        new PlotCommand(),
    ];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintUsage(output);
            return args.Length == 0 ? 1 : 0;
        }
        if (args[0] is "--version")
        {
            output.WriteLine($"seq2seq {ProgramVersion.Informational}");
            return 0;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"seq2seq: unknown verb '{args[0]}'; verbs: {string.Join(", ", Commands.Select(c => c.Name))} (seq2seq --help)");
            return 2;
        }
        var rest = args[1..];
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            output.WriteLine($"usage: seq2seq {command.Name} {command.Usage}");
            output.WriteLine();
            output.WriteLine(command.Help);
            return 0;
        }
        try
        {
            return command.Run(new Arguments(command.Name, rest), output, error);
        }
        catch (UserError e)
        {
            error.WriteLine($"seq2seq {command.Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"seq2seq {command.Name}: interrupted");
            return Interruption.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not the user's fault: a bug. Say so on one line, then give the details for a report.
            error.WriteLine($"seq2seq {command.Name}: internal error: {e.GetType().FullName}: {SafeMessage(e)}");
            error.WriteLine(SafeDetails(e));
            return 70;
        }
    }

    private static string SafeMessage(Exception e)
    {
        try { return e.Message; } catch (Exception) { return "(no message)"; }
    }

    private static string SafeDetails(Exception e)
    {
        try { return e.ToString(); } catch (Exception) { return e.StackTrace ?? "(no stack trace)"; }
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("usage: seq2seq <verb> [options]   (seq2seq <verb> --help for a verb's options; seq2seq --version)");
        output.WriteLine();
        foreach (var c in Commands) output.WriteLine($"  {c.Name,-10} {c.Summary}");
    }
}

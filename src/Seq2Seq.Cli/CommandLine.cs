using Seq2Seq.Cli.Commands;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Seq2Seq.Cli;

/// <summary>
/// The program's command line on System.CommandLine: the verbs, --help (-h, -?), --version,
/// response files (@FILE) and shell completion ([suggest], as dotnet-suggest uses it). Parse errors
/// and user errors are one line on stderr with a non-zero exit, never a wall of help.
/// </summary>
public static class CommandLine
{
    /// <summary>The program's name, as the help and the messages spell it.</summary>
    public const string Program = "seq2seq";

    /// <summary>Exit code of a parse error or a user error.</summary>
    public const int UserErrorCode = 1;

    /// <summary>Exit code of an unknown verb.</summary>
    public const int UnknownVerbCode = 2;

    /// <summary>Exit code of a bug (EX_SOFTWARE).</summary>
    public const int InternalErrorCode = 70;

    public static IReadOnlyList<Verb> Commands { get; } =
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

    private static readonly RootCommand Root = BuildRoot();

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            HelpLayout.Write(Root.Parse(["--help"]), output, error);
            return UserErrorCode;
        }
        var parse = Root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Action is HelpAction) return HelpLayout.Write(parse, output, error);
        if (parse.Action is ParseErrorAction) return ParseError(parse, error);
        string verb = parse.CommandResult.Command == Root ? Program : $"{Program} {parse.CommandResult.Command.Name}";
        try
        {
            return parse.Invoke(configuration);
        }
        catch (UserError e)
        {
            error.WriteLine($"{verb}: {e.Message}");
            return UserErrorCode;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"{verb}: interrupted");
            return Interruption.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not the user's fault: a bug. Say so on one line, then give the details for a report.
            error.WriteLine($"{verb}: internal error: {e.GetType().FullName}: {SafeMessage(e)}");
            error.WriteLine(SafeDetails(e));
            return InternalErrorCode;
        }
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("Neural machine translation: train, translate, serve and evaluate attention models (BiLSTM + Bahdanau).");
        foreach (var verb in Commands) root.Subcommands.Add(verb.Command);
        foreach (var option in root.Options)
        {
            if (option is VersionOption version) version.Action = new VersionAction();
            if (option is HelpOption help) help.Action = HelpLayout.Create();
        }
        return root;
    }

    /// <summary>The first parse error as one line; an unknown word comes with the nearest valid one.</summary>
    private static int ParseError(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        bool atRoot = command == Root;
        string help = atRoot ? $"({Program} --help)" : $"({Program} {command.Name} --help)";
        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            if (atRoot)
            {
                var verbs = Commands.Select(c => c.Name).ToArray();
                string suggestion = CliOptions.Suggestion(token, verbs);
                error.WriteLine($"{Program}: unknown verb '{token}'{(suggestion.Length > 0 ? suggestion : $"; verbs: {string.Join(", ", verbs)}")} {help}");
                return UnknownVerbCode;
            }
            string what = token.StartsWith('-') ? $"unknown option {token}" : $"unexpected argument '{token}'";
            var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
            error.WriteLine($"{Program} {command.Name}: {what}{(token.StartsWith('-') ? CliOptions.Suggestion(token, names) : "")} {help}");
            return UserErrorCode;
        }
        string message = parse.Errors[0].Message.Replace('\n', ' ').Replace("\r", "");
        error.WriteLine(atRoot ? $"{Program}: {message} {help}" : $"{Program} {command.Name}: {message} {help}");
        return UserErrorCode;
    }

    private static string SafeMessage(Exception e)
    {
        try { return e.Message; } catch (Exception) { return "(no message)"; }
    }

    private static string SafeDetails(Exception e)
    {
        try { return e.ToString(); } catch (Exception) { return e.StackTrace ?? "(no stack trace)"; }
    }

    /// <summary>--version: "seq2seq" and the informational version (package version + git commit).</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"{Program} {ProgramVersion.Informational}");
            return 0;
        }
    }
}

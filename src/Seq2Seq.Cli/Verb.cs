using System.CommandLine;

namespace Seq2Seq.Cli;

/// <summary>
/// One verb of the command-line program, declared once as a System.CommandLine command: its name,
/// a one-line summary (the verb table of <c>seq2seq --help</c>), a longer description (the verb's
/// own help), and its options and arguments, whose descriptions make up the rest of that help.
/// </summary>
public abstract class Verb
{
    private readonly Command command;

    protected Verb(string name, string summary, string details)
    {
        Summary = summary;
        Details = details.TrimEnd();
        command = new Command(name, summary);
        command.SetAction(parse => Run(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    public string Name => command.Name;

    public string Summary { get; }

    /// <summary>What the verb does, beyond its summary: the opening paragraph of its help.</summary>
    public string Details { get; }

    /// <summary>The declared command, as the program's root command holds it.</summary>
    public Command Command => command;

    /// <summary>Adds the verb's options and arguments, in the order its help lists them.</summary>
    protected void Declare(params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option: command.Options.Add(option); break;
                case Argument argument: command.Arguments.Add(argument); break;
                default: throw new ArgumentException($"{symbol.Name} is neither an option nor an argument", nameof(symbols));
            }
        }
    }

    /// <summary>Runs the verb on parsed arguments; user errors are thrown as <see cref="UserError"/>.</summary>
    protected abstract int Run(ParseResult parse, TextWriter output, TextWriter error);
}

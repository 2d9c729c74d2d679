namespace Seq2Seq.Cli;

/// <summary>One verb of the command-line program.</summary>
public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    string Help { get; }
    int Run(Arguments arguments, TextWriter output, TextWriter error);
}

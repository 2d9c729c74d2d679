using Seq2Seq.Data.Demo;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class CorpusCommand : Verb
{
    private readonly Argument<string> name = new("NAME") { HelpName = "NAME", Description = "the corpus to generate: demo" };
    private readonly Option<string?> outOption = CliOptions.Text("--out", "DIR", "where to write it (default: corpora/demo of the project folder)");

    public CorpusCommand() : base("corpus", "generate the built-in demo corpus (corpus demo [--out DIR])", """
        Writes the deterministic English->German demo corpus (train/dev/test, .en and .de files) to
        --out DIR, else to corpora/demo in the repository (when run inside a clone of it) or in the
        working folder. The output is the same on every run.
        """)
    {
        name.CompletionSources.Add("demo");
        Declare(name, outOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string? outDir = parse.GetValue(outOption);
        string kind = parse.GetValue(name)!;
        if (kind != "demo") throw new UserError($"unknown corpus '{kind}'; available: demo");
        outDir ??= ProjectFolder.DemoCorpus(ProjectFolder.Find());
        DemoCorpus.WriteTo(outDir);
        output.WriteLine($"wrote the demo corpus to {outDir}");
        return 0;
    }
}

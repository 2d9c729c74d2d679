using Seq2Seq.Data.Demo;

namespace Seq2Seq.Cli.Commands;

public sealed class CorpusCommand : ICommand
{
    public string Name => "corpus";
    public string Summary => "generate the built-in demo corpus (corpus demo [--out DIR])";
    public string Usage => "demo [--out corpora/demo]";
    public string Help => """
        Writes the deterministic English->German demo corpus (train/dev/test, .en and .de files) to
        --out DIR, else to corpora/demo in the repository (when run inside a clone of it) or in the
        working folder. The output is the same on every run.
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string? outDir = arguments.Option("out");
        string kind = arguments.RequirePositional(0, "corpus name (demo)");
        arguments.RejectUnknown(1);
        if (kind != "demo") throw new UserError($"unknown corpus '{kind}'; available: demo");
        outDir ??= ProjectFolder.DemoCorpus(ProjectFolder.Find());
        DemoCorpus.WriteTo(outDir);
        output.WriteLine($"wrote the demo corpus to {outDir}");
        return 0;
    }
}

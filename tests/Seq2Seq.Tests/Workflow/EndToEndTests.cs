using Seq2Seq.Cli;
using static Seq2Seq.Tests.Cli.CliRunner;

namespace Seq2Seq.Tests.Workflow;

[Collection(LibTorchCollection.Name)]
public class EndToEndTests
{
    [Fact]
    public void TrainTranslateEvaluateOnTinyData()
    {
        using var tiny = ReversalExperiment.Tiny();
        var (code, output, error) = Run("train", tiny.ConfigPath);
        Assert.True(code == 0, error);
        Assert.Contains("BLEU|nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = ", output);
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "report", "report.md")));
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "report", "sentence-bleu.png")));
        string best = Path.Combine(tiny.RunDir, "best.ckpt");
        Assert.True(File.Exists(best));
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "last.ckpt")));
        Assert.True(File.Exists(Path.Combine(tiny.RunDir, "metrics.jsonl")));
        var hypotheses = File.ReadAllLines(Path.Combine(tiny.RunDir, "test.hyp.trg"));
        Assert.Equal(20, hypotheses.Length);

        // The evaluate verb scores the test translations the same way.
        (code, string scores, error) = Run("evaluate", "--hyp", Path.Combine(tiny.RunDir, "test.hyp.trg"), "--ref", tiny.Folder.File("test.trg"));
        Assert.True(code == 0, error);
        Assert.Contains("BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = ", scores);

        // The translate verb on a file with an empty line keeps the lines aligned.
        File.WriteAllText(tiny.Folder.File("in.txt"), "alpha beta\n\ngamma delta epsilon\n");
        (code, _, error) = Run("translate", "--model", best, "--input", tiny.Folder.File("in.txt"), "--output", tiny.Folder.File("out.txt"), "--beam", "2");
        Assert.True(code == 0, error);
        var translated = File.ReadAllText(tiny.Folder.File("out.txt")).Split('\n');
        Assert.Equal(4, translated.Length);
        Assert.Equal("", translated[1]);
        Assert.Equal("", translated[3]);

        // A second train on the same run folder refuses rather than overwrite.
        (code, _, error) = Run("train", tiny.ConfigPath);
        Assert.Equal(1, code);
        Assert.Contains("--resume", error);
    }
}

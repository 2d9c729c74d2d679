using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Output;
using Seq2Seq.Files;
using Seq2Seq.Terminal;
using System.Text.Json;

namespace Seq2Seq.Tests.Evaluation;

public sealed class EvaluationReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "seq2seq-eval-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void WritesJsonAndMarkdownWithScoresExtremesAndSources()
    {
        var refs = TestCorpus.References(60, seed: 20);
        var hyps = TestCorpus.Corrupt(refs, 0.3, seed: 21);
        hyps[3] = "";                       // an empty hypothesis must be among the worst (BLEU 0)
        hyps[7] = refs[7];                  // a perfect one among the best
        hyps[9] = "pipe | star * <b> line\nbreak";
        var sources = Enumerable.Range(0, 60).Select(i => $"Quelle Satz {i}").ToList();

        var report = EvaluationReport.Create(hyps, [refs], sources,
            new EvaluationReportOptions { BootstrapSamples = 200 });
        var (jsonPath, mdPath) = EvaluationReportWriter.Write(report, _dir);

        Assert.Equal(Bleu.Corpus(hyps, [refs]).Score, report.Bleu.Score);
        Assert.Equal(new Chrf().CorpusScore(hyps, [refs]).Score, report.Chrf.Score);
        Assert.Equal(60, report.SentenceBleuScores.Count);
        Assert.Equal(Bleu.Sentence(hyps[5], [refs[5]]).Score, report.SentenceBleuScores[5]);
        Assert.Equal(20, report.Worst.Count);
        Assert.Equal(20, report.Best.Count);
        Assert.Equal(report.Worst.Select(s => s.Bleu).Order().ToList(), report.Worst.Select(s => s.Bleu).ToList());
        Assert.Equal(report.Best.Select(s => s.Bleu).OrderDescending().ToList(), report.Best.Select(s => s.Bleu).ToList());
        Assert.Contains(report.Worst, s => s.Index == 3 && s.Bleu == 0.0);
        Assert.Equal(7, report.Best[0].Index);
        Assert.Equal(1, report.Lengths.EmptyHypotheses);
        Assert.Equal(report.Bleu.SysLen, report.Lengths.HypothesisTokens);

        using (var doc = JsonDocument.Parse(File.ReadAllText(jsonPath)))
        {
            var root = doc.RootElement;
            Assert.Equal(report.Bleu.Score, root.GetProperty("bleu").GetProperty("score").GetDouble());
            Assert.Equal(report.Bleu.Signature!.Format(), root.GetProperty("bleu").GetProperty("signature").GetString());
            Assert.Equal(4, root.GetProperty("bleu").GetProperty("precisions").GetArrayLength());
            Assert.Equal(report.BleuBootstrap.Interval.Lower,
                root.GetProperty("bleu").GetProperty("confidence").GetProperty("lower").GetDouble());
            Assert.Equal(60, root.GetProperty("sentence_bleu").GetArrayLength());
            Assert.Equal(20, root.GetProperty("worst").GetArrayLength());
            var firstWorst = root.GetProperty("worst")[0];
            Assert.Equal(sources[firstWorst.GetProperty("index").GetInt32()], firstWorst.GetProperty("source").GetString());
            Assert.Equal("chrF2", root.GetProperty("chrf").GetProperty("name").GetString());
        }

        string md = File.ReadAllText(mdPath);
        Assert.Contains("BLEU|nrefs:1|bs:200|seed:12345|case:mixed", md);
        Assert.Contains((report.Bleu with { Signature = report.BleuBootstrap.Signature })
            .Format(withSignature: true, confidence: report.BleuBootstrap.Interval), md);
        Assert.Matches(@"BLEU\|nrefs:1\|bs:200\|seed:12345\|\S+ = \d+\.\d\d \(μ = \d+\.\d\d ± \d+\.\d\d\) ", md);
        Assert.Contains("## Worst 20 sentences", md);
        Assert.Contains("- **Source:** Quelle Satz 3", md);
        Assert.Contains("- **Hypothesis:** *(empty)*", md);
        if (report.Worst.Any(s => s.Index == 9) || report.Best.Any(s => s.Index == 9))
        {
            Assert.Contains(@"pipe \| star \* &lt;b&gt; line ⏎ break", md);
        }
        Assert.Equal(@"a \| b \* &lt;c&gt; ⏎ d", EvaluationReportWriter.Escape("a | b * <c>\nd"));

        // Only the two reports: no temporary files left behind.
        Assert.Equal(["report.json", "report.md"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }

    [Fact]
    public void RewritingReplacesTheFilesAtomically()
    {
        var refs = TestCorpus.References(10, seed: 30);
        var options = new EvaluationReportOptions { BootstrapSamples = 50, ExtremeCount = 3 };
        var first = EvaluationReport.Create(TestCorpus.Corrupt(refs, 0.9, seed: 31), [refs], null, options);
        var second = EvaluationReport.Create(refs, [refs], null, options);
        EvaluationReportWriter.Write(first, _dir);
        EvaluationReportWriter.Write(second, _dir);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        Assert.Equal(second.Bleu.Score, doc.RootElement.GetProperty("bleu").GetProperty("score").GetDouble());
        Assert.Equal(3, doc.RootElement.GetProperty("best").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("best")[0].GetProperty("source").ValueKind);
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void AtomicWriteCreatesFolderAndOverwrites()
    {
        string path = Path.Combine(_dir, "nested", "file.txt");
        DurableFile.WriteAllText(path, "one");
        DurableFile.WriteAllText(path, "twö");
        Assert.Equal("twö", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void MismatchedSourcesAreRejected() =>
        Assert.Throws<ArgumentException>(() => EvaluationReport.Create(["a"], [new[] { "a" }], ["s1", "s2"]));
}

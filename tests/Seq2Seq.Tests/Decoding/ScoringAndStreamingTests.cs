using Seq2Seq.Cli;
using Seq2Seq.Decoding;
using Seq2Seq.Files;
using System.Globalization;
using System.IO.Pipes;
using System.Text;

namespace Seq2Seq.Tests.Decoding;

/// <summary>Forced decoding (score), streaming translation and cancellation, on the trained package.</summary>
[Collection(LibTorchCollection.Name)]
public class ScoringAndStreamingTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    [Fact]
    public void AGreedyTranslationScoresExactlyItsSearchScore()
    {
        using var translator = Translator.Load(fixture.Package);
        var greedy = translator.TranslateDetailed(fixture.Lines, translator.DefaultOptions with { BeamSize = 1 });
        var sources = fixture.Lines.Where((_, i) => greedy[i].NBest[0].Hypothesis.Tokens.Length > 0).ToArray();
        var found = greedy.Where(r => r.NBest[0].Hypothesis.Tokens.Length > 0).ToArray();
        Assert.NotEmpty(sources);
        var scored = translator.Score(sources, found.Select(r => r.Text).ToArray());
        for (int i = 0; i < sources.Length; i++)
        {
            Assert.Equal(found[i].NBest[0].Tokens, scored[i].Tokens);
            Assert.Equal(scored[i].Tokens.Count + 1, scored[i].Length);
            Assert.Equal(found[i].NBest[0].Hypothesis.Score, scored[i].LogProb, 4);
            Assert.All(scored[i].TokenLogProbs, p => Assert.True(p <= 0 && float.IsFinite(p)));
        }
    }

    [Fact]
    public void AScoreDoesNotDependOnTheBatch()
    {
        using var translator = Translator.Load(fixture.Package);
        var sources = fixture.Lines.ToArray();
        var targets = sources.Reverse().ToArray(); // any text is a translation to score, even a wrong one
        var together = translator.Score(sources, targets, batchTokens: 1_000_000);
        var apart = translator.Score(sources, targets, batchTokens: 1);
        for (int i = 0; i < sources.Length; i++)
        {
            // Equal up to summation order: another batch shape may order a product's sums differently.
            var alone = translator.Score([sources[i]], [targets[i]])[0];
            Assert.Equal(alone.Tokens, together[i].Tokens);
            Assert.Equal(alone.Length, apart[i].Length);
            for (int t = 0; t < alone.Length; t++)
            {
                Assert.Equal(alone.TokenLogProbs[t], together[i].TokenLogProbs[t], 1e-5);
                Assert.Equal(alone.TokenLogProbs[t], apart[i].TokenLogProbs[t], 1e-5);
            }
        }
        Assert.Throws<ArgumentException>(() => translator.Score(sources, targets[1..]));
    }

    [Fact]
    public void ScoreVerbWritesOneLinePerPairAndTheCorpusPerplexity()
    {
        string src = Path.Combine(fixture.Folder, "score.src"), trg = Path.Combine(fixture.Folder, "score.trg");
        File.WriteAllLines(src, fixture.Lines.Take(3));
        File.WriteAllLines(trg, fixture.CheckpointTranslations.Take(3));
        var (code, output, error) = Cli.CliRunner.Run("score", "--model", fixture.Package, "--src", src, "--trg", trg, "--token-scores");
        Assert.True(code == 0, error);
        using var translator = Translator.Load(fixture.Package);
        var scored = translator.Score(fixture.Lines.Take(3).ToArray(), fixture.CheckpointTranslations.Take(3).ToArray());
        var lines = output.Split('\n')[..^1];
        Assert.Equal(3, lines.Length);
        for (int i = 0; i < 3; i++)
        {
            var columns = lines[i].Split('\t');
            Assert.Equal(4, columns.Length);
            Assert.Equal(scored[i].LogProb, double.Parse(columns[0], System.Globalization.CultureInfo.InvariantCulture), 3);
            Assert.Equal(scored[i].Length.ToString(CultureInfo.InvariantCulture), columns[1]);
            Assert.Equal(scored[i].Length, columns[3].Split(' ').Length);
            Assert.EndsWith("</s>:" + scored[i].TokenLogProbs[^1].ToString("F4", System.Globalization.CultureInfo.InvariantCulture), columns[3]);
        }
        double perToken = scored.Sum(s => s.LogProb) / scored.Sum(s => s.Length);
        Assert.Contains(FormattableString.Invariant($"perplexity {Math.Exp(-perToken):F3}"), error);

        File.WriteAllLines(trg, fixture.CheckpointTranslations.Take(2));
        (code, _, error) = Cli.CliRunner.Run("score", "--model", fixture.Package, "--src", src, "--trg", trg);
        Assert.Equal(1, code);
        Assert.Contains($"{src} has 3 lines but {trg} has 2", error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // sampled: each line draws from its own stream, keyed by its line in the whole input
    public async Task AStreamIsAnsweredLineByLineWithTheTranslationsOfTheWholeFile(bool sampled)
    {
        using var translator = Translator.Load(fixture.Package);
        var options = translator.DefaultOptions with { BeamSize = 3, Sampling = sampled ? new SamplingOptions { Seed = 7, Temperature = 1.5 } : null };
        var whole = translator.TranslateDetailed(fixture.Lines, options).Select(r => r.Text).ToArray();

        // A pipe the test writes one line at a time: each translation must come back before the next line is written.
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var answers = new System.Collections.Concurrent.BlockingCollection<(int, string)>();
        var decoding = Task.Run(() => translator.TranslateStream(new LineReader(client, "pipe"), options,
            (first, results) => { for (int i = 0; i < results.Count; i++) answers.Add((first + i, results[i].Text)); }));
        using (var writer = new StreamWriter(server, new UTF8Encoding(false)) { AutoFlush = true })
        {
            for (int i = 0; i < fixture.Lines.Count; i++)
            {
                writer.Write(fixture.Lines[i] + "\n");
                Assert.True(answers.TryTake(out var answer, TimeSpan.FromSeconds(60)), $"no answer to line {i + 1} before the next was written");
                Assert.Equal((i, whole[i]), answer);
            }
        }
        await decoding.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(answers);
    }

    [Fact]
    public void ACancelledTranslationStopsBeforeItsNextBatch()
    {
        using var translator = Translator.Load(fixture.Package);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => translator.TranslateDetailed(fixture.Lines, translator.DefaultOptions, cancel: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => translator.Score(fixture.Lines, fixture.Lines, cancel: cancelled.Token));
    }

    [Fact]
    public void TranslateInAPipeAnswersEachLineBeforeTheNextIsWritten()
    {
        using var child = Training.CliProcess.Interactive("translate", "--model", fixture.Package, "--beam", "3");
        for (int i = 0; i < fixture.Lines.Count; i++)
        {
            child.WriteLine(fixture.Lines[i]);
            var lines = child.WaitForOutputLines(i + 1, TimeSpan.FromSeconds(60));
            Assert.Equal(fixture.CheckpointTranslations.Take(i + 1), lines);
        }
        child.CloseInput();
        Assert.Equal(0, child.Wait(TimeSpan.FromSeconds(60)));
        Assert.DoesNotContain("translate [", child.Error); // no progress bar for a stream of unknown length
    }

    [Fact]
    public void CtrlCDuringTranslateLeavesNoOutputFile()
    {
        string input = Path.Combine(fixture.Folder, "many.src"), output = Path.Combine(fixture.Folder, "many.out");
        File.WriteAllLines(input, Enumerable.Repeat(fixture.Lines.Where(l => l.Length > 0), 20_000).SelectMany(l => l));
        using var child = new Training.CliProcess("translate", "--model", fixture.Package, "--input", input, "--output", output, "--beam", "5", "--threads", "1");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!child.Error.Contains("translate ["))
        {
            Assert.False(child.HasExited, $"translate ended before it showed progress: {child.Error}");
            Assert.True(DateTime.UtcNow < deadline, "no progress in time");
            Thread.Sleep(5);
        }
        int expectedCode = child.Interrupt();
        int code = child.Wait(TimeSpan.FromSeconds(60));
        Assert.True(code == expectedCode, $"exit {code}: {child.Error}");
        Assert.Contains("seq2seq translate: interrupted", child.Error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(fixture.Folder, "*.tmp"));
    }
}

using Seq2Seq.Cli;
using Seq2Seq.Decoding;
using Seq2Seq.Model;
using Seq2Seq.Packaging;
using Seq2Seq.Tests.Plotting;
using Seq2Seq.Tokenization;
using Seq2Seq.Training;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Decoding;

/// <summary>Translating text with an exported package of a (briefly) trained model, alone and in ensembles.</summary>
[Collection(LibTorchCollection.Name)]
public class TranslatorTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string LongLine(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => new[] { "alpha", "beta", "gamma", "delta", "epsilon", "zeta" }[i % 6]));

    private sealed class ProgressRecorder : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }

    [Fact]
    public void ProgressHearsTheLinesDoneAfterEachBatch()
    {
        using var translator = Translator.Load(fixture.Package);
        var translated = new ProgressRecorder();
        translator.TranslateDetailed(fixture.Lines, translator.DefaultOptions, batchTokens: 16, progress: translated);
        Assert.True(translated.Values.Count > 1, $"{translated.Values.Count} reports");
        Assert.Equal(fixture.Lines.Count, translated.Values[^1]);
        Assert.Equal(translated.Values.Order(), translated.Values);

        var scored = new ProgressRecorder();
        translator.Score(fixture.Lines, fixture.CheckpointTranslations, batchTokens: 16, progress: scored);
        Assert.Equal(fixture.Lines.Count, scored.Values[^1]);
    }

    [Fact]
    public void ExportedPackageAloneTranslatesLikeItsCheckpoint()
    {
        Assert.False(Directory.Exists(fixture.DeletedRunDir));
        Assert.Contains("(model,", fixture.ExportOutput);
        using var translator = Translator.Load(fixture.Package);
        Assert.Equal(fixture.CheckpointTranslations, translator.Translate(fixture.Lines, beam: 3));
        Assert.Contains(fixture.CheckpointTranslations, t => t.Length > 0);

        // The translate verb on the package alone.
        string input = Path.Combine(fixture.Folder, "export-in.txt");
        string output = Path.Combine(fixture.Folder, "export-out.txt");
        File.WriteAllText(input, string.Join('\n', fixture.Lines) + "\n");
        var (code, _, error) = Run("translate", "--model", fixture.Package, "--input", input, "--output", output, "--beam", "3");
        Assert.True(code == 0, error);
        Assert.Equal(fixture.CheckpointTranslations, File.ReadAllText(output).Split('\n')[..^1]);
    }

    [Fact]
    public void ThreadsOptionSetsTheDecodingThreadsAndKeepsTheOutput()
    {
        string input = Path.Combine(fixture.Folder, "threads-in.txt");
        File.WriteAllText(input, string.Join('\n', fixture.Lines) + "\n");
        int before = TorchSharp.torch.get_num_threads();
        try
        {
            var (code, output, error) = Run("translate", "--model", fixture.Package, "--input", input, "--beam", "3", "--threads", "1");
            Assert.True(code == 0, error);
            Assert.Equal(1, TorchSharp.torch.get_num_threads());
            using var translator = Translator.Load(fixture.Package);
            Assert.Equal(translator.Translate(fixture.Lines, beam: 3), output.Split('\n')[..^1]);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(before);
        }
        var (badCode, _, badError) = Run("translate", "--model", fixture.Package, "--input", input, "--threads", "0");
        Assert.Equal(1, badCode);
        Assert.Contains("--threads: expected an integer >= 1 and <= 1024, got '0'", badError);
    }

    [Fact]
    public void PackageHoldsNoTrainingState()
    {
        Assert.Equal(ModelFile.CheckpointKind, fixture.CheckpointKind);
        var package = ModelFile.Load(fixture.Package);
        Assert.Equal(ModelFile.ModelKind, package.Kind);
        Assert.Empty(package.Payload);
        using var zip = ZipFile.OpenRead(fixture.Package);
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.DoesNotContain("optimizer.bin", names);
        Assert.DoesNotContain("trainer.json", names);
        Assert.Contains("weights.bin", names);
        Assert.Contains("config.json", names);
        Assert.Contains(names, n => n.StartsWith("source/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("target/", StringComparison.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("format.json")!.Open());
        using var format = JsonDocument.Parse(reader.ReadToEnd());
        Assert.Equal("model", format.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void LibraryApiSample()
    {
        string path = fixture.Package;
        string[] lines = ["alpha beta gamma", "delta epsilon", "zeta eta theta iota"];

        using var t = Translator.Load(path);
        IReadOnlyList<string> outs = t.Translate(lines, beam: 5);

        Assert.Equal(lines.Length, outs.Count);
        var detailed = t.TranslateDetailed(lines, t.DefaultOptions with { BeamSize = 5 });
        Assert.Equal(detailed.Select(r => r.Text), outs);
    }

    [Fact]
    public void OneBatchOrOneSentenceAtATimeGiveIdenticalOutput()
    {
        using var translator = Translator.Load(fixture.Package);
        var lines = fixture.Lines;
        foreach (int beam in new[] { 1, 3 })
        {
            var options = translator.DefaultOptions with { BeamSize = beam };
            var oneBatch = translator.TranslateDetailed(lines, options, batchTokens: 1_000_000);
            var smallBatches = translator.TranslateDetailed(lines, options, batchTokens: 1);
            for (int i = 0; i < lines.Count; i++)
            {
                var alone = translator.TranslateDetailed([lines[i]], options)[0];
                Assert.Equal(alone.Text, oneBatch[i].Text);
                Assert.Equal(alone.Text, smallBatches[i].Text);
                Assert.Equal(alone.NBest[0].Hypothesis.Score, oneBatch[i].NBest[0].Hypothesis.Score, 4);
            }
        }
    }

    [Fact]
    public void EmptyLineGivesEmptyLine()
    {
        using var translator = Translator.Load(fixture.Package);
        var outputs = translator.Translate(["", "alpha beta gamma", "", "delta"], beam: 3);
        Assert.Equal(4, outputs.Count);
        Assert.Equal("", outputs[0]);
        Assert.Equal("", outputs[2]);
        Assert.Equal(translator.Translate(["alpha beta gamma"], beam: 3)[0], outputs[1]);
        Assert.Equal(translator.Translate(["delta"], beam: 3)[0], outputs[3]);
    }

    [Fact]
    public void OverlongLineIsTruncatedWithAWarningAndStillTranslated()
    {
        using var translator = Translator.Load(fixture.Package);
        string[] lines = ["alpha beta", LongLine(2000), "gamma delta"];
        var truncations = new List<Translator.Truncation>();
        var results = translator.TranslateDetailed(lines, translator.DefaultOptions with { BeamSize = 2 }, onTruncated: truncations.Add);
        var truncation = Assert.Single(truncations);
        Assert.Equal(1, truncation.Line);
        Assert.Equal(translator.MaxSourceLength, truncation.Limit);
        Assert.True(truncation.Tokens >= 2000);
        Assert.Equal(translator.MaxSourceLength, results[1].SourceTokens.Count);
        Assert.Equal(translator.Source.Tokenize(lines[1]).Take(translator.MaxSourceLength), results[1].SourceTokens);
        Assert.NotEmpty(results[1].NBest);
        // Decoded, not skipped: the shortcut for empty lines gives score 0; a search gives a log-probability < 0.
        // (Whether the output is empty depends on the tiny model, so it is not asserted.)
        Assert.True(results[1].NBest[0].Hypothesis.Score < 0, "the truncated line was not translated");

        // On the command line: a warning on stderr, every line translated, input order kept.
        string input = Path.Combine(fixture.Folder, "long-in.txt");
        File.WriteAllText(input, string.Join('\n', lines) + "\n");
        var (code, output, error) = Run("translate", "--model", fixture.Package, "--input", input, "--beam", "2");
        Assert.True(code == 0, error);
        Assert.Contains($"warning: line 2 has {truncation.Tokens} tokens; truncated to {translator.MaxSourceLength}", error);
        Assert.Equal(results.Select(r => r.Text), output.Split('\n')[..^1]);
    }

    [Fact]
    public void EnsembleOfAModelWithItselfEqualsTheModelAlone()
    {
        using var alone = Translator.Load(fixture.Package);
        using var pair = Translator.Load([fixture.Package, fixture.Package]);
        Assert.Equal(2, pair.ModelCount);
        foreach (int beam in new[] { 1, 3 })
        {
            var options = alone.DefaultOptions with { BeamSize = beam, NBest = beam };
            var a = alone.TranslateDetailed(fixture.Lines, options);
            var b = pair.TranslateDetailed(fixture.Lines, options);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(a[i].NBest.Select(n => n.Text), b[i].NBest.Select(n => n.Text));
                Assert.Equal(a[i].NBest.Select(n => n.Hypothesis.Score), b[i].NBest.Select(n => n.Hypothesis.Score));
            }
        }
        string input = Path.Combine(fixture.Folder, "ensemble-in.txt");
        File.WriteAllText(input, string.Join('\n', fixture.Lines) + "\n");
        var (code, output, error) = Run("translate", "--model", fixture.Package, "--model", fixture.Package, "--input", input, "--beam", "3");
        Assert.True(code == 0, error);
        Assert.Equal(fixture.CheckpointTranslations, output.Split('\n')[..^1]);
    }

    [Fact]
    public void EnsembleMembersEncodeTheSourceWithTheirOwnPipeline()
    {
        // A copy of the model whose source vocabulary has two tokens swapped, and the matching rows
        // of its source embedding swapped too, computes the same function of the text. If the
        // ensemble fed it the first model's ids it would disagree; encoded by its own pipeline the
        // ensemble equals the model alone.
        string permuted = Path.Combine(fixture.Folder, "permuted-source.s2s");
        var package = ModelFile.Load(fixture.Package);
        var sourceFiles = new Dictionary<string, string>(package.SourcePipeline);
        var vocabulary = Vocabulary.FromJson(sourceFiles[Vocabulary.FileName]);
        var tokens = vocabulary.Tokens.ToArray();
        (int i, int j) = (4, 5);
        (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
        sourceFiles[Vocabulary.FileName] = JsonSerializer.Serialize(new { format = "seq2seq-vocabulary", tokens });
        byte[] weights;
        using (var translator = Translator.Load(fixture.Package))
        {
            var config = translator.Config.Model;
            using var model = new TranslationModel(config, translator.Source.Vocabulary.Count, translator.Target.Vocabulary.Count);
            ModelWeights.Load(model, package.Weights);
            using (no_grad())
            {
                var embedding = model.named_parameters().Single(p => p.name == "src_embedding.weight").parameter;
                var rowI = embedding[i].clone();
                embedding[i].copy_(embedding[j]);
                embedding[j].copy_(rowI);
            }
            weights = ModelWeights.Save(model);
        }
        new ModelFile { ConfigJson = package.ConfigJson, SourcePipeline = sourceFiles, TargetPipeline = package.TargetPipeline, Weights = weights }.Save(permuted);

        using var alone = Translator.Load(fixture.Package);
        using var other = Translator.Load(permuted);
        using var ensemble = Translator.Load([fixture.Package, permuted]);
        var options = alone.DefaultOptions with { BeamSize = 3 };
        var expected = alone.TranslateDetailed(fixture.Lines, options);
        var byOther = other.TranslateDetailed(fixture.Lines, options);
        var byEnsemble = ensemble.TranslateDetailed(fixture.Lines, options);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Text, byOther[k].Text);
            Assert.Equal(expected[k].Text, byEnsemble[k].Text);
            Assert.Equal(expected[k].NBest[0].Hypothesis.Score, byEnsemble[k].NBest[0].Hypothesis.Score, 4);
        }
        // The swapped tokens occur in the lines, so feeding the permuted model the first model's ids would change its scores.
        var ids = fixture.Lines.Where(l => l.Length > 0).Select(l => alone.Source.Encode(l)).ToArray();
        Assert.Contains(ids, s => s.Contains(i) || s.Contains(j));
    }

    [Fact]
    public void EnsembleNeedsOneTargetVocabulary()
    {
        string other = Path.Combine(fixture.Folder, "other-target.s2s");
        var package = ModelFile.Load(fixture.Package);
        var targetFiles = new Dictionary<string, string>(package.TargetPipeline);
        var tokens = Vocabulary.FromJson(targetFiles[Vocabulary.FileName]).Tokens.ToArray();
        (tokens[6], tokens[7]) = (tokens[7], tokens[6]);
        targetFiles[Vocabulary.FileName] = JsonSerializer.Serialize(new { format = "seq2seq-vocabulary", tokens });
        new ModelFile { ConfigJson = package.ConfigJson, SourcePipeline = package.SourcePipeline, TargetPipeline = targetFiles, Weights = package.Weights }.Save(other);

        using (Translator.Load(other))
        {
            // Alone it is a valid model.
        }
        var error = Assert.Throws<UserError>(() => Translator.Load([fixture.Package, other]));
        Assert.Contains("target vocabulary differs", error.Message);
        Assert.Contains("at id 6", error.Message);

        string input = Path.Combine(fixture.Folder, "vocabulary-in.txt");
        File.WriteAllText(input, "alpha beta\n");
        var (code, _, stderr) = Run("translate", "--model", fixture.Package, "--model", other, "--input", input);
        Assert.Equal(1, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("shared target vocabulary", stderr);
    }

    [Fact]
    public void ExportRefusesToOverwriteAndExportsPackagesAgain()
    {
        using var temp = new TempFolder();
        string copy = temp.File("copy.s2s");
        var (code, output, error) = Run("export", "--model", fixture.Package, "--output", copy);
        Assert.True(code == 0, error);
        Assert.Contains("-> " + copy, output);
        (code, _, error) = Run("export", "--model", fixture.Package, "--output", copy);
        Assert.Equal(1, code);
        Assert.Contains("--overwrite", error);
        (code, _, error) = Run("export", "--model", fixture.Package, "--output", copy, "--overwrite");
        Assert.True(code == 0, error);
        (code, _, error) = Run("export", "--model", fixture.Package, "--output", fixture.Package, "--overwrite");
        Assert.Equal(1, code);
        Assert.Contains("would overwrite", error);
        Assert.Equal(ModelFile.Load(fixture.Package).Weights, ModelFile.Load(copy).Weights);
    }

    /// <summary>A copy of the package with one entry's bytes replaced.</summary>
    internal static string Damaged(string package, string folder, string entry, Func<byte[], byte[]> damage)
    {
        string path = Path.Combine(folder, $"damaged-{entry.Replace('/', '-')}.ckpt");
        File.Copy(package, path);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var old = zip.GetEntry(entry)!;
        byte[] bytes;
        using (var stream = old.Open())
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        old.Delete();
        using var written = zip.CreateEntry(entry).Open();
        written.Write(damage(bytes));
        return path;
    }

    [Theory]
    [InlineData("weights.bin")]
    [InlineData("config.json")]
    [InlineData("target/vocab.tokens.json")]
    [InlineData("source/merges.txt")]
    public void ExportFromADamagedSourceLeavesTheExistingPackageAlone(string entry)
    {
        using var temp = new TempFolder();
        string good = temp.File("good.s2s");
        var (code, _, error) = Run("export", "--model", fixture.Package, "--output", good);
        Assert.True(code == 0, error);
        byte[] before = File.ReadAllBytes(good);
        string damaged = Damaged(fixture.Package, temp.Path, entry, bytes => bytes[..(bytes.Length / 2)]);

        (code, _, error) = Run("export", "--model", damaged, "--output", good, "--overwrite");

        Assert.True(code == 1, error);
        Assert.True(error.StartsWith($"seq2seq export: {damaged}", StringComparison.Ordinal), error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(good));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void AModelWithACraftedWeightHeaderIsOneErrorNotAnAllocation()
    {
        using var temp = new TempFolder();
        // One entry claiming a 2^47 x 2^47 source embedding: TorchSharp's reader would allocate it.
        byte[] crafted = [1, 20, .. Encoding.UTF8.GetBytes("src_embedding.weight"), 6, 2, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20];
        string model = Damaged(fixture.Package, temp.Path, "weights.bin", _ => crafted);
        File.WriteAllText(temp.File("in.txt"), "alpha beta\n");
        var (code, _, error) = Run("translate", "--model", model, "--input", temp.File("in.txt"));
        Assert.Equal(1, code);
        Assert.True(error.TrimEnd().Split('\n').Length == 1, error);
        Assert.True(error.StartsWith($"seq2seq translate: {model}: the weights do not fit the model its config describes "
            + "(tensor 'src_embedding.weight' is [140737488355328, 140737488355328], the model's is [", StringComparison.Ordinal), error);
    }
}

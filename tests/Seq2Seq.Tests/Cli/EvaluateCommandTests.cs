using Seq2Seq.Cli;
using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Compatibility;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;
using Seq2Seq.Tests.Evaluation;
using System.Globalization;
using System.Text.Json;

namespace Seq2Seq.Tests.Cli;

/// <summary>
/// The evaluate verb run in-process on temporary files. Numbers are checked against sacreBLEU 2.6.0's reference
/// vectors (../shared/bleu) where the vectors have a case the command line can express: the CLI's exact figures must
/// match the expected ones within check.py's relative tolerance, and its text lines must be what sacreBLEU prints for
/// those figures.
/// </summary>
public class EvaluateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(["evaluate", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string WriteLines(TempFolder temp, string name, IEnumerable<string?> lines)
    {
        string path = temp.File(name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    private static void AssertOneLineError((int Code, string Out, string Err) result, params string[] mentions)
    {
        Assert.NotEqual(0, result.Code);
        Assert.Equal("", result.Out);
        Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
        foreach (string m in mentions)
        {
            Assert.Contains(m, result.Err);
        }
    }

    // ---- sacreBLEU vector cases -------------------------------------------------------------------------------

    private sealed record VectorCase(string Id, string Kind, List<string> Hyps, List<List<string?>> Refs,
        JsonElement Options, JsonElement Expected);

    private static List<VectorCase> LoadCases()
    {
        string path = SacreBleuVectorFile.Find(out _)!;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(c => new VectorCase(
            c.GetProperty("id").GetString()!,
            c.GetProperty("kind").GetString()!,
            c.GetProperty("hyps").EnumerateArray().Select(h => h.GetString()!).ToList(),
            c.GetProperty("refs").EnumerateArray().Select(s => s.EnumerateArray()
                .Select(r => r.ValueKind == JsonValueKind.Null ? null : r.GetString()).ToList()).ToList(),
            c.GetProperty("options").Clone(),
            c.GetProperty("expected").Clone())).ToList();
    }

    /// <summary>Whether the case's texts survive a round trip through line-based files (no null references, no
    /// line breaks inside a segment, no leading byte-order mark).</summary>
    private static bool FitsInFiles(VectorCase c) =>
        c.Refs.All(s => s.All(r => r is not null)) &&
        c.Hyps.Concat(c.Refs.SelectMany(s => s)).All(t => !t!.Contains('\n') && !t.Contains('\r')) &&
        !c.Hyps[0].StartsWith('\uFEFF') && c.Refs.All(s => !s[0]!.StartsWith('\uFEFF'));

    private static List<string> BleuArguments(VectorCase c)
    {
        var o = c.Options;
        var args = new List<string> { "--metrics", "bleu", "--tokenize", o.GetProperty("tokenize").GetString()! };
        if (o.GetProperty("lowercase").GetBoolean()) args.Add("--lowercase");
        string smooth = o.GetProperty("smooth_method").GetString()!;
        if (smooth != "exp") args.AddRange(["--smooth", smooth]);
        if (o.GetProperty("smooth_value").ValueKind == JsonValueKind.Number)
        {
            args.AddRange(["--smooth-value", o.GetProperty("smooth_value").GetDouble().ToString("R", CultureInfo.InvariantCulture)]);
        }
        return args;
    }

    private static List<string> FileArguments(TempFolder temp, VectorCase c)
    {
        var args = new List<string> { "--hyp", WriteLines(temp, c.Id + ".hyp", c.Hyps) };
        for (int k = 0; k < c.Refs.Count; k++) args.AddRange(["--ref", WriteLines(temp, $"{c.Id}.ref{k}", c.Refs[k])]);
        return args;
    }

    private static void AssertClose(string what, double expected, double got) =>
        Assert.True(SacreBleuVectorTests.Close(got, expected), $"{what}: expected {expected:R}, got {got:R}");

    private static void AssertCloseAll(string what, JsonElement expected, JsonElement got)
    {
        var e = expected.EnumerateArray().Select(x => x.GetDouble()).ToList();
        var g = got.EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.Equal(e.Count, g.Count);
        for (int i = 0; i < e.Count; i++) AssertClose($"{what}[{i}]", e[i], g[i]);
    }

    /// <summary>sacreBLEU's text line for the expected figures of a BLEU case, at width <paramref name="width"/>.</summary>
    private static string ExpectedBleuLine(JsonElement e, int width)
    {
        long sys = e.GetProperty("sys_len").GetInt64(), rf = e.GetProperty("ref_len").GetInt64();
        double ratio = rf != 0 ? (double)sys / rf : 0.0;
        string precisions = string.Join("/", e.GetProperty("precisions").EnumerateArray().Select(p => PythonFormat.Fixed(p.GetDouble(), 1)));
        return $"BLEU|{e.GetProperty("signature").GetString()} = {PythonFormat.Fixed(e.GetProperty("score").GetDouble(), width)} " +
               $"{precisions} (BP = {PythonFormat.Fixed(e.GetProperty("bp").GetDouble(), 3)} ratio = {PythonFormat.Fixed(ratio, 3)} " +
               $"hyp_len = {sys} ref_len = {rf})";
    }

    private static void AssertBleuJson(VectorCase c, JsonElement got)
    {
        var e = c.Expected;
        Assert.Equal("BLEU", got.GetProperty("name").GetString());
        Assert.Equal(e.GetProperty("signature").GetString(), got.GetProperty("signature").GetString());
        AssertClose(c.Id + " score", e.GetProperty("score").GetDouble(), got.GetProperty("exact_score").GetDouble());
        Assert.Equal(double.Parse(PythonFormat.Fixed(e.GetProperty("score").GetDouble(), 1), CultureInfo.InvariantCulture),
            got.GetProperty("score").GetDouble());
        AssertCloseAll(c.Id + " counts", e.GetProperty("counts"), got.GetProperty("counts"));
        AssertCloseAll(c.Id + " totals", e.GetProperty("totals"), got.GetProperty("totals"));
        AssertCloseAll(c.Id + " precisions", e.GetProperty("precisions"), got.GetProperty("precisions"));
        AssertClose(c.Id + " bp", e.GetProperty("bp").GetDouble(), got.GetProperty("bp").GetDouble());
        long sys = e.GetProperty("sys_len").GetInt64(), rf = e.GetProperty("ref_len").GetInt64();
        Assert.Equal(sys, got.GetProperty("sys_len").GetInt64());
        Assert.Equal(rf, got.GetProperty("ref_len").GetInt64());
        AssertClose(c.Id + " ratio", rf != 0 ? (double)sys / rf : 0.0, got.GetProperty("ratio").GetDouble());
        Assert.Equal(e.GetProperty("signature").GetString()!.Split('|').Last(), "version:" + got.GetProperty("version").GetString());
    }

    [SacreBleuVectorsFact]
    public void CorpusBleuJsonMatchesEveryExpressibleVectorCase()
    {
        using var temp = new TempFolder();
        var cases = LoadCases().Where(c => c.Kind == "corpus" && FitsInFiles(c) &&
                                           !c.Options.GetProperty("use_effective_order").GetBoolean()).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} corpus cases fit the command line");
        Assert.Contains(cases, c => c.Refs.Count > 1);
        foreach (var c in cases)
        {
            var (code, output, error) = Run([.. FileArguments(temp, c), .. BleuArguments(c), "--format", "json"]);
            Assert.True(code == 0, $"{c.Id}: {error}");
            using var doc = JsonDocument.Parse(output);
            AssertBleuJson(c, doc.RootElement);
        }
    }

    [SacreBleuVectorsFact]
    public void TextOutputIsSacreBleusLineForTheExpectedFigures()
    {
        using var temp = new TempFolder();
        foreach (var c in LoadCases().Where(c => c.Kind == "corpus" && FitsInFiles(c) &&
                                                 !c.Options.GetProperty("use_effective_order").GetBoolean()))
        {
            var (code, output, error) = Run([.. FileArguments(temp, c), .. BleuArguments(c)]);
            Assert.True(code == 0, $"{c.Id}: {error}");
            Assert.Equal(ExpectedBleuLine(c.Expected, width: 1) + "\n", output);
        }
    }

    [SacreBleuVectorsFact]
    public void MultipleReferencesGiveNrefsAndTheVectorsScores()
    {
        using var temp = new TempFolder();
        var c = LoadCases().Single(c => c.Id.StartsWith("pub-015", StringComparison.Ordinal));
        Assert.Equal(4, c.Refs.Count);
        var (code, output, _) = Run([.. FileArguments(temp, c), .. BleuArguments(c), "--width", "2"]);
        Assert.Equal(0, code);
        Assert.StartsWith("BLEU|nrefs:4|", output);
        Assert.Equal(ExpectedBleuLine(c.Expected, width: 2) + "\n", output);
    }

    [SacreBleuVectorsFact]
    public void ChrfMatchesTheVectorCasesTheCommandLineCanExpress()
    {
        using var temp = new TempFolder();
        var cases = LoadCases().Where(c => c.Kind == "chrf_corpus" && FitsInFiles(c) &&
            c.Options.GetProperty("char_order").GetInt32() == 6 && c.Options.GetProperty("beta").GetInt32() == 2 &&
            c.Options.GetProperty("word_order").GetInt32() is 0 or 2 &&
            !c.Options.GetProperty("whitespace").GetBoolean() && !c.Options.GetProperty("eps_smoothing").GetBoolean()).ToList();
        Assert.True(cases.Count >= 4, $"only {cases.Count} chrF cases fit the command line");
        foreach (var c in cases)
        {
            var args = FileArguments(temp, c);
            args.AddRange(["--metrics", c.Options.GetProperty("word_order").GetInt32() == 2 ? "chrf++" : "chrf"]);
            if (c.Options.GetProperty("lowercase").GetBoolean()) args.Add("--lowercase");
            var (code, output, error) = Run([.. args, "--format", "json"]);
            Assert.True(code == 0, $"{c.Id}: {error}");
            using var doc = JsonDocument.Parse(output);
            var got = doc.RootElement;
            Assert.Equal(c.Expected.GetProperty("name").GetString(), got.GetProperty("name").GetString());
            Assert.Equal(c.Expected.GetProperty("signature").GetString(), got.GetProperty("signature").GetString());
            AssertClose(c.Id + " score", c.Expected.GetProperty("score").GetDouble(), got.GetProperty("exact_score").GetDouble());
            AssertCloseAll(c.Id + " stats", c.Expected.GetProperty("stats"), got.GetProperty("stats"));

            var (_, text, _) = Run([.. args]);
            Assert.Equal($"{c.Expected.GetProperty("name").GetString()}|{c.Expected.GetProperty("signature").GetString()} = " +
                         PythonFormat.Fixed(c.Expected.GetProperty("score").GetDouble(), 1) + "\n", text);
        }
    }

    [SacreBleuVectorsFact]
    public void SentenceLevelMatchesTheSentenceVectors()
    {
        using var temp = new TempFolder();
        // The CLI's --sentence-level always uses effective order, as sacreBLEU's -sl.
        var cases = LoadCases().Where(c => c.Kind == "sentence" && FitsInFiles(c) &&
                                           c.Options.GetProperty("use_effective_order").GetBoolean()).ToList();
        Assert.True(cases.Count >= 8, $"only {cases.Count} sentence cases fit the command line");
        foreach (var c in cases)
        {
            var args = FileArguments(temp, c).Concat(BleuArguments(c)).Append("--sentence-level").ToArray();
            var (code, text, error) = Run(args);
            Assert.True(code == 0, $"{c.Id}: {error}");
            Assert.Equal(ExpectedBleuLine(c.Expected, width: 1) + "\n", text);
            var (_, json, _) = Run([.. args, "--format", "json"]);
            using var doc = JsonDocument.Parse(json);
            AssertBleuJson(c, doc.RootElement);
        }
    }

    // ---- modes ---------------------------------------------------------------------------------------------------

    [Fact]
    public void SentenceLevelPrintsOneLinePerSegment()
    {
        using var temp = new TempFolder();
        var refs = TestCorpus.References(40, seed: 5);
        var hyps = TestCorpus.Corrupt(refs, 0.3, seed: 6);
        string hyp = WriteLines(temp, "hyp", hyps), rf = WriteLines(temp, "ref", refs);

        var (code, output, _) = Run("--hyp", hyp, "--ref", rf, "--sentence-level", "--width", "3");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(40, lines.Length);
        for (int i = 0; i < 40; i++)
        {
            var expected = Bleu.Sentence(hyps[i], [refs[i]]);
            Assert.Equal(expected.Format(width: 3, withSignature: true), lines[i]);
            Assert.Contains("|eff:yes|", lines[i]);
        }

        var (_, chrf, _) = Run("--hyp", hyp, "--ref", rf, "--sentence-level", "--metrics", "chrf++", "--format", "json");
        var objects = chrf.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(40, objects.Count);
        Assert.Equal(new Chrf(ChrfOptions.ChrfPlusPlus).SentenceScore(hyps[7], [refs[7]]).Score,
            objects[7].GetProperty("exact_score").GetDouble());

        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--sentence-level", "--metrics", "bleu,chrf"), "--sentence-level", "one metric");
    }

    [Fact]
    public void ConfidenceShowsTheBootstrapMeanAndHalfWidthWithBsAndSeed()
    {
        using var temp = new TempFolder();
        var refs = TestCorpus.References(300, seed: 7);
        var hyps = TestCorpus.Corrupt(refs, 0.25, seed: 8);
        string hyp = WriteLines(temp, "hyp", hyps), rf = WriteLines(temp, "ref", refs);

        var (code, output, _) = Run("--hyp", hyp, "--ref", rf, "--confidence", "--width", "2");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);

        var set = ReferenceSet.FromStreams([refs], refs.Count);
        var bleu = BootstrapResampling.Estimate(new Bleu(), hyps, set, samples: 1000, seed: 12345);
        var chrf = BootstrapResampling.Estimate(new Chrf(), hyps, set, samples: 1000, seed: 12345);
        Assert.StartsWith($"  BLEU|nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = {PythonFormat.Fixed(bleu.Score, 2)} " +
                          $"(μ = {PythonFormat.Fixed(bleu.Interval.Mean, 2)} ± {PythonFormat.Fixed(bleu.Interval.HalfWidth, 2)}) ", lines[0]);
        Assert.Equal($"chrF2|nrefs:1|bs:1000|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = {PythonFormat.Fixed(chrf.Score, 2)} " +
                     $"(μ = {PythonFormat.Fixed(chrf.Interval.Mean, 2)} ± {PythonFormat.Fixed(chrf.Interval.HalfWidth, 2)})", lines[1]);
        Assert.True(bleu.Interval.HalfWidth > 0);
        // Aligned on '=' as sacreBLEU aligns several metrics.
        Assert.Equal(lines[0].IndexOf('='), lines[1].IndexOf('='));
        // Seeded: the same output every time.
        Assert.Equal(output, Run("--hyp", hyp, "--ref", rf, "--confidence", "--width", "2").Out);

        var (_, json, _) = Run("--hyp", hyp, "--ref", rf, "--confidence", "--metrics", "bleu", "--format", "json");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(double.Parse(PythonFormat.Fixed(bleu.Interval.Mean, 1), CultureInfo.InvariantCulture), root.GetProperty("confidence_mean").GetDouble());
        Assert.Equal(double.Parse(PythonFormat.Fixed(bleu.Interval.HalfWidth, 1), CultureInfo.InvariantCulture), root.GetProperty("confidence_var").GetDouble());
        Assert.Equal("1000", root.GetProperty("bs").GetString());
        Assert.Equal("12345", root.GetProperty("seed").GetString());
    }

    [Fact]
    public void TwoHypothesesRunAPairedBootstrapTestAgainstTheFirst()
    {
        using var temp = new TempFolder();
        var refs = TestCorpus.References(300, seed: 9);
        var good = TestCorpus.Corrupt(refs, 0.1, seed: 10);
        var bad = TestCorpus.Corrupt(refs, 0.4, seed: 11);
        var almost = good.ToList();
        almost[0] = refs[0];
        string rf = WriteLines(temp, "ref", refs), g = WriteLines(temp, "good", good), b = WriteLines(temp, "bad", bad),
            a = WriteLines(temp, "almost", almost);

        var (code, text, _) = Run("--hyp", g, "--hyp", b, "--hyp", a, "--ref", rf);
        Assert.Equal(0, code);
        Assert.Contains("BLEU (μ ± 95% CI)", text);
        Assert.Contains("chrF2 (μ ± 95% CI)", text);
        Assert.Contains("Baseline: " + g, text);
        Assert.Contains("Paired bootstrap resampling test with 1000 resampling trials", text);
        Assert.Contains(" - BLEU       nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", text);

        var set = ReferenceSet.FromStreams([refs], refs.Count);
        var expectedBad = PairedBootstrap.Test(new Bleu(), good, bad, set);
        var expectedAlmost = PairedBootstrap.Test(new Bleu(), good, almost, set);
        Assert.True(expectedBad.PValue < 0.05);
        Assert.True(expectedAlmost.PValue > 0.05);
        Assert.Contains($"(p = {PythonFormat.Fixed(expectedBad.PValue, 4)})*", text);
        Assert.Contains($"{PythonFormat.Fixed(expectedBad.SystemScore, 1)} ({PythonFormat.Fixed(expectedBad.SystemInterval.Mean, 1)} ± " +
                        $"{PythonFormat.Fixed(expectedBad.SystemInterval.HalfWidth, 1)})", text);
        Assert.Contains($" - {b}: BLEU {PythonFormat.Fixed(expectedBad.SystemScore, 1)} vs {PythonFormat.Fixed(expectedBad.BaselineScore, 1)}", text);
        Assert.Matches($@" - {System.Text.RegularExpressions.Regex.Escape(b)}: BLEU .*: significant\n", text);
        Assert.Matches($@" - {System.Text.RegularExpressions.Regex.Escape(a)}: BLEU .*: not significant\n", text);

        var (_, json, _) = Run("--hyp", g, "--hyp", b, "--hyp", a, "--ref", rf, "--format", "json", "--metrics", "bleu");
        using var doc = JsonDocument.Parse(json);
        var systems = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, systems.Count);
        Assert.Equal("Baseline: " + g, systems[0].GetProperty("system").GetString());
        Assert.Equal(JsonValueKind.Null, systems[0].GetProperty("BLEU").GetProperty("p_value").ValueKind);
        Assert.Equal(expectedBad.BaselineScore, systems[0].GetProperty("BLEU").GetProperty("score").GetDouble());
        Assert.Equal(expectedBad.SystemScore, systems[1].GetProperty("BLEU").GetProperty("score").GetDouble());
        Assert.Equal(expectedBad.PValue, systems[1].GetProperty("BLEU").GetProperty("p_value").GetDouble());
        Assert.True(systems[1].GetProperty("BLEU").GetProperty("significant").GetBoolean());
        Assert.False(systems[2].GetProperty("BLEU").GetProperty("significant").GetBoolean());
        Assert.Equal(expectedAlmost.PValue, systems[2].GetProperty("BLEU").GetProperty("p_value").GetDouble());

        // The scores of the table are the corpus scores of each system alone.
        using var alone = JsonDocument.Parse(Run("--hyp", b, "--ref", rf, "--metrics", "bleu", "--format", "json").Out);
        Assert.Equal(alone.RootElement.GetProperty("exact_score").GetDouble(), systems[1].GetProperty("BLEU").GetProperty("score").GetDouble());
    }

    [Fact]
    public void ReportWritesMarkdownJsonAndHistogramWithSources()
    {
        using var temp = new TempFolder();
        var refs = TestCorpus.References(80, seed: 12);
        var hyps = TestCorpus.Corrupt(refs, 0.3, seed: 13);
        var sources = Enumerable.Range(0, 80).Select(i => $"source sentence number {i}").ToList();
        string dir = Path.Combine(temp.Path, "report");
        var (code, output, error) = Run("--hyp", WriteLines(temp, "hyp", hyps), "--ref", WriteLines(temp, "ref", refs),
            "--src", WriteLines(temp, "src", sources), "--report", dir);
        Assert.True(code == 0, error);
        Assert.EndsWith($"report: {Path.Combine(dir, "report.md")}\n", output);

        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.StartsWith("# Evaluation report", md);
        Assert.Contains("- **Source:** source sentence number ", md);
        Assert.Contains("BLEU|nrefs:1|bs:1000|seed:12345|", md);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        Assert.Equal(Bleu.Corpus(hyps, [refs]).Score, doc.RootElement.GetProperty("bleu").GetProperty("score").GetDouble());
        Assert.Equal(80, doc.RootElement.GetProperty("sentence_bleu").GetArrayLength());
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "sentence-bleu.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        // JSON output stays pure JSON with --report.
        var (_, json, _) = Run("--hyp", WriteLines(temp, "hyp", hyps), "--ref", WriteLines(temp, "ref", refs),
            "--report", Path.Combine(temp.Path, "r2"), "--format", "json");
        Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetArrayLength());
        Assert.True(File.Exists(Path.Combine(temp.Path, "r2", "sentence-bleu.png")));
    }

    // ---- errors --------------------------------------------------------------------------------------------------

    [Fact]
    public void UnequalFilesNameBothFilesAndBothCounts()
    {
        using var temp = new TempFolder();
        string hyp = WriteLines(temp, "hyp.txt", ["a b c", "d e f", "g"]);
        string rf = WriteLines(temp, "ref.txt", ["a b c", "d e f"]);
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf), hyp, rf, " 2 lines", " 3");

        string ok = WriteLines(temp, "ok.txt", ["a", "b", "c"]);
        string second = WriteLines(temp, "second.txt", ["a", "b", "c", "d"]);
        AssertOneLineError(Run("--hyp", hyp, "--hyp", second, "--ref", ok), second, hyp, " 4 lines", " 3");
        AssertOneLineError(Run("--hyp", hyp, "--ref", ok, "--src", rf, "--report", temp.File("r")), rf, hyp, " 2 lines");
        Assert.False(Directory.Exists(temp.File("r")));
    }

    [Fact]
    public void BadOptionsAndFilesAreOneLineErrors()
    {
        using var temp = new TempFolder();
        string hyp = WriteLines(temp, "hyp.txt", ["a b c"]);
        string rf = WriteLines(temp, "ref.txt", ["a b c"]);
        string bad = temp.File("bad.txt");
        File.WriteAllBytes(bad, [(byte)'o', (byte)'k', (byte)'\n', 0xC3, 0x28, (byte)'\n']);
        string two = WriteLines(temp, "two.txt", ["a b c", "d"]);

        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--metrics", "bleu,ter"), "--metrics", "'ter'");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--tokenize", "moses"), "--tokenize", "'moses'");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--smooth", "laplace"), "--smooth", "'laplace'");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--smooth-value", "0.5"), "--smooth-value", "--smooth");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--smooth", "exp", "--smooth-value", "0.5"), "--smooth-value");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--format", "xml"), "--format", "'xml'");
        AssertOneLineError(Run("--hyp", temp.File("missing.txt"), "--ref", rf), temp.File("missing.txt"), "not found");
        AssertOneLineError(Run("--hyp", hyp, "--ref", temp.File("nope.txt")), temp.File("nope.txt"));
        AssertOneLineError(Run("--hyp", two, "--ref", bad), bad + ":2", "invalid UTF-8");
        AssertOneLineError(Run("--hyp", hyp), "--ref");
        AssertOneLineError(Run("--ref", rf), "--hyp");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--src", hyp), "--src", "--report");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--sentence-level", "--confidence"), "--confidence", "--sentence-level");
        AssertOneLineError(Run("--hyp", hyp, "--hyp", two, "--ref", rf, "--report", temp.File("r")), "--report");
        AssertOneLineError(Run("--hyp", hyp, "--ref", rf, "--bleu"), "--bleu");
        AssertOneLineError(Run("--hyp", WriteLines(temp, "empty.txt", []), "--ref", rf), "empty.txt", "empty");
    }

    [Fact]
    public void SmoothingOptionsReachTheScoreAndTheSignature()
    {
        using var temp = new TempFolder();
        var refs = TestCorpus.References(20, seed: 14);
        var hyps = TestCorpus.Corrupt(refs, 0.5, seed: 15);
        string hyp = WriteLines(temp, "hyp", hyps), rf = WriteLines(temp, "ref", refs);
        var (code, output, _) = Run("--hyp", hyp, "--ref", rf, "--metrics", "bleu", "--smooth", "add-k", "--smooth-value", "0.5",
            "--tokenize", "intl", "--lowercase", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var expected = Bleu.Corpus(hyps, [refs], new BleuOptions
        {
            Tokenize = "intl", Lowercase = true, Smoothing = BleuSmoothing.AddK, SmoothValue = 0.5,
        });
        Assert.Equal(expected.Score, doc.RootElement.GetProperty("exact_score").GetDouble());
        Assert.Contains("|case:lc|eff:no|", doc.RootElement.GetProperty("signature").GetString());
        Assert.Equal(expected.Signature!.Format(), doc.RootElement.GetProperty("signature").GetString());
        Assert.Equal("add-k[0.50]", doc.RootElement.GetProperty("smooth").GetString());
    }
}

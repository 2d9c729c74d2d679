using Seq2Seq.Tests.Decoding;
using Seq2Seq.Tests.Training;
using Seq2Seq.Tests.Workflow;
using System.IO.Compression;
using System.Text;

namespace Seq2Seq.Tests.Cli;

/// <summary>
/// Bad inputs of a hostile but realistic user, each through the program in a child process: one
/// line on stderr naming the file, option or key and the reason, exit code 1 (not 70, an internal
/// error, nor a crash), and no temporary file left behind.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class HardeningTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The case's command line (and standard input) in <paramref name="temp"/>, and the text its one error line must hold.</summary>
    private (string[] Args, byte[]? Input, string Message) Case(string name, TempFolder temp)
    {
        string input = temp.File("in.txt");
        File.WriteAllText(input, "alpha beta\ngamma\n");
        string[] Translate(params string[] more) => ["translate", "--model", fixture.Package, "--input", input, .. more];
        string[] Evaluate(params string[] more) => ["evaluate", "--hyp", input, "--ref", input, .. more];
        switch (name)
        {
            case "output is a folder":
                Directory.CreateDirectory(temp.File("out"));
                return (Translate("--output", temp.File("out")), null, $"{temp.File("out")}: is a folder; give a file name");
            case "output device is full":
                return (Translate("--output", "/dev/full"), null, "/dev/full: cannot write (no space left on the device)");
            case "output below a file":
                return (Translate("--output", Path.Combine(input, "x.txt")), null, $"{Path.Combine(input, "x.txt")}: cannot create its folder {input}");
            case "beam too large":
                return (Translate("--beam", "1000000"), null, "--beam: expected an integer >= 1 and <= 1000, got '1000000'");
            case "nbest too large":
                return (Translate("--nbest", "100000"), null, "--nbest: expected an integer >= 1 and <= 1000, got '100000'");
            case "alpha nan":
                return (Translate("--alpha", "nan"), null, "--alpha: expected a finite number >= 0 and <= 10, got 'nan'");
            case "alpha infinity":
                return (Translate("--alpha", "Infinity"), null, "--alpha: expected a finite number >= 0 and <= 10, got 'Infinity'");
            case "truncated gzip":
                string gz = temp.File("in.txt.gz");
                using (var zip = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
                    zip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"alpha beta gamma {i}\n"))));
                var bytes = File.ReadAllBytes(gz);
                File.WriteAllBytes(gz, bytes[..(bytes.Length * 2 / 3)]);
                return (["translate", "--model", fixture.Package, "--input", gz], null, $"{gz}: truncated gzip file");
            case "invalid UTF-8 on stdin":
                return (["translate", "--model", fixture.Package], [.. "alpha\n"u8, 0xC3, 0x28, (byte)'\n'], "standard input:2: invalid UTF-8");
            case "smooth value nan":
                return (Evaluate("--smooth", "floor", "--smooth-value", "nan"), null, "--smooth-value: expected a finite number >= 0 and <= 1000, got 'nan'");
            case "bootstrap too large":
                return (Evaluate("--confidence", "--bootstrap", "2000000000"), null, "--bootstrap: expected an integer >= 1 and <= 100000, got '2000000000'");
            case "report is a file":
                File.WriteAllText(temp.File("report"), "a file");
                return (Evaluate("--report", temp.File("report")), null, $"cannot create its folder {temp.File("report")}");
            default:
                throw new ArgumentException(name);
        }
    }

    public static TheoryData<string> Cases =>
    [
        "output is a folder", "output device is full", "output below a file", "beam too large", "nbest too large", "alpha nan",
        "alpha infinity", "truncated gzip", "invalid UTF-8 on stdin", "smooth value nan", "bootstrap too large", "report is a file",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadInputIsOneClearLine(string name)
    {
        using var temp = new TempFolder();
        var (args, input, message) = Case(name, temp);
        var (code, _, error) = CliProcess.Run(Timeout, input, args);
        AssertOneUserError(code, error, message);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    internal static void AssertOneUserError(int code, string error, string message)
    {
        // Progress and log lines may come first; the error is the one line that starts "seq2seq VERB:".
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("seq2seq ", StringComparison.Ordinal)).ToArray();
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.True(lines.Length == 1, error);
        Assert.True(lines[0].Contains(message, StringComparison.Ordinal), $"expected '{message}' in: {lines[0]}");
    }

    /// <summary>A tiny experiment whose config file text is changed by <paramref name="edit"/>.</summary>
    private static ReversalExperiment Experiment(Func<string, string> edit)
    {
        var tiny = ReversalExperiment.Tiny(maxSteps: 10, validationFrequency: 10);
        File.WriteAllText(tiny.ConfigPath, edit(File.ReadAllText(tiny.ConfigPath)));
        return tiny;
    }

    [Fact]
    public void InvalidUtf8InsideAConfigStringIsAnErrorWithItsLine()
    {
        using var tiny = Experiment(c => c);
        var bytes = File.ReadAllBytes(tiny.ConfigPath).ToList();
        int at = Encoding.UTF8.GetString([.. bytes]).IndexOf("\"train\"", StringComparison.Ordinal) + 2;
        bytes.InsertRange(at, [0xC3, 0x28]);
        File.WriteAllBytes(tiny.ConfigPath, [.. bytes]);
        var (code, _, error) = CliProcess.Run(Timeout, "train", tiny.ConfigPath);
        AssertOneUserError(code, error, $"{tiny.ConfigPath}:2: invalid UTF-8");
    }

    [Fact]
    public void AnEmptyDevSplitIsAnErrorForTrainAndPrepare()
    {
        using var tiny = Experiment(c => c);
        File.WriteAllText(tiny.Folder.File("dev.src"), "");
        File.WriteAllText(tiny.Folder.File("dev.trg"), "");
        foreach (var verb in new[] { "train", "prepare" })
        {
            var (code, _, error) = CliProcess.Run(Timeout, verb, tiny.ConfigPath);
            AssertOneUserError(code, error, $"{tiny.Folder.File("dev.src")}: the dev split is empty");
        }
    }

    [Fact]
    public void AModelTooLargeForTheMachineIsRefusedBeforeItIsBuilt()
    {
        using var tiny = Experiment(c => c.Replace("\"embedding_size\": 16, \"encoder_hidden_size\": 16, \"decoder_hidden_size\": 32",
            "\"embedding_size\": 65536, \"encoder_hidden_size\": 65536, \"decoder_hidden_size\": 65536"));
        var (code, _, error) = CliProcess.Run(Timeout, "train", tiny.ConfigPath);
        AssertOneUserError(code, error, "GiB for training (weights, gradients, Adam's moments); this machine allows");
    }

    [Fact]
    public void AVeryLongNameIsAClearError()
    {
        using var tiny = Experiment(c => c.Replace("\"run_dir\": \"run\", ", "").Replace("\"data\":", $"\"name\": \"{new string('n', 300)}\", \"data\":"));
        var (code, _, error) = CliProcess.Run(Timeout, "train", tiny.ConfigPath);
        Assert.True(code == 1, error);
        Assert.DoesNotContain("internal error", error);
    }

    [Fact]
    public void EmptyReferencesAreScoredWithAWarning()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("hyp.txt"), "a b\nc d\n");
        File.WriteAllText(temp.File("ref.txt"), "\n\n");
        var (code, output, error) = CliProcess.Run(Timeout, "evaluate", "--hyp", temp.File("hyp.txt"), "--ref", temp.File("ref.txt"));
        Assert.True(code == 0, error);
        Assert.Contains($"warning: every line of {temp.File("ref.txt")} is empty", error);
        Assert.Contains("BLEU", output);
    }
}

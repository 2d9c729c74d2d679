using Seq2Seq.Cli;
using static Seq2Seq.Tests.Cli.CliRunner;

namespace Seq2Seq.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public void EveryVerbHasHelp()
    {
        foreach (var command in CommandLine.Commands)
        {
            var (code, output, _) = Run(command.Name, "--help");
            Assert.Equal(0, code);
            Assert.StartsWith($"Description:\n  {command.Summary}\n", output.ReplaceLineEndings("\n"));
            Assert.Contains($"Usage:\n  seq2seq {command.Name}", output.ReplaceLineEndings("\n"));
            Assert.Contains(command.Details.Split('\n')[0].Trim(), output);
        }
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--help")]
    public void HelpAliasesShowTheVerbsOptions(string alias)
    {
        var (code, output, error) = Run("translate", alias);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("--beam <K>", output);
    }

    [Fact]
    public void NoArgumentsShowTheVerbTableAndFail()
    {
        var (code, output, _) = Run();
        Assert.Equal(1, code);
        foreach (var command in CommandLine.Commands) Assert.Contains($"  {command.Name}", output);
    }

    [Fact]
    public void VersionIsTheInformationalVersion()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Equal($"seq2seq {ProgramVersion.Informational}", output.Trim());
        Assert.Matches(@"^seq2seq \d+\.\d+\.\d+", output);
    }

    [Fact]
    public void AMistypedVerbOrOptionGetsTheNearestOneOnOneLine()
    {
        var (code, _, error) = Run("translat", "--model", "x.ckpt");
        Assert.Equal(2, code);
        Assert.Equal("seq2seq: unknown verb 'translat'; did you mean 'translate'? (seq2seq --help)", error.Trim());

        (code, _, error) = Run("translate", "--model", "x.ckpt", "--bem", "4");
        Assert.Equal(1, code);
        Assert.Equal("seq2seq translate: unknown option --bem; did you mean '--beam'? (seq2seq translate --help)", error.Trim());
    }

    [Theory]
    [InlineData(new[] { "translate", "--model", "m", "--beam", "0" }, "seq2seq translate: --beam: expected an integer >= 1 and <= 1000, got '0'")]
    [InlineData(new[] { "translate", "--model", "m", "--alpha", "nan" }, "seq2seq translate: --alpha: expected a finite number >= 0 and <= 10, got 'nan'")]
    [InlineData(new[] { "translate", "--beam", "4" }, "seq2seq translate: Option '--model' is required.")]
    [InlineData(new[] { "evaluate", "--hyp", "h", "--ref", "r", "--format", "xml" }, "seq2seq evaluate: --format: expected text or json, got 'xml'")]
    [InlineData(new[] { "train" }, "seq2seq train: Required argument missing for command: 'train'.")]
    [InlineData(new[] { "prepare", "a.json", "b.json" }, "seq2seq prepare: unexpected argument 'b.json'")]
    [InlineData(new[] { "translate", "--model" }, "seq2seq translate: Required argument missing for option: '--model'.")]
    public void ABadArgumentIsOneLineNamingIt(string[] args, string message)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void AnOptionCanBeGivenAsNameEqualsValue()
    {
        var (code, _, error) = Run("translate", "--model=x.ckpt", "--beam=0");
        Assert.Equal(1, code);
        Assert.Contains("--beam: expected an integer >= 1", error);
    }

    [Fact]
    public void ConfigOverridesReachTrainAndPrepare()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("x.json"), """{ "data": { "train": "corpus/train", "dev": "corpus/dev" } }""");
        foreach (var verb in new[] { "train", "prepare" })
        {
            var (code, _, error) = Run(verb, temp.File("x.json"), "--set", "training.seed=1", "--set", "training.seed=x");
            Assert.Equal(1, code);
            Assert.Equal($"seq2seq {verb}: --set training.seed: expected an integer, got \"x\"", error.Trim());
        }
    }

    [Fact]
    public void ArgumentsCanComeFromAResponseFile()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("args.rsp"), "--model x.ckpt\n--beam 0\n");
        var (code, _, error) = Run("translate", "@" + temp.File("args.rsp"));
        Assert.Equal(1, code);
        Assert.Contains("--beam: expected an integer >= 1 and <= 1000, got '0'", error);
    }

    [Theory]
    [InlineData("tr", "train translate")]
    [InlineData("translate --be", "--beam")]
    [InlineData("evaluate --tokenize ", "13a char intl none zh")]
    [InlineData("bench --mode s", "scoring serve")]
    public void TheSuggestDirectiveCompletesVerbsOptionsAndChoices(string line, string expected)
    {
        // What dotnet-suggest sends: [suggest:CURSOR] "the command line after the program name".
        var (code, output, _) = Run($"[suggest:{line.Length}]", line);
        Assert.Equal(0, code);
        Assert.Equal(expected.Split(' '), output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void ReadmeVerbTableListsExactlyTheVerbs()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var rows = System.Text.RegularExpressions.Regex.Matches(readme, @"^\| `([a-z]+)[ `]", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(CommandLine.Commands.Select(c => c.Name).Order(), rows.Order());
    }

    [Fact]
    public void UnknownVerbFailsWithOneLine()
    {
        var (code, _, error) = Run("fly");
        Assert.NotEqual(0, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("unknown verb 'fly'", error);
    }

    [Fact]
    public void MissingConfigFileIsOneLineNamingTheFile()
    {
        var (code, _, error) = Run("train", "no/such/config.json");
        Assert.Equal(1, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("no/such/config.json", error);
    }

    [Fact]
    public void UnknownOptionIsRejected()
    {
        var (code, _, error) = Run("translate", "--model", "x.ckpt", "--beem", "4");
        Assert.Equal(1, code);
        Assert.Contains("--beem", error);
    }

    [Fact]
    public void ModelThatIsNotAModelIsRejected()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("fake.ckpt"), "hello");
        var (code, _, error) = Run("translate", "--model", temp.File("fake.ckpt"), "--input", temp.File("fake.ckpt"));
        Assert.Equal(1, code);
        Assert.Contains("not a Seq2Seq model", error);
    }

    [Fact]
    public void RunPs1OffersOnlyVerbsTheCliHas()
    {
        string script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "run.ps1"));
        var line = script.Split('\n').First(l => l.Contains("$Verbs = @("));
        var verbs = System.Text.RegularExpressions.Regex.Matches(line, "'([a-z]+)'").Select(m => m.Groups[1].Value).ToArray();
        Assert.Contains("test", verbs);
        Assert.Contains("demo", verbs);
        foreach (var verb in verbs.Where(v => v != "test"))
        {
            Assert.Contains(CommandLine.Commands, c => c.Name == verb);
        }
        foreach (var command in CommandLine.Commands) Assert.Contains(command.Name, verbs);
    }
}

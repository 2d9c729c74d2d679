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
            Assert.StartsWith($"usage: seq2seq {command.Name}", output);
        }
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

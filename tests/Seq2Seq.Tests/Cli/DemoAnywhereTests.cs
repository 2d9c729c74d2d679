using Seq2Seq.Cli;
using Seq2Seq.Cli.Commands;
using Seq2Seq.Data.Demo;
using static Seq2Seq.Tests.Cli.CliRunner;

namespace Seq2Seq.Tests.Cli;

/// <summary>The program outside a clone of the repository: its demo config is built in, the corpus is generated where it runs.</summary>
[Collection(LibTorchCollection.Name)]
public class DemoAnywhereTests
{
    [Fact]
    public void TheBuiltInDemoConfigIsConfigsDemoJson() =>
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "configs", "demo.json")), DemoCommand.BuiltInConfig());

    [Fact]
    public void DemoWithOutGeneratesTheCorpusAndRunsInThatFolder()
    {
        using var folder = new TempFolder();
        string project = folder.File("project");
        var (code, output, error) = Run("demo", "--out", project, "--max-steps", "3");
        Assert.True(code == 0, error);
        Assert.Contains($"generated the demo corpus in {Path.Combine(project, "corpora", "demo")}", error);
        Assert.Contains("trained 3 steps", output);
        foreach (var name in DemoCorpus.FileNames)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "corpora", "demo", name)), File.ReadAllBytes(Path.Combine(project, "corpora", "demo", name)));
        }
        Assert.True(File.Exists(Path.Combine(project, "runs", "demo", "best.ckpt")));
        Assert.True(File.Exists(Path.Combine(project, "runs", "demo", "test.hyp.de")));

        // Again: the corpus is there now and is used as it is; the run goes to a new folder.
        (code, output, error) = Run("demo", "--out", project, "--max-steps", "3");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("generated the demo corpus", error);
        Assert.Contains(Path.Combine(project, "runs", "demo-2", "best.ckpt"), output);
    }

    [Fact]
    public void VersionIsTheInformationalVersion()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Equal($"seq2seq {ProgramVersion.Informational}\n", output);
        Assert.Matches(@"^\d+\.\d+\.\d+", ProgramVersion.Informational);
    }
}

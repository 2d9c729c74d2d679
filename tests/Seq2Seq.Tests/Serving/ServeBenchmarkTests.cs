using Seq2Seq.Tests.Decoding;

namespace Seq2Seq.Tests.Serving;

public class ServeBenchmarkTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    [Fact]
    public void BenchServePrintsOfflineAndOneRowPerConcurrency()
    {
        string input = System.IO.Path.Combine(fixture.Folder, "bench.src");
        File.WriteAllLines(input, Enumerable.Repeat(fixture.Lines, 3).SelectMany(l => l));
        var (code, output, error) = Cli.CliRunner.Run("bench", "--mode", "serve", "--model", fixture.Package, "--input", input,
            "--concurrency", "1,4", "--threads", "1");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"serve: {fixture.Package}, {3 * fixture.Lines.Count} sentences", lines[0]);
        Assert.Matches(@"^offline +[0-9.]+ sent/s", lines[1]);
        Assert.Matches(@"^concurrency +1 +[0-9.]+ sent/s  p50 +[0-9.]+ ms  p99 +[0-9.]+ ms  [0-9.]+ of offline  \(mean batch 1\.0 sentences\)$", lines[2]);
        Assert.Matches(@"^concurrency +4 ", lines[3]);

        (code, _, error) = Cli.CliRunner.Run("bench", "--mode", "serve", "--model", fixture.Package, "--input", input, "--concurrency", "0");
        Assert.Equal(1, code);
        Assert.Contains("--concurrency: expected numbers from 1 to 1024", error);
    }
}

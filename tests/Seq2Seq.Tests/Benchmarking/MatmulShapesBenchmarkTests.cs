using Seq2Seq.Cli;
using System.Text.Json;

namespace Seq2Seq.Tests.Benchmarking;

/// <summary>The bench verb's matmul mode: one JSON line per product of a training step, at the reference model's shapes.</summary>
[Collection(LibTorchCollection.Name)]
public class MatmulShapesBenchmarkTests
{
    [Fact]
    public void PrintsEveryProductOfATrainingStepWithItsShapeAndRate()
    {
        var (code, records, errorText) = BenchRun.Run("--mode", "matmul", "--threads", "1", "--batch", "8", "--vocab", "500");
        Assert.True(code == 0, errorText);
        Assert.Equal(7, records.Length);
        // Batch 8: 10 + (5i mod 16) target positions per sentence, 140 in all; the decoder step's input is 256 + 2·512.
        var shapes = records.Select(r => (r.GetProperty("m").GetInt64(), r.GetProperty("k").GetInt64(), r.GetProperty("n").GetInt64())).ToArray();
        Assert.Equal([(8, 1280, 2048), (8, 2048, 1280), (2048, 8, 1280), (2048, 140, 1280), (140, 512, 500), (140, 500, 512), (500, 140, 512)], shapes);
        Assert.All(records, r =>
        {
            Assert.Equal("matmul", r.GetProperty("mode").GetString());
            Assert.True(r.GetProperty("gflop_per_s").GetDouble() > 0);
        });

        var error = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["bench", "--mode", "fast"], new StringWriter(), error));
        Assert.Contains("--mode: expected train, greedy, beam, scoring, memory, matmul, serve or all, got 'fast'", error.ToString());
    }
}

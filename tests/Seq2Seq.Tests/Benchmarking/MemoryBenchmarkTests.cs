namespace Seq2Seq.Tests.Benchmarking;

/// <summary>The bench verb's memory mode: a JSON line every --every steps with resident, managed and native heap figures.</summary>
[Collection(LibTorchCollection.Name)]
public class MemoryBenchmarkTests
{
    [Fact]
    public void PrintsResidentManagedAndNativeHeapFiguresEveryNSteps()
    {
        var (code, records, error) = BenchRun.Run("--mode", "memory", "--threads", "1", "--steps", "5", "--every", "2", "--vocab", "500");
        Assert.True(code == 0, error);
        Assert.Equal([2, 4, 5], records.Select(r => r.GetProperty("step").GetInt32()));
        Assert.All(records, r =>
        {
            Assert.Equal("memory", r.GetProperty("mode").GetString());
            double resident = r.GetProperty("resident_mb").GetDouble();
            Assert.InRange(r.GetProperty("managed_mb").GetDouble(), 0, resident);                // as of the last collection
            // The reference model's weights and Adam's moments alone are tens of MB of native memory.
            Assert.InRange(r.GetProperty("native_in_use_mb").GetDouble(), 20, resident);
            Assert.True(r.GetProperty("native_free_mb").GetDouble() >= 0);
            Assert.True(r.GetProperty("mean_step_ms").GetDouble() > 0);
        });
        Assert.Equal(0, records[0].GetProperty("growth_since_first_mb").GetDouble());
    }
}

using Seq2Seq.Data;
using Seq2Seq.Model;
using Seq2Seq.ProcessMemory;
using Seq2Seq.Training;
using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Seq2Seq.Benchmarking;

/// <summary>
/// Resident memory over many training steps of the reference model. Unlike the speed benchmark,
/// every step gets a batch of another shape (the length pattern of shared/bench shifted by the step
/// number, and 48 to 64 sentences), as in real training, so that allocator fragmentation shows.
/// Prints a JSON line every <c>every</c> steps: resident memory and the mean step time since the last line.
/// </summary>
public static class MemoryBenchmark
{
    public static void Run(BenchSettings s, int steps, int every, TextWriter output)
    {
        NativeHeap.Configure();
        set_num_threads(s.Threads);
        manual_seed(1);
        using var model = new TranslationModel(ReferenceBenchmark.ReferenceModel, s.Vocabulary, s.Vocabulary);
        model.train();
        var parameters = model.parameters().ToArray();
        using var optimizer = optim.Adam(parameters, 1e-3);
        var update = new GuardedUpdate(parameters, optimizer, 1.0);
        var random = new SplitMix64(1);
        var clock = Stopwatch.StartNew();
        double startMb = 0;
        for (int step = 1; step <= steps; step++)
        {
            int rows = 48 + step % 17;
            var pairs = Enumerable.Range(0, rows).Select(i => new TokenizedPair(i,
                Enumerable.Range(0, 10 + (7 * i + step) % 16).Select(_ => 4 + random.Next(s.Vocabulary - 4)).ToArray(),
                Enumerable.Range(0, 9 + (5 * i + step) % 16).Select(_ => 4 + random.Next(s.Vocabulary - 4)).ToArray())).ToArray();
            using (NewDisposeScope())
            {
                using var batch = new Batch(pairs);
                var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
                var (smoothed, _) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, 0.1);
                update.Apply(smoothed / batch.TargetTokens);
            }
            if (step % every != 0 && step != steps) continue;
            const double MB = 1024.0 * 1024.0;
            double mb = ResidentMemory.Bytes() / MB;
            if (startMb == 0) startMb = mb;
            var line = new Dictionary<string, object>
            {
                ["impl"] = "seq2seq-torchsharp", ["mode"] = "memory", ["threads"] = s.Threads, ["step"] = step,
                ["resident_mb"] = Math.Round(mb, 1), ["growth_since_first_mb"] = Math.Round(mb - startMb, 1),
                ["managed_mb"] = Math.Round(GC.GetGCMemoryInfo().TotalCommittedBytes / MB, 1),
            };
            if (NativeHeap.Usage() is { } heap)
            {
                // Resident growth that shows in native_free_mb is fragmentation; in native_in_use_mb, a leak.
                line["native_in_use_mb"] = Math.Round(heap.InUseBytes / MB, 1);
                line["native_free_mb"] = Math.Round(heap.FreeBytes / MB, 1);
                line["native_mapped_mb"] = Math.Round(heap.MappedBytes / MB, 1);
            }
            line["mean_step_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds / (step % every == 0 ? every : step % every), 1);
            output.WriteLine(JsonSerializer.Serialize(line));
            output.Flush();
            clock.Restart();
        }
    }
}

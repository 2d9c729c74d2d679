using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Seq2Seq.Benchmarking;

/// <summary>
/// The matrix-multiply rate at the shapes a training step of the reference model runs, with the
/// operands laid out as autograd lays them out: the decoder step's forward product, its input
/// gradient and its weight gradient (whose inner dimension is only the batch rows), the same
/// weight gradient batched over all target positions, and the output projection's three products.
/// It tells whether a product's shape, rather than the code around it, costs time.
/// One JSON line per shape: the fastest of several timed runs, after warm-up.
/// </summary>
public static class MatmulShapesBenchmark
{
    public static IEnumerable<string> Run(BenchSettings s)
    {
        ProcessMemory.NativeHeap.Configure();
        set_num_threads(s.Threads);
        var model = ReferenceBenchmark.ReferenceModel;
        long input = model.EmbeddingSize + 2L * model.DecoderHiddenSize; // [embedding; input feed; recurrent]
        long gates = 4L * model.DecoderHiddenSize;
        long positions = ReferenceBenchmark.TargetTokens(s.Batch);
        long hidden = model.DecoderHiddenSize;
        var shapes = new (string Name, long M, long K, long N, bool TransposeA, bool TransposeB)[]
        {
            ("decoder step forward: x·Wᵀ", s.Batch, input, gates, false, true),
            ("decoder step input gradient: g·W", s.Batch, gates, input, false, false),
            ("decoder step weight gradient: gᵀ·x", gates, s.Batch, input, true, false),
            ("decoder weight gradient, all positions at once", gates, positions, input, true, false),
            ("output projection forward: a·Wᵀ", positions, hidden, s.Vocabulary, false, true),
            ("output projection input gradient: g·W", positions, s.Vocabulary, hidden, false, false),
            ("output projection weight gradient: gᵀ·a", s.Vocabulary, positions, hidden, true, false),
        };
        foreach (var (name, m, k, n, transposeA, transposeB) in shapes)
        {
            double seconds = Time(m, k, n, transposeA, transposeB);
            yield return JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["impl"] = "seq2seq-torchsharp", ["mode"] = "matmul", ["threads"] = s.Threads, ["product"] = name,
                ["m"] = m, ["k"] = k, ["n"] = n,
                ["ms"] = Math.Round(seconds * 1000, 3),
                ["gflop_per_s"] = Math.Round(2.0 * m * k * n / seconds / 1e9, 1),
            });
        }
    }

    /// <summary>Fastest of 5 timed rounds (each repeating the product for at least ~1 GFLOP) after 3 warm-up products.</summary>
    private static double Time(long m, long k, long n, bool transposeA, bool transposeB)
    {
        using var scope = NewDisposeScope();
        var a = transposeA ? randn(k, m).t() : randn(m, k);
        var b = transposeB ? randn(n, k).t() : randn(k, n);
        for (int i = 0; i < 3; i++) a.mm(b).Dispose();
        int repeats = (int)Math.Max(3, 1e9 / (2.0 * m * k * n));
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++) a.mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds / repeats);
        }
        return best;
    }
}

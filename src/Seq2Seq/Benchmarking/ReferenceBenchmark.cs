using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Decoding;
using Seq2Seq.Model;
using Seq2Seq.Training;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static TorchSharp.torch;

namespace Seq2Seq.Benchmarking;

/// <summary>Which work to time.</summary>
public enum BenchMode { Train, Greedy, Beam }

/// <summary>Settings of the reference benchmark; the defaults are those of shared/bench/reference_seq2seq.py.</summary>
public sealed record BenchSettings
{
    public BenchMode Mode { get; init; } = BenchMode.Train;
    public int Threads { get; init; } = 1;
    public int Batch { get; init; } = 64;
    public int Vocabulary { get; init; } = 8000;
    public int Steps { get; init; } = 20;
    public int Warmup { get; init; } = 3;
    public int MaxLength { get; init; } = 30;
    public int Beam { get; init; } = 5;
}

/// <summary>
/// The reference benchmark of shared/bench/reference_seq2seq.py, with identical shapes and work:
/// embedding 256, BiLSTM 256 per direction, LSTM decoder 512, attention 512, dropout 0.3; a batch of
/// B sentences with source length 10 + (7i mod 16) and target length 10 + (5i mod 16), random ids
/// in [4, V). Train: forward, backward, clipping at 1.0 and Adam. Decode: exactly max_len steps.
/// Prints one JSON line with the same field names as the reference script.
/// </summary>
public static class ReferenceBenchmark
{
    public static ModelConfig ReferenceModel => new()
    {
        EmbeddingSize = 256, EncoderHiddenSize = 256, DecoderHiddenSize = 512, AttentionSize = 512, Dropout = 0.3,
    };

    /// <summary>Target positions of the reference batch: 10 + (5i mod 16) per sentence (1,120 for 64).</summary>
    public static int TargetTokens(int batch) => Enumerable.Range(0, batch).Sum(i => 10 + 5 * i % 16);

    public static string Run(BenchSettings s)
    {
        ProcessMemory.NativeHeap.Configure();
        set_num_threads(s.Threads);
        manual_seed(1);
        using var model = new TranslationModel(ReferenceModel, s.Vocabulary, s.Vocabulary);
        var pairs = RandomPairs(s);
        using var batch = new Batch(pairs);
        var times = s.Mode == BenchMode.Train ? TimeTraining(model, batch, s) : TimeDecoding(model, batch, s);
        return Record(s, model.ParameterCount, pairs, batch.TargetTokens, Median(times));
    }

    /// <summary>The reference's batch: sources of 10 + 7i mod 16 and targets of 10 + 5i mod 16 random tokens.</summary>
    private static TokenizedPair[] RandomPairs(BenchSettings s)
    {
        var random = new SplitMix64(1);
        return Enumerable.Range(0, s.Batch).Select(i =>
        {
            var source = Enumerable.Range(0, 10 + 7 * i % 16).Select(_ => 4 + random.Next(s.Vocabulary - 4)).ToArray();
            // Our batches append eos to every target, so one token fewer gives the reference's
            // target length (10 + 5i mod 16 output positions) and the same number of decoder steps.
            var target = Enumerable.Range(0, 10 + 5 * i % 16 - 1).Select(_ => 4 + random.Next(s.Vocabulary - 4)).ToArray();
            return new TokenizedPair(i, source, target);
        }).ToArray();
    }

    /// <summary>Seconds per training step (forward, label-smoothed loss, backward, clipping, Adam) after the warm-up.</summary>
    private static List<double> TimeTraining(TranslationModel model, Batch batch, BenchSettings s)
    {
        model.train();
        var parameters = model.parameters().ToArray();
        using var optimizer = optim.Adam(parameters, 1e-3);
        var times = new List<double>();
        for (int i = 0; i < s.Warmup + s.Steps; i++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
                var (smoothed, _) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, 0.1);
                var loss = smoothed / batch.TargetTokens;
                model.zero_grad(); // set_to_none: backward writes fresh gradients, nothing to zero
                loss.backward();
                nn.utils.clip_grad_norm_(parameters, 1.0);
                optimizer.step();
            }
            if (i >= s.Warmup) times.Add(clock.Elapsed.TotalSeconds);
        }
        return times;
    }

    /// <summary>Seconds per greedy or beam search of the batch (exactly MaxLength steps) after the warm-up.</summary>
    private static List<double> TimeDecoding(TranslationModel model, Batch batch, BenchSettings s)
    {
        model.eval();
        var options = new SearchOptions
        {
            BeamSize = s.Mode == BenchMode.Beam ? s.Beam : 1,
            MaxLengthRatio = 0, MaxLengthOffset = s.MaxLength, MinLength = s.MaxLength,
        };
        var times = new List<double>();
        for (int i = 0; i < s.Warmup + s.Steps; i++)
        {
            var clock = Stopwatch.StartNew();
            if (s.Mode == BenchMode.Greedy) GreedySearch.Search(model, batch.Source, batch.SourceLengths, options);
            else BeamSearch.Search(model, batch.Source, batch.SourceLengths, options);
            if (i >= s.Warmup) times.Add(clock.Elapsed.TotalSeconds);
        }
        return times;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    }

    /// <summary>The JSON line of one measurement, with the same fields as the PyTorch reference prints.</summary>
    private static string Record(BenchSettings s, long parameterCount, TokenizedPair[] pairs, int targetTokens, double median)
    {
        // Useful work per measured unit: real positions only (decoding: every row of every step).
        double flops = s.Mode switch
        {
            BenchMode.Train => 3 * pairs.Sum(p => ModelFlops.Forward(ReferenceModel, s.Vocabulary, p.Source.Length, p.Target.Length + 1)),
            BenchMode.Greedy => pairs.Sum(p => ModelFlops.Forward(ReferenceModel, s.Vocabulary, p.Source.Length, s.MaxLength)),
            _ => pairs.Sum(p => s.Beam * ModelFlops.Forward(ReferenceModel, s.Vocabulary, p.Source.Length, s.MaxLength)),
        };
        double matmul = MatrixMultiplyRate(targetTokens, ReferenceModel.DecoderHiddenSize, s.Vocabulary);
        var record = new Dictionary<string, object?>
        {
            ["impl"] = "seq2seq-torchsharp",
            ["mode"] = s.Mode.ToString().ToLowerInvariant(),
            ["threads"] = s.Threads,
            ["batch"] = s.Batch,
            ["vocab"] = s.Vocabulary,
            ["target_tokens"] = targetTokens,
            ["max_len"] = s.MaxLength,
            ["beam"] = s.Mode == BenchMode.Beam ? s.Beam : null,
            ["params"] = parameterCount,
            ["median_ms"] = Math.Round(median * 1000, 2),
        };
        if (s.Mode == BenchMode.Train) record["target_tokens_per_s"] = Math.Round(targetTokens / median, 1);
        else record["sentences_per_s"] = Math.Round(s.Batch / median, 1);
        record["useful_gflop"] = Math.Round(flops / 1e9, 2);
        record["gflop_per_s"] = Math.Round(flops / median / 1e9, 1);
        record["matmul_gflop_per_s"] = Math.Round(matmul / 1e9, 1);
        record["fraction_of_matmul"] = Math.Round(flops / median / matmul, 3);
        return JsonSerializer.Serialize(record);
    }

    /// <summary>
    /// The machine's single-precision matrix-multiply rate at the model's largest product (the output
    /// projection: tokens x hidden times hidden x vocabulary), with the current thread count:
    /// median of 7 after a warm-up.
    /// </summary>
    public static double MatrixMultiplyRate(int m, int k, int n)
    {
        using var scope = NewDisposeScope();
        var a = randn(m, k);
        var b = randn(k, n);
        var times = new List<double>();
        for (int i = 0; i < 8; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var c = a.mm(b)) { }
            if (i > 0) times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        return 2.0 * m * k * n / times[times.Count / 2];
    }
}

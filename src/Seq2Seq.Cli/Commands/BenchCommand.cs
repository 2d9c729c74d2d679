using Seq2Seq.Benchmarking;
using Seq2Seq.Files;

namespace Seq2Seq.Cli.Commands;

public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Summary => "time the reference model (training step, greedy and beam decoding) as shared/bench does";
    public string Usage => "[--mode train|greedy|beam|scoring|memory|matmul|serve|all] [--threads 1[,2]] [--batch 64] [--vocab 8000] [--steps 20] [--warmup 3] [--max-len 30] [--beam 5] [--model MODEL --input FILE [--concurrency 1,8,64] [--max-batch-tokens N] [--max-wait-ms W]]";
    public string Help => """
        Runs the work defined by shared/bench/reference_seq2seq.py with identical shapes and prints one
        JSON line per figure with the same field names (median over --steps runs after --warmup).
          --mode M        train, greedy, beam, scoring, memory, matmul or all (default all); scoring times BLEU + chrF
                          on 1,000 lines of the demo corpus; memory trains the reference
                          model for --steps steps on batches of varying shape and prints resident memory
                          every --every steps (first thread count of --threads); matmul times
                          the matrix products of a training step at their shapes (decoder step,
                          its gradients, the output projection); serve translates --input
                          with --model offline (one sorted-batch call) and then through the HTTP
                          server on 127.0.0.1, one sentence per request from each of --concurrency
                          clients, and prints sentences/s, latency p50/p99 and the ratio to offline
                          (--max-batch-tokens and --max-wait-ms as for serve)
          --threads LIST  comma-separated thread counts (default 1,2)
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string mode = arguments.Option("mode") ?? "all";
        string threads = arguments.Option("threads") ?? "1,2";
        var settings = new BenchSettings
        {
            Batch = arguments.Int("batch", 1) ?? 64,
            Vocabulary = arguments.Int("vocab", 5) ?? 8000,
            Steps = arguments.Int("steps", 1) ?? 20,
            Warmup = arguments.Int("warmup", 0) ?? 3,
            MaxLength = arguments.Int("max-len", 1) ?? 30,
            Beam = arguments.Int("beam", 1) ?? 5,
        };
        int every = arguments.Int("every", 1) ?? 250;
        if (mode == "serve") return Serve(arguments, ThreadCounts(threads), output);
        arguments.RejectUnknown(0);
        if (mode == "memory")
        {
            int threadCount = int.TryParse(threads.Split(',')[0], out int t) && t > 0 ? t
                : throw new UserError($"--threads: expected a positive integer, got '{threads}'");
            MemoryBenchmark.Run(settings with { Threads = threadCount }, settings.Steps, every, output);
            return 0;
        }
        if (mode == "scoring")
        {
            var sentences = Seq2Seq.Data.Demo.DemoCorpus.Generate().Train.Select(p => p.German).ToArray();
            output.WriteLine(ScoringBenchmark.Run(sentences));
            return 0;
        }
        if (mode == "matmul")
        {
            foreach (int n in ThreadCounts(threads))
                foreach (string line in MatmulShapesBenchmark.Run(settings with { Threads = n }))
                {
                    output.WriteLine(line);
                    output.Flush();
                }
            return 0;
        }
        var modes = mode switch
        {
            "all" => new[] { BenchMode.Train, BenchMode.Greedy, BenchMode.Beam },
            "train" => [BenchMode.Train],
            "greedy" => [BenchMode.Greedy],
            "beam" => [BenchMode.Beam],
            _ => throw new UserError($"--mode: expected train, greedy, beam, scoring, memory, matmul, serve or all, got '{mode}'"),
        };
        foreach (var m in modes)
            foreach (int n in ThreadCounts(threads))
            {
                output.WriteLine(ReferenceBenchmark.Run(settings with { Mode = m, Threads = n }));
                output.Flush();
            }
        return 0;
    }

    private static int Serve(Arguments arguments, int[] threadCounts, TextWriter output)
    {
        var models = arguments.Options("model");
        if (models.Count == 0) throw new UserError("--mode serve: missing --model");
        string input = arguments.Option("input") ?? throw new UserError("--mode serve: missing --input (sentences to translate, one per line)");
        string concurrency = arguments.Option("concurrency") ?? "1,8,64";
        var concurrencies = concurrency.Split(',').Select(c => int.TryParse(c, out int n) && n is > 0 and <= 1024 ? n
            : throw new UserError($"--concurrency: expected numbers from 1 to 1024 separated by commas, got '{concurrency}'")).ToArray();
        var batching = new Seq2Seq.Serving.ServingOptions
        {
            MaxBatchTokens = arguments.Int("max-batch-tokens", 1, Configuration.DecodingConfig.MaxBatchTokens) ?? 4000,
            MaxWait = TimeSpan.FromMilliseconds(arguments.Int("max-wait-ms", 0, 60_000) ?? 5),
        };
        arguments.RejectUnknown(0);
        var lines = TextFileReader.ReadLines(input);
        if (lines.Count == 0) throw new UserError($"{input}: no sentences to translate");
        foreach (int n in threadCounts)
        {
            TorchSharp.torch.set_num_threads(n);
            foreach (string line in Serving.ServeBenchmark.Run(models, lines, input, concurrencies, batching))
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
        return 0;
    }

    private static int[] ThreadCounts(string threads) => threads.Split(',').Select(t => int.TryParse(t, out int n) && n > 0 ? n
        : throw new UserError($"--threads: expected positive integers separated by commas, got '{threads}'")).ToArray();
}

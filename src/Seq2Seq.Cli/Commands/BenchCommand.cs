using Seq2Seq.Benchmarking;
using Seq2Seq.Cli.Serving;
using Seq2Seq.Files;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class BenchCommand : Verb
{
    private readonly Option<string?> modeOption = CliOptions.OneOf("--mode",
        "train, greedy, beam, scoring, memory, matmul, serve or all (default all); scoring times BLEU + chrF on 1,000 lines of the " +
        "demo corpus; memory trains the reference model for --steps steps on batches of varying shape and prints resident memory " +
        "every --every steps (first thread count of --threads); matmul times the matrix products of a training step at their " +
        "shapes (decoder step, its gradients, the output projection); serve translates --input with --model offline (one " +
        "sorted-batch call) and then through the HTTP server on 127.0.0.1, one sentence per request from each of --concurrency " +
        "clients, and prints sentences/s, latency p50/p99 and the ratio to offline",
        "train", "greedy", "beam", "scoring", "memory", "matmul", "serve", "all");
    private readonly Option<string?> threadsOption = CliOptions.Text("--threads", "LIST", "comma-separated thread counts (default 1,2)");
    private readonly Option<int?> batch = CliOptions.Int("--batch", "N", "sentences per batch (default 64)", 1);
    private readonly Option<int?> vocabulary = CliOptions.Int("--vocab", "N", "vocabulary size (default 8000)", 5);
    private readonly Option<int?> steps = CliOptions.Int("--steps", "N", "timed runs per figure (default 20)", 1);
    private readonly Option<int?> warmup = CliOptions.Int("--warmup", "N", "untimed runs first (default 3)", 0);
    private readonly Option<int?> maxLength = CliOptions.Int("--max-len", "N", "sentence length (default 30)", 1);
    private readonly Option<int?> beam = CliOptions.Int("--beam", "K", "beam size (default 5)", 1);
    private readonly Option<int?> every = CliOptions.Int("--every", "N", "--mode memory: steps between memory lines (default 250)", 1);
    private readonly Option<string[]> models = CliOptions.Models(required: false);
    private readonly Option<string?> input = CliOptions.Text("--input", "FILE", "--mode serve: sentences to translate, one per line");
    private readonly Option<string?> concurrency = CliOptions.Text("--concurrency", "LIST", "--mode serve: comma-separated client counts (default 1,8,64)");
    private readonly BatchingOptions batching = new();

    public BenchCommand() : base("bench", "time the reference model (training step, greedy and beam decoding) as shared/bench does", """
        Runs the work defined by shared/bench/reference_seq2seq.py with identical shapes and prints one
        JSON line per figure with the same field names (median over --steps runs after --warmup).
        """)
    {
        Declare(modeOption, threadsOption, batch, vocabulary, steps, warmup, maxLength, beam, every, models, input, concurrency,
            batching.MaxBatchTokens, batching.MaxWaitMilliseconds);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string mode = parse.GetValue(modeOption) ?? "all";
        string threads = parse.GetValue(threadsOption) ?? "1,2";
        var settings = new BenchSettings
        {
            Batch = parse.GetValue(batch) ?? 64,
            Vocabulary = parse.GetValue(vocabulary) ?? 8000,
            Steps = parse.GetValue(steps) ?? 20,
            Warmup = parse.GetValue(warmup) ?? 3,
            MaxLength = parse.GetValue(maxLength) ?? 30,
            Beam = parse.GetValue(beam) ?? 5,
        };
        int every = parse.GetValue(this.every) ?? 250;
        if (mode == "serve") return Serve(parse, ThreadCounts(threads), output);
        Symbol[] serveOnly = [models, input, concurrency, batching.MaxBatchTokens, batching.MaxWaitMilliseconds];
        if (serveOnly.FirstOrDefault(o => parse.GetResult(o) is not null) is Symbol given) throw new UserError($"{given.Name} is only used by --mode serve");
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
            _ => throw new InvalidOperationException($"--mode {mode} has no case"),
        };
        foreach (var m in modes)
            foreach (int n in ThreadCounts(threads))
            {
                output.WriteLine(ReferenceBenchmark.Run(settings with { Mode = m, Threads = n }));
                output.Flush();
            }
        return 0;
    }

    private int Serve(ParseResult parse, int[] threadCounts, TextWriter output)
    {
        var models = parse.GetValue(this.models) ?? [];
        if (models.Length == 0) throw new UserError("--mode serve: missing --model");
        string input = parse.GetValue(this.input) ?? throw new UserError("--mode serve: missing --input (sentences to translate, one per line)");
        string concurrency = parse.GetValue(this.concurrency) ?? "1,8,64";
        var concurrencies = concurrency.Split(',').Select(c => int.TryParse(c, out int n) && n is > 0 and <= 1024 ? n
            : throw new UserError($"--concurrency: expected numbers from 1 to 1024 separated by commas, got '{concurrency}'")).ToArray();
        var batching = this.batching.Read(parse);
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

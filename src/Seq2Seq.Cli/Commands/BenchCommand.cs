using Seq2Seq.Files;
using Seq2Seq.Benchmarking;

namespace Seq2Seq.Cli.Commands;

public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Summary => "time the reference model (training step, greedy and beam decoding) as shared/bench does";
    public string Usage => "[--mode train|greedy|beam|scoring|memory|matmul|all] [--threads 1[,2]] [--batch 64] [--vocab 8000] [--steps 20] [--warmup 3] [--max-len 30] [--beam 5]";
    public string Help => """
        Runs the work defined by shared/bench/reference_seq2seq.py with identical shapes and prints one
        JSON line per figure with the same field names (median over --steps runs after --warmup).
          --mode M        train, greedy, beam, scoring, memory, matmul or all (default all); scoring times BLEU + chrF
                          on 1,000 lines of the demo corpus (corpora/demo); memory trains the reference
                          model for --steps steps on batches of varying shape and prints resident memory
                          every --every steps (first thread count of --threads); matmul times
                          the matrix products of a training step at their shapes (decoder step,
                          its gradients, the output projection)
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
            var sentences = Seq2Seq.Files.TextFileReader.ReadLines(Path.Combine(RepositoryRoot.Find(), "corpora", "demo", "train.de"));
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
            _ => throw new UserError($"--mode: expected train, greedy, beam, scoring, memory, matmul or all, got '{mode}'"),
        };
        foreach (var m in modes)
            foreach (int n in ThreadCounts(threads))
            {
                output.WriteLine(ReferenceBenchmark.Run(settings with { Mode = m, Threads = n }));
                output.Flush();
            }
        return 0;
    }

    private static int[] ThreadCounts(string threads) => threads.Split(',').Select(t => int.TryParse(t, out int n) && n > 0 ? n
        : throw new UserError($"--threads: expected positive integers separated by commas, got '{threads}'")).ToArray();
}

using Seq2Seq.Configuration;
using Seq2Seq.Serving;
using System.CommandLine;

namespace Seq2Seq.Cli.Serving;

/// <summary>The request-batching options of serve and bench --mode serve, with ServingOptions' defaults.</summary>
internal sealed class BatchingOptions
{
    private static readonly ServingOptions Defaults = new();

    public Option<int?> MaxBatchTokens { get; } = CliOptions.Int("--max-batch-tokens", "N",
        $"source tokens merged into one decoding call (default {Defaults.MaxBatchTokens})", 1, DecodingConfig.MaxBatchTokens);

    public Option<int?> MaxWaitMilliseconds { get; } = CliOptions.Int("--max-wait-ms", "W",
        $"how long a request waits for others to join it (default {Defaults.MaxWait.TotalMilliseconds:0})", 0, 60_000);

    public ServingOptions Read(ParseResult parse) => Defaults with
    {
        MaxBatchTokens = parse.GetValue(MaxBatchTokens) ?? Defaults.MaxBatchTokens,
        MaxWait = parse.GetValue(MaxWaitMilliseconds) is int ms ? TimeSpan.FromMilliseconds(ms) : Defaults.MaxWait,
    };
}

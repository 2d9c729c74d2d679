using Seq2Seq.Decoding;
using Seq2Seq.Serving;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Seq2Seq.Cli.Serving;

/// <summary>
/// bench --mode serve: the same sentences translated offline (one sorted-batch call, as translate
/// does with a file) and then through the HTTP server on 127.0.0.1, one sentence per request, by
/// C concurrent clients for each concurrency C. Prints sentences/s, latency p50/p99 and the ratio
/// to offline; every answer is checked against the offline translation of its sentence.
/// </summary>
internal static class ServeBenchmark
{
    public static IEnumerable<string> Run(IReadOnlyList<string> models, IReadOnlyList<string> lines, string inputName,
        IReadOnlyList<int> concurrencies, ServingOptions batching)
    {
        using var translator = Translator.Load(models);
        var options = translator.DefaultOptions;
        translator.Translate(lines.Take(16).ToArray()); // warm-up: first-call costs stay out of both figures
        yield return $"serve: {string.Join(", ", models)}, {lines.Count:N0} sentences of {inputName}, beam {options.BeamSize}, "
            + $"{TorchSharp.torch.get_num_threads()} thread(s), max-batch-tokens {batching.MaxBatchTokens}, max-wait {batching.MaxWait.TotalMilliseconds:F0} ms";

        var clock = Stopwatch.StartNew();
        var offline = translator.TranslateDetailed(lines, options).Select(r => r.Text).ToArray();
        double offlineRate = lines.Count / clock.Elapsed.TotalSeconds;
        yield return FormattableString.Invariant($"offline          {offlineRate,8:F1} sent/s  ({clock.Elapsed.TotalSeconds:F1} s)");

        using var batcher = new BatchingTranslator(translator, batching);
        var settings = new ServerSettings { Urls = ["http://127.0.0.1:0"], Batching = batching, Limits = new RequestLimits() };
        var app = TranslationServer.Build(batcher, settings, models);
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 })
            {
                BaseAddress = new Uri(app.Urls.First()),
                Timeout = TimeSpan.FromMinutes(5),
            };
            foreach (int concurrency in concurrencies)
            {
                long batchesBefore = batcher.Metrics.Batches;
                var (seconds, latencies) = Load(client, lines, offline, concurrency).GetAwaiter().GetResult();
                double rate = lines.Count / seconds;
                double meanBatch = lines.Count / (double)Math.Max(1, batcher.Metrics.Batches - batchesBefore);
                yield return FormattableString.Invariant(
                    $"concurrency {concurrency,4} {rate,8:F1} sent/s  p50 {Quantile(latencies, 0.5),7:F1} ms  p99 {Quantile(latencies, 0.99),7:F1} ms  {rate / offlineRate:F2} of offline  (mean batch {meanBatch:F1} sentences)");
            }
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            batcher.Stop();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Every sentence once, as its own request, from <paramref name="concurrency"/> clients taking the next one in turn.</summary>
    private static async Task<(double Seconds, double[] LatenciesMs)> Load(HttpClient client, IReadOnlyList<string> lines, string[] expected, int concurrency)
    {
        var latencies = new double[lines.Count];
        int next = -1;
        var clock = Stopwatch.StartNew();
        async Task Client()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < lines.Count)
            {
                long start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/translate", new { text = lines[i] });
                string body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new UserError($"request {i + 1} answered {(int)response.StatusCode}: {body}");
                string? text = JsonDocument.Parse(body).RootElement.GetProperty("translation").GetString();
                if (text != expected[i]) throw new InvalidOperationException($"line {i + 1}: the server translated '{text}', offline translate '{expected[i]}'");
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Client)));
        return (clock.Elapsed.TotalSeconds, latencies);
    }

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}

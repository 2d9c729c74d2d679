using System.Globalization;
using System.Text;

namespace Seq2Seq.Serving;

/// <summary>
/// Counters of a <see cref="BatchingTranslator"/>, safe to read while it works, rendered in the
/// Prometheus text exposition format. Latencies are kept for the last <see cref="LatencyWindow"/>
/// requests, so their percentiles describe recent traffic.
/// </summary>
public sealed class ServingMetrics
{
    public const int LatencyWindow = 1000;

    private readonly object gate = new();
    private readonly double[] latencies = new double[LatencyWindow];
    private int latencyCount, latencyNext;
    private long requests, sentences, batches, batchSentences, refused, failed;
    private int largestBatch;

    public long Requests { get { lock (gate) return requests; } }
    public long Sentences { get { lock (gate) return sentences; } }
    public long Batches { get { lock (gate) return batches; } }
    public int LargestBatch { get { lock (gate) return largestBatch; } }

    /// <summary>Sentences waiting now (set by the translator).</summary>
    public int QueuedSentences { get; internal set; }

    internal void Refused() { lock (gate) refused++; }

    internal void Failed() { lock (gate) failed++; }

    internal void Batch(int sentenceCount)
    {
        lock (gate)
        {
            batches++;
            batchSentences += sentenceCount;
            largestBatch = Math.Max(largestBatch, sentenceCount);
        }
    }

    internal void Completed(int sentenceCount, TimeSpan latency)
    {
        lock (gate)
        {
            requests++;
            sentences += sentenceCount;
            latencies[latencyNext] = latency.TotalSeconds;
            latencyNext = (latencyNext + 1) % LatencyWindow;
            latencyCount = Math.Min(latencyCount + 1, LatencyWindow);
        }
    }

    /// <summary>The <paramref name="q"/>-quantile (0..1) of the recent latencies in seconds, nearest rank; NaN before any request.</summary>
    public double LatencyQuantile(double q)
    {
        lock (gate)
        {
            if (latencyCount == 0) return double.NaN;
            var sorted = latencies.Take(latencyCount).Order().ToArray();
            int rank = (int)Math.Ceiling(q * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    /// <summary>The metrics in the Prometheus text format (version 0.0.4).</summary>
    public string Prometheus()
    {
        var text = new StringBuilder();
        void Metric(string name, string type, string help, params (string Labels, double Value)[] samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP seq2seq_{name} {help}\n# TYPE seq2seq_{name} {type}\n");
            foreach (var (labels, value) in samples)
            {
                text.Append("seq2seq_").Append(name).Append(labels).Append(' ').Append(Format(value)).Append('\n');
            }
        }
        lock (gate)
        {
            Metric("requests_total", "counter", "Translation requests answered.", ("", requests));
            Metric("requests_refused_total", "counter", "Requests refused because the queue was full.", ("", refused));
            Metric("requests_failed_total", "counter", "Requests whose decoding failed.", ("", failed));
            Metric("sentences_total", "counter", "Sentences translated.", ("", sentences));
            Metric("batches_total", "counter", "Decoding batches run (requests merged into one search call).", ("", batches));
            Metric("batch_sentences_total", "counter", "Sentences over all batches (divide by batches_total for the mean batch size).", ("", batchSentences));
            Metric("batch_sentences_max", "gauge", "Sentences in the largest batch so far.", ("", largestBatch));
        }
        Metric("queue_sentences", "gauge", "Sentences waiting for the decoding worker.", ("", QueuedSentences));
        Metric("request_latency_seconds", "summary", $"Request latency from arrival to answer, over the last {LatencyWindow} requests.",
            ("{quantile=\"0.5\"}", LatencyQuantile(0.5)), ("{quantile=\"0.9\"}", LatencyQuantile(0.9)), ("{quantile=\"0.99\"}", LatencyQuantile(0.99)));
        return text.ToString();
    }

    private static string Format(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
}

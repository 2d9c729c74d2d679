using Seq2Seq.Decoding;
using Seq2Seq.Serving;
using Seq2Seq.Tests.Decoding;

namespace Seq2Seq.Tests.Serving;

public class BatchingTranslatorTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RequestsWithOtherSearchSettingsAreNotMergedAndEachGetsItsOwn()
    {
        using var translator = Translator.Load(fixture.Package);
        using var batching = new BatchingTranslator(translator, new ServingOptions { MaxWait = TimeSpan.FromMilliseconds(100) });
        var beam3 = translator.DefaultOptions with { BeamSize = 3 };
        var greedy = translator.DefaultOptions with { BeamSize = 1 };
        var a = batching.TranslateAsync(fixture.Lines, beam3);
        var b = batching.TranslateAsync(fixture.Lines, greedy);
        var (ra, rb) = (await a.WaitAsync(Bound), await b.WaitAsync(Bound));
        Assert.Equal(fixture.CheckpointTranslations, ra.Results.Select(r => r.Text).ToArray());
        Assert.Equal(translator.Translate(fixture.Lines, beam: 1), rb.Results.Select(r => r.Text).ToArray());
        Assert.Equal(2, batching.Metrics.Batches);
    }

    [Fact]
    public async Task ACancelledRequestLeavesTheQueue()
    {
        using var translator = Translator.Load(fixture.Package);
        using var batching = new BatchingTranslator(translator, new ServingOptions { MaxWait = TimeSpan.FromSeconds(30), MaxBatchTokens = 1_000_000 });
        using var cancel = new CancellationTokenSource();
        var waiting = batching.TranslateAsync(fixture.Lines, translator.DefaultOptions, cancel.Token);
        Assert.Equal(fixture.Lines.Count, batching.Metrics.QueuedSentences);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bound));
        Assert.Equal(0, batching.Metrics.QueuedSentences);
        Assert.Equal(0, batching.Metrics.Batches);
    }

    [Fact]
    public async Task StopFinishesTheQueueAndRefusesNewRequests()
    {
        using var translator = Translator.Load(fixture.Package);
        var batching = new BatchingTranslator(translator, new ServingOptions { MaxWait = TimeSpan.FromSeconds(30), MaxBatchTokens = 1_000_000 });
        var waiting = batching.TranslateAsync(fixture.Lines, translator.DefaultOptions with { BeamSize = 3 });
        batching.Stop();
        Assert.Equal(fixture.CheckpointTranslations, (await waiting.WaitAsync(Bound)).Results.Select(r => r.Text).ToArray());
        Assert.Throws<StoppingException>(() => { _ = batching.TranslateAsync(["a"], translator.DefaultOptions); }); // refused at once, not later
    }

    [Fact]
    public void AFullQueueRefusesAndCountsIt()
    {
        using var translator = Translator.Load(fixture.Package);
        using var batching = new BatchingTranslator(translator, new ServingOptions { MaxWait = TimeSpan.FromSeconds(30), MaxBatchTokens = 1_000_000, MaxQueuedSentences = 3 });
        _ = batching.TranslateAsync(["a", "b"], translator.DefaultOptions);
        var full = Assert.Throws<QueueFullException>(() => { _ = batching.TranslateAsync(["c", "d"], translator.DefaultOptions); });
        Assert.Contains("2 sentences waiting, limit 3", full.Message);
        Assert.Contains("seq2seq_requests_refused_total 1\n", batching.Metrics.Prometheus());
    }
}

public class ServingMetricsTests
{
    [Fact]
    public void QuantilesAreNearestRankOverTheRecentWindow()
    {
        var metrics = new ServingMetrics();
        Assert.True(double.IsNaN(metrics.LatencyQuantile(0.5)));
        for (int ms = 1; ms <= 100; ms++) metrics.Completed(1, TimeSpan.FromMilliseconds(ms));
        Assert.Equal(0.050, metrics.LatencyQuantile(0.5), 9);
        Assert.Equal(0.099, metrics.LatencyQuantile(0.99), 9);
        Assert.Equal(0.100, metrics.LatencyQuantile(1.0), 9);
        // After a full window of slow requests, the fast ones no longer count.
        for (int i = 0; i < ServingMetrics.LatencyWindow; i++) metrics.Completed(1, TimeSpan.FromSeconds(2));
        Assert.Equal(2.0, metrics.LatencyQuantile(0.5), 9);
        Assert.Equal(100 + ServingMetrics.LatencyWindow, metrics.Requests);
    }

    [Fact]
    public void PrometheusTextHasHelpTypeAndOneSamplePerLine()
    {
        var metrics = new ServingMetrics();
        metrics.Batch(3);
        metrics.Completed(3, TimeSpan.FromMilliseconds(250));
        string text = metrics.Prometheus();
        Assert.EndsWith("\n", text);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Assert.Matches(@"^(# (HELP|TYPE) seq2seq_[a-z_]+ .+|seq2seq_[a-z_]+(\{quantile=""0\.[0-9]+""\})? (NaN|[0-9.E+-]+))$", line);
        }
        Assert.Contains("seq2seq_batch_sentences_max 3\n", text);
        Assert.Contains("seq2seq_request_latency_seconds{quantile=\"0.5\"} 0.25\n", text);
    }
}

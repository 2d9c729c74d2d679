using Seq2Seq.Cli.Serving;
using Seq2Seq.Decoding;
using Seq2Seq.Serving;
using Seq2Seq.Tests.Decoding;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Seq2Seq.Tests.Serving;

public class ServerTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/translate", Json(body));
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Texts(JsonElement body) => body.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray();

    [Fact]
    public async Task TranslatesOneTextAndAListInInputOrder()
    {
        await using var server = await RunningServer.Start(fixture.Package);
        var (status, single) = await Post(server.Client, JsonSerializer.Serialize(new { text = fixture.Lines[0], beam = 3 }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.CheckpointTranslations[0], single.GetProperty("translation").GetString());

        var (_, list) = await Post(server.Client, JsonSerializer.Serialize(new { texts = fixture.Lines, beam = 3 }));
        Assert.Equal(fixture.CheckpointTranslations, Texts(list));
        Assert.False(list.TryGetProperty("translation", out _)); // only for "text"
    }

    [Fact]
    public async Task ASentencesTranslationDoesNotDependOnWhatSharedItsBatch()
    {
        // Every line alone, all sent at once: the worker merges what waits (up to 200 ms) into batches.
        var options = new ServingOptions { MaxWait = TimeSpan.FromMilliseconds(200), MaxBatchTokens = 100_000 };
        await using var server = await RunningServer.Start(fixture.Package, options);
        using var cancel = new CancellationTokenSource(Bound);
        var requests = fixture.Lines.Select(line => Post(server.Client, JsonSerializer.Serialize(new { text = line, beam = 3 }))).ToArray();
        var answers = await Task.WhenAll(requests).WaitAsync(cancel.Token);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(fixture.CheckpointTranslations, answers.Select(a => a.Body.GetProperty("translation").GetString()!).ToArray());
        Assert.True(server.Batching.Metrics.LargestBatch > 1, "no two requests shared a batch; the test did not test batching");
        Assert.True(server.Batching.Metrics.Batches < fixture.Lines.Count);
    }

    [Fact]
    public async Task UnderLoadEveryAnswerArrivesInOrderAndEqualsOfflineTranslate()
    {
        // 8 clients x 6 requests of 1 to 5 random lines each, all at once; bounded in count and in time.
        const int Clients = 8, RequestsPerClient = 6;
        var random = new Random(20261203);
        var pool = fixture.Lines.Concat(fixture.Lines.Select(l => string.Join(' ', l.Split(' ').Reverse()))).Distinct().ToArray();
        var requests = Enumerable.Range(0, Clients).Select(_ => Enumerable.Range(0, RequestsPerClient)
            .Select(_ => Enumerable.Range(0, random.Next(1, 6)).Select(_ => pool[random.Next(pool.Length)]).ToArray()).ToArray()).ToArray();
        string[] offline;
        using (var translator = Translator.Load(fixture.Package))
        {
            offline = translator.Translate(pool, beam: 3).ToArray();
        }
        var expected = pool.Select((line, i) => (line, offline[i])).ToDictionary(p => p.line, p => p.Item2);

        await using var server = await RunningServer.Start(fixture.Package, new ServingOptions { MaxWait = TimeSpan.FromMilliseconds(20) });
        using var cancel = new CancellationTokenSource(Bound);
        async Task Client(string[][] mine)
        {
            foreach (var texts in mine)
            {
                var (status, body) = await Post(server.Client, JsonSerializer.Serialize(new { texts, beam = 3 })).WaitAsync(cancel.Token);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(texts.Select(t => expected[t]), Texts(body));
            }
        }
        await Task.WhenAll(requests.Select(mine => Task.Run(() => Client(mine)))).WaitAsync(cancel.Token);
        Assert.Equal(Clients * RequestsPerClient, server.Batching.Metrics.Requests);
        Assert.True(server.Batching.Metrics.LargestBatch > 5, "no two requests ever shared a batch; the load did not test batching");
    }

    [Theory]
    [InlineData("not json", 400, "not valid JSON")]
    [InlineData("[1, 2]", 400, "must be a JSON object, not a list")]
    [InlineData("{}", 400, "give either 'text'")]
    [InlineData("""{"text": "a", "texts": ["b"]}""", 400, "give either 'text'")]
    [InlineData("""{"texts": []}""", 400, "'texts' is an empty list")]
    [InlineData("""{"texts": ["a", 3]}""", 400, "'texts[1]' must be a string, not a number")]
    [InlineData("""{"text": null}""", 400, "'text' must be a string, not null")]
    [InlineData("""{"text": "a", "beam": 0}""", 400, "'beam' is 0; it must be between 1 and 32")]
    [InlineData("""{"text": "a", "beam": 33}""", 400, "'beam' is 33")]
    [InlineData("""{"text": "a", "beam": 2.5}""", 400, "'beam' must be an integer, not 2.5")]
    [InlineData("""{"text": "a", "beam": "5"}""", 400, "'beam' must be an integer, not a string")]
    [InlineData("""{"text": "a", "beam": 2, "nbest": 3}""", 400, "more than the beam size 2")]
    [InlineData("""{"text": "a", "alpha": -1}""", 400, "'alpha' is -1")]
    [InlineData("""{"text": "a", "alignments": 1}""", 400, "'alignments' must be true or false")]
    [InlineData("""{"text": "a", "txt": 1}""", 400, "unknown field 'txt'")]
    [InlineData("""{"text": "a", "text": "b"}""", 400, "'text' is given twice")]
    public async Task BadRequestsGetAClearErrorAndTheServerStaysUp(string body, int status, string message)
    {
        await using var server = await RunningServer.Start(fixture.Package);
        var (code, error) = await Post(server.Client, body);
        Assert.Equal(status, (int)code);
        Assert.Equal(status, error.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Contains(message, error.GetProperty("error").GetProperty("message").GetString());
        var (after, _) = await Post(server.Client, """{"text": "a b c"}""");
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task InvalidUtf8WrongMethodsAndContentTypesAreRefused()
    {
        await using var server = await RunningServer.Start(fixture.Package);
        var bytes = new ByteArrayContent([.. "{\"text\": \""u8, 0xFF, 0xFE, .. "\"}"u8]);
        bytes.Headers.ContentType = new("application/json");
        using var utf8 = await server.Client.PostAsync("/translate", bytes);
        Assert.Equal(HttpStatusCode.BadRequest, utf8.StatusCode);
        Assert.Contains("'text' is not valid UTF-8", await utf8.Content.ReadAsStringAsync());

        using var form = await server.Client.PostAsync("/translate", new StringContent("""{"text": "a"}""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using var get = await server.Client.GetAsync("/translate");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var missing = await server.Client.GetAsync("/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no endpoint GET /nowhere", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LimitsOnBodySizeSentencesAndTextLengthAnswer413()
    {
        var limits = new RequestLimits { MaxBodyBytes = 2000, MaxSentences = 3, MaxTextChars = 50 };
        await using var server = await RunningServer.Start(fixture.Package, limits: limits);
        var (body, e1) = await Post(server.Client, JsonSerializer.Serialize(new { text = new string('a', 3000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body);
        Assert.Contains("larger than the limit of 2,000 bytes", e1.ToString());
        var (count, e2) = await Post(server.Client, JsonSerializer.Serialize(new { texts = new[] { "a", "b", "c", "d" } }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, count);
        Assert.Contains("4 sentences; the limit per request is 3", e2.ToString());
        var (length, e3) = await Post(server.Client, JsonSerializer.Serialize(new { texts = new[] { "a", new string('b', 51) } }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, length);
        Assert.Contains("'texts[1]' has 51 characters", e3.ToString());
    }

    [Fact]
    public async Task AFullQueueAnswers503WithRetryAfterAndStoppingFinishesWhatWaits()
    {
        // The first request waits in the queue (a batch may wait 30 s to fill); the queue holds 2 sentences.
        var options = new ServingOptions { MaxWait = TimeSpan.FromSeconds(30), MaxBatchTokens = 1_000_000, MaxQueuedSentences = 2 };
        await using var server = await RunningServer.Start(fixture.Package, options);
        var waiting = Post(server.Client, JsonSerializer.Serialize(new { texts = fixture.Lines.Take(2), beam = 3 }));
        var deadline = DateTime.UtcNow + Bound;
        while (server.Batching.Metrics.QueuedSentences < 2 && DateTime.UtcNow < deadline) await Task.Delay(10);

        using var refused = await server.Client.PostAsync("/translate", Json("""{"text": "one more"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("queue is full", await refused.Content.ReadAsStringAsync());

        await server.Stop(); // drains: the waiting request is answered, not dropped
        var (status, body) = await waiting.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.CheckpointTranslations.Take(2), Texts(body));
    }

    [Fact]
    public async Task NBestAlignmentsAndTruncationAreReported()
    {
        await using var server = await RunningServer.Start(fixture.Package);
        int limit;
        using (var t = Translator.Load(fixture.Package)) limit = t.MaxSourceLength;
        string longLine = string.Join(' ', Enumerable.Repeat(fixture.Lines[0], limit));
        var (status, body) = await Post(server.Client, JsonSerializer.Serialize(new { texts = new[] { fixture.Lines[0], longLine }, beam = 3, nbest = 2, alignments = true }));
        Assert.Equal(HttpStatusCode.OK, status);
        var first = body.GetProperty("translations")[0];
        Assert.Equal(2, first.GetProperty("nbest").GetArrayLength());
        var alignment = first.GetProperty("alignment");
        int rows = alignment.GetProperty("weights").GetArrayLength();
        Assert.Equal(alignment.GetProperty("target_tokens").GetArrayLength(), rows);
        Assert.Equal(alignment.GetProperty("source_tokens").GetArrayLength(), alignment.GetProperty("weights")[0].GetArrayLength());
        var truncated = body.GetProperty("truncated").EnumerateArray().Single();
        Assert.Equal(1, truncated.GetProperty("index").GetInt32());
        Assert.Equal(limit, truncated.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task HealthInfoMetricsAndOpenApiDescribeTheServer()
    {
        await using var server = await RunningServer.Start(fixture.Package);
        await Post(server.Client, """{"texts": ["a b", "c d e"]}""");
        var health = JsonDocument.Parse(await server.Client.GetStringAsync("/health")).RootElement;
        Assert.Equal("ready", health.GetProperty("status").GetString());

        var info = JsonDocument.Parse(await server.Client.GetStringAsync("/info")).RootElement;
        using var translator = Translator.Load(fixture.Package);
        Assert.Equal(translator.ParameterCount, info.GetProperty("parameters").GetInt64());
        Assert.Equal(translator.Target.Vocabulary.Count, info.GetProperty("target_vocabulary").GetInt32());
        Assert.Equal(translator.Config.Decoding.BeamSize, info.GetProperty("search").GetProperty("beam_size").GetInt32());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("version").GetString()));

        string metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("seq2seq_requests_total 1\n", metrics);
        Assert.Contains("seq2seq_sentences_total 2\n", metrics);
        Assert.Contains("# TYPE seq2seq_request_latency_seconds summary", metrics);
        Assert.Matches(@"seq2seq_request_latency_seconds\{quantile=""0.99""\} [0-9.E-]+\n", metrics);

        var openApi = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/translate", "/health", "/info", "/metrics" }) Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(openApi.GetProperty("components").GetProperty("schemas").TryGetProperty("TranslateResponse", out _));
    }
}

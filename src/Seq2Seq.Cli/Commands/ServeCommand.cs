using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Seq2Seq.Cli.Serving;
using Seq2Seq.Configuration;
using Seq2Seq.Decoding;
using Seq2Seq.Serving;
using System.CommandLine;

namespace Seq2Seq.Cli.Commands;

public sealed class ServeCommand : Verb
{
    private readonly Option<string[]> models = CliOptions.Models();
    private readonly Option<string?> urlsOption = CliOptions.Text("--urls", "URLS", "where to listen, ';'-separated (default http://127.0.0.1:8080)");
    private readonly BatchingOptions batchingOptions = new();
    private readonly Option<int?> threadsOption = CliOptions.Threads("decoding");
    private readonly Option<int?> maxQueue = CliOptions.Int("--max-queue", "N", $"sentences waiting at most before 503 (default {new ServingOptions().MaxQueuedSentences})", 1, 10_000_000);
    private static readonly RequestLimits DefaultLimits = new();
    private readonly Option<int?> maxSentences = CliOptions.Int("--max-sentences", "N", $"texts per request at most (default {DefaultLimits.MaxSentences})", 1, 1_000_000);
    private readonly Option<int?> maxBeam = CliOptions.Int("--max-beam", "K", $"largest beam (and nbest) a request may ask for (default {DefaultLimits.MaxBeam})", 1, DecodingConfig.MaxBeamSize);
    private readonly Option<int?> maxBody = CliOptions.Int("--max-body-bytes", "N", $"largest request body (default {DefaultLimits.MaxBodyBytes})", 1);

    public ServeCommand() : base("serve", "serve translations over HTTP, batching concurrent requests", """
        Loads the model once and answers HTTP requests; one decoding worker owns the model and
        decodes what is waiting as one length-sorted batch, so concurrent requests share the work.
        A sentence's translation does not depend on the others in its batch.
          POST /translate   {"text": "..."} or {"texts": [...], "beam": 5, "nbest": 1, "alpha": 1.0,
                            "alignments": false}  ->  {"translation": ..., "translations": [{"text": ...,
                            "nbest": [...], "alignment": {...}}], "truncated": [...]}
          GET  /health      200 {"status": "ready"}; 503 while shutting down
          GET  /info        languages, vocabulary sizes, parameters, default search settings, version
          GET  /metrics     Prometheus text: requests, sentences, batches, queue, latency quantiles
          GET  /openapi/v1.json  the OpenAPI document
        Refused requests get a 4xx JSON error naming the field: invalid JSON or UTF-8, unknown or
        mistyped fields, an empty list, beam or nbest out of range (400); a body over
        --max-body-bytes, more than --max-sentences texts or a text over 10,000 characters (413).
        A text longer than the model's source limit (4 x data.max_length subword tokens, at least
        256) is cut, as translate does, and listed in "truncated". A full queue answers 503 with
        Retry-After. SIGTERM or Ctrl+C finishes the requests in flight and exits 0.
        """)
    {
        Declare(models, urlsOption, batchingOptions.MaxBatchTokens, batchingOptions.MaxWaitMilliseconds, threadsOption, maxQueue, maxSentences, maxBeam, maxBody);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        var models = parse.GetValue(this.models)!;
        var urls = (parse.GetValue(urlsOption) ?? "http://127.0.0.1:8080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0) throw new UserError("--urls: no address given");
        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UserError($"--urls: '{url}' is not an address like http://127.0.0.1:8080");
            }
        }
        var queueing = batchingOptions.Read(parse);
        if (parse.GetValue(maxQueue) is int queue) queueing = queueing with { MaxQueuedSentences = queue };
        var settings = new ServerSettings
        {
            Urls = urls,
            Batching = queueing,
            Limits = DefaultLimits with
            {
                MaxSentences = parse.GetValue(maxSentences) ?? DefaultLimits.MaxSentences,
                MaxBeam = parse.GetValue(maxBeam) ?? DefaultLimits.MaxBeam,
                MaxBodyBytes = parse.GetValue(maxBody) ?? DefaultLimits.MaxBodyBytes,
            },
        };
        int? threads = parse.GetValue(threadsOption);
        if (settings.Limits.MaxSentences > settings.Batching.MaxQueuedSentences)
        {
            throw new UserError($"--max-sentences {settings.Limits.MaxSentences} is more than --max-queue {settings.Batching.MaxQueuedSentences}: such a request could never be queued");
        }

        TorchSharp.torch.set_num_threads(threads ?? Environment.ProcessorCount);
        using var translator = Translator.Load(models);
        using var batching = new BatchingTranslator(translator, settings.Batching);
        var app = TranslationServer.Build(batching, settings, models);
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            throw new UserError($"--urls {string.Join(";", urls)}: cannot listen ({e.Message})");
        }
        error.WriteLine($"serving {string.Join(", ", models)} ({translator.Config.Data.SrcLang} -> {translator.Config.Data.TrgLang}, {translator.ParameterCount:N0} parameters) on {string.Join(", ", app.Urls)}");
        app.WaitForShutdown();
        batching.Stop();
        error.WriteLine($"stopped after {batching.Metrics.Requests:N0} requests ({batching.Metrics.Sentences:N0} sentences)");
        return 0;
    }
}

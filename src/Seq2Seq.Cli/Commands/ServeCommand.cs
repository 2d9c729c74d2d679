using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Seq2Seq.Cli.Serving;
using Seq2Seq.Configuration;
using Seq2Seq.Decoding;
using Seq2Seq.Serving;

namespace Seq2Seq.Cli.Commands;

public sealed class ServeCommand : ICommand
{
    public string Name => "serve";
    public string Summary => "serve translations over HTTP, batching concurrent requests";
    public string Usage => "--model MODEL [--model MODEL ...] [--urls http://127.0.0.1:8080] [--max-batch-tokens N] [--max-wait-ms W] [--threads N] [--max-queue N] [--max-sentences N] [--max-beam K] [--max-body-bytes N]";
    public string Help => """
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
          --model FILE          a checkpoint or exported model; several: an ensemble
          --urls URLS           where to listen, ';'-separated (default http://127.0.0.1:8080)
          --max-batch-tokens N  source tokens merged into one decoding call (default 4000)
          --max-wait-ms W       how long a request waits for others to join it (default 5)
          --threads N           CPU threads for decoding (default: all cores)
          --max-queue N         sentences waiting at most before 503 (default 4096)
          --max-sentences N     texts per request at most (default 256)
          --max-beam K          largest beam (and nbest) a request may ask for (default 32)
          --max-body-bytes N    largest request body (default 1048576)
        """;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var models = arguments.Options("model");
        if (models.Count == 0) throw new UserError("missing --model (seq2seq serve --help)");
        var urls = (arguments.Option("urls") ?? "http://127.0.0.1:8080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0) throw new UserError("--urls: no address given");
        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UserError($"--urls: '{url}' is not an address like http://127.0.0.1:8080");
            }
        }
        var settings = new ServerSettings
        {
            Urls = urls,
            Batching = new ServingOptions
            {
                MaxBatchTokens = arguments.Int("max-batch-tokens", 1, DecodingConfig.MaxBatchTokens) ?? 4000,
                MaxWait = TimeSpan.FromMilliseconds(arguments.Int("max-wait-ms", 0, 60_000) ?? 5),
                MaxQueuedSentences = arguments.Int("max-queue", 1, 10_000_000) ?? 4096,
            },
            Limits = new RequestLimits
            {
                MaxSentences = arguments.Int("max-sentences", 1, 1_000_000) ?? 256,
                MaxBeam = arguments.Int("max-beam", 1, DecodingConfig.MaxBeamSize) ?? 32,
                MaxBodyBytes = arguments.Int("max-body-bytes", 1, int.MaxValue) ?? (1 << 20),
            },
        };
        int? threads = arguments.Int("threads", 1, TranslateCommand.MaxThreads);
        arguments.RejectUnknown(0);
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

using Microsoft.AspNetCore.Builder;
using Seq2Seq.Cli.Serving;
using Seq2Seq.Decoding;
using Seq2Seq.Serving;

namespace Seq2Seq.Tests.Serving;

/// <summary>The translation server in this process, on 127.0.0.1 and a port the system picks, with a client for it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Translator translator;
    private bool stopped;

    public BatchingTranslator Batching { get; }
    public HttpClient Client { get; }

    private RunningServer(WebApplication app, Translator translator, BatchingTranslator batching)
    {
        (this.app, this.translator, Batching) = (app, translator, batching);
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<RunningServer> Start(string model, ServingOptions? batching = null, RequestLimits? limits = null)
    {
        var translator = Translator.Load(model);
        var batcher = new BatchingTranslator(translator, batching ?? new ServingOptions());
        var settings = new ServerSettings { Urls = ["http://127.0.0.1:0"], Batching = batching ?? new ServingOptions(), Limits = limits ?? new RequestLimits() };
        var app = TranslationServer.Build(batcher, settings, [model]);
        await app.StartAsync();
        return new RunningServer(app, translator, batcher);
    }

    /// <summary>Stops listening after the requests in flight, then lets the worker finish the queue.</summary>
    public async Task Stop()
    {
        if (stopped) return;
        stopped = true;
        await app.StopAsync();
        Batching.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        Client.Dispose();
        await app.DisposeAsync();
        translator.Dispose();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seq2Seq.Decoding;
using Seq2Seq.Serving;
using System.Reflection;
using System.Text.Json;

namespace Seq2Seq.Cli.Serving;

/// <summary>What 'seq2seq serve' was asked for.</summary>
public sealed record ServerSettings
{
    public required IReadOnlyList<string> Urls { get; init; }
    public ServingOptions Batching { get; init; } = new();
    public RequestLimits Limits { get; init; } = new();
}

/// <summary>
/// The HTTP face of a <see cref="BatchingTranslator"/>: an ASP.NET Core minimal API with
/// POST /translate, GET /health, /info, /metrics (Prometheus text) and /openapi/v1.json. Every
/// refused request is a 4xx JSON body <c>{"error": {"status": N, "message": "..."}}</c>; a full
/// queue is 503 with Retry-After. On SIGTERM or Ctrl+C the host stops listening and finishes the
/// requests in flight; the caller then stops the translator.
/// </summary>
public static class TranslationServer
{
    /// <summary>snake_case names, no null fields, and text as written (no \uXXXX for quotes or accents; this is an API, not HTML).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WebApplication Build(BatchingTranslator translator, ServerSettings settings, IReadOnlyList<string> modelPaths)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = Json.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = Json.DefaultIgnoreCondition;
        });
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.Limits.MaxBodyBytes);
        var app = builder.Build();

        bool draining = false;
        // Stopping: the host waits for the requests in flight, so the queued ones are decoded now
        // instead of waiting out --max-wait-ms for company that will not come.
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            draining = true;
            translator.BeginStop();
        });
        app.MapOpenApi();
        app.MapPost("/translate", Task<IResult> (HttpContext context) => Translate(context, translator, settings.Limits))
            .Accepts<TranslateBody>("application/json")
            .Produces<TranslateResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Translate one text or a list of texts, in input order.");
        app.MapGet("/health", () => draining
                ? Results.Json(new { status = "draining" }, Json, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Json(new { status = "ready" }, Json))
            .WithSummary("Ready once the model is loaded; 503 while shutting down.");
        var info = Info(translator.Translator, modelPaths);
        app.MapGet("/info", () => Results.Json(info, Json)).WithSummary("The model and the default search settings.");
        app.MapGet("/metrics", () => Results.Text(translator.Metrics.Prometheus(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithSummary("Requests, sentences, batches, queue length and latency percentiles (Prometheus text format).");
        app.MapFallback(NotFound);
        return app;
    }

    /// <summary>What no endpoint took: a known path asked the wrong way (method, content type), or an unknown one.</summary>
    private static IResult NotFound(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/translate")
        {
            return request.Method != HttpMethods.Post
                ? Error(StatusCodes.Status405MethodNotAllowed, $"{request.Method} /translate: use POST")
                : Error(StatusCodes.Status415UnsupportedMediaType, $"the body must be JSON, sent with 'Content-Type: application/json' (got '{request.ContentType}')");
        }
        return Error(StatusCodes.Status404NotFound, $"no endpoint {request.Method} {request.Path}; the API is described at /openapi/v1.json");
    }

    private static async Task<IResult> Translate(HttpContext context, BatchingTranslator translator, RequestLimits limits)
    {
        TranslateRequest request;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            request = TranslateRequest.Parse(body.RootElement, translator.Translator.DefaultOptions, limits);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"the body is not valid JSON ({e.Message})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than the limit of {limits.MaxBodyBytes:N0} bytes");
        }
        catch (RequestError e)
        {
            return Error(e.Status, e.Message);
        }
        try
        {
            var served = await translator.TranslateAsync(request.Texts, request.Search, context.RequestAborted);
            return Results.Json(Response(request, served), Json);
        }
        catch (QueueFullException e)
        {
            context.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        catch (StoppingException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    private static TranslateResponse Response(TranslateRequest request, ServedTranslation served)
    {
        var translations = served.Results.Select(r => new TranslationItem(
            r.Text,
            request.Search.NBest > 1 ? r.NBest.Select(n => new NBestItem(n.Text, n.Hypothesis.Score)).ToArray() : null,
            request.Alignments ? AlignmentItem.From(AttentionOutput.AlignmentOf(r)) : null)).ToArray();
        var truncated = served.Truncations.Select(t => new TruncationItem(t.Line, t.Tokens, t.Limit)).ToArray();
        return new TranslateResponse(request.Single ? translations[0].Text : null, translations, truncated);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new ErrorResponse(new ErrorDetail(status, message)), Json, statusCode: status);

    private static InfoResponse Info(Translator translator, IReadOnlyList<string> modelPaths)
    {
        var config = translator.Config;
        var defaults = translator.DefaultOptions;
        return new InfoResponse(
            modelPaths, config.Data.SrcLang, config.Data.TrgLang, translator.Source.Vocabulary.Count, translator.Target.Vocabulary.Count,
            translator.ParameterCount, translator.MaxSourceLength,
            new SearchDefaults(defaults.BeamSize, defaults.LengthPenalty, defaults.MaxLengthRatio, defaults.MaxLengthOffset),
            ProgramVersion.Informational);
    }
}

/// <summary>The request body, for the OpenAPI document (the handler checks the JSON itself, field by field).</summary>
public sealed record TranslateBody(string? Text, string[]? Texts, int? Beam, int? Nbest, double? Alpha, bool? Alignments);

public sealed record TranslateResponse(string? Translation, TranslationItem[] Translations, TruncationItem[] Truncated);

public sealed record TranslationItem(string Text, NBestItem[]? Nbest, AlignmentItem? Alignment);

public sealed record NBestItem(string Text, double Score);

/// <summary>Attention of the best hypothesis: one row per output token (eos included), one column per source subword.</summary>
public sealed record AlignmentItem(IReadOnlyList<string> SourceTokens, IReadOnlyList<string> TargetTokens, float[][] Weights, int[][] Pairs)
{
    public static AlignmentItem From(AttentionOutput.Alignment a) => new(a.Source, a.Target, a.Attention, a.Pairs);
}

/// <summary>A text cut to the model's source length limit: its index in the request, its length and the limit (subword tokens).</summary>
public sealed record TruncationItem(int Index, int Tokens, int Limit);

public sealed record ErrorResponse(ErrorDetail Error);

public sealed record ErrorDetail(int Status, string Message);

public sealed record InfoResponse(IReadOnlyList<string> Models, string SourceLanguage, string TargetLanguage, int SourceVocabulary, int TargetVocabulary,
    long Parameters, int MaxSourceTokens, SearchDefaults Search, string Version);

public sealed record SearchDefaults(int BeamSize, double LengthPenalty, double MaxLengthRatio, int MaxLengthOffset);

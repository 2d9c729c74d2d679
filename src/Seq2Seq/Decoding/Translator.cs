using Seq2Seq.Configuration;
using Seq2Seq.Model;
using Seq2Seq.Reporting;
using Seq2Seq.Tokenization;
using Seq2Seq.Training;

namespace Seq2Seq.Decoding;

/// <summary>
/// Translates raw text with a trained model: applies the model's own normalization and tokenizer,
/// searches in batches, and detokenizes. One output per input, in input order; an empty line gives
/// an empty line. The library entry point for .NET programs:
/// <code>using var t = Translator.Load("model.ckpt"); var outs = t.Translate(lines, beam: 5);</code>
/// </summary>
public sealed class Translator : IDisposable
{
    private readonly TranslationModel model;

    public ExperimentConfig Config { get; }
    public TextPipeline Source { get; }
    public TextPipeline Target { get; }

    /// <summary>Longest source (in subword tokens) the model is fed; longer lines are truncated.</summary>
    public int MaxSourceLength { get; }

    private Translator(TranslationModel model, ExperimentConfig config, TextPipeline source, TextPipeline target)
    {
        this.model = model;
        Config = config;
        Source = source;
        Target = target;
        MaxSourceLength = Math.Max(config.Data.MaxLength * 4, 256);
    }

    public static Translator Load(string path)
    {
        Platform.NativeHeap.Configure();
        var checkpoint = Checkpoint.Load(path);
        var config = ConfigLoader.LoadFromText(checkpoint.ConfigJson, Path.GetFullPath(path) + ".config.json", $"{path} (embedded config)").Config;
        var source = TextPipeline.FromFiles(checkpoint.SourcePipeline, config.Data);
        var target = TextPipeline.FromFiles(checkpoint.TargetPipeline, config.Data);
        var model = new TranslationModel(config.Model, source.Vocabulary.Count, target.Vocabulary.Count);
        try
        {
            model.load(new MemoryStream(checkpoint.Weights));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or KeyNotFoundException)
        {
            model.Dispose();
            throw new UserError($"{path}: the weights do not fit the model its config describes ({e.Message})");
        }
        model.eval();
        return new Translator(model, config, source, target);
    }

    /// <summary>Default search settings: the model's decoding config.</summary>
    public SearchOptions DefaultOptions => SearchOptions.From(Config.Decoding);

    public IReadOnlyList<string> Translate(IReadOnlyList<string> lines, int? beam = null, double? alpha = null)
    {
        var options = DefaultOptions with
        {
            BeamSize = beam ?? Config.Decoding.BeamSize,
            LengthPenalty = alpha ?? Config.Decoding.LengthPenalty,
        };
        return TranslateDetailed(lines, options).Select(r => r.Text).ToArray();
    }

    /// <summary>A translation with its n-best list and, if requested, attention.</summary>
    public sealed record Result(string Text, IReadOnlyList<string> SourceTokens, IReadOnlyList<(string Text, IReadOnlyList<string> Tokens, Hypothesis Hypothesis)> NBest);

    public IReadOnlyList<Result> TranslateDetailed(IReadOnlyList<string> lines, SearchOptions options, int? batchTokens = null,
        ProgressBar? progress = null, Action<int, int>? onTruncated = null)
    {
        var sourceTokens = new List<IReadOnlyList<string>>(lines.Count);
        var ids = new List<int[]>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var tokens = Source.Tokenize(lines[i]);
            if (tokens.Count > MaxSourceLength)
            {
                onTruncated?.Invoke(i, tokens.Count);
                tokens = tokens.Take(MaxSourceLength).ToArray();
            }
            sourceTokens.Add(tokens);
            ids.Add(Source.Vocabulary.Encode(tokens));
        }
        var hypotheses = BatchDecoder.Decode(model, ids, options, batchTokens ?? Config.Decoding.BatchTokens, progress);
        return hypotheses.Select((list, i) =>
        {
            var nbest = list.Select(h =>
            {
                var tokens = Target.Vocabulary.Decode(h.Tokens);
                if (options.KeepAttention && Config.Decoding.ReplaceUnknown && h.Attention is not null)
                {
                    tokens = UnknownReplacement.Apply(tokens, h, sourceTokens[i]);
                }
                return (Target.Tokenizer.Decode(tokens), (IReadOnlyList<string>)tokens, h);
            }).ToArray();
            return new Result(nbest[0].Item1, sourceTokens[i], nbest);
        }).ToArray();
    }

    public void Dispose() => model.Dispose();
}

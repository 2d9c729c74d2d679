using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Files;
using Seq2Seq.Model;
using Seq2Seq.Packaging;
using Seq2Seq.Tokenization;

namespace Seq2Seq.Decoding;

/// <summary>
/// Translates raw text with a trained model, or an ensemble of models: applies each model's own
/// normalization and tokenizer to the source, searches in batches, and detokenizes. One output per
/// input, in input order; an empty line gives an empty line. The library entry point for .NET programs:
/// <code>using var t = Translator.Load("model.s2s"); IReadOnlyList&lt;string&gt; outs = t.Translate(lines, beam: 5);</code>
/// <para>
/// An ensemble (<see cref="Load(IReadOnlyList{string})"/> with several files) averages the models'
/// log-probabilities at every step. Its models must share the target vocabulary; each may have its
/// own source pipeline. The first model gives the config, default search settings, the target
/// pipeline, the source tokens of <see cref="Result.SourceTokens"/> and the attention weights.
/// </para>
/// </summary>
public sealed class Translator : IDisposable
{
    private readonly Member[] members;

    /// <summary>One loaded model with its source pipeline and source length limit.</summary>
    private sealed record Member(string Path, TranslationModel Model, ExperimentConfig Config, TextPipeline Source, TextPipeline Target, int MaxSourceLength);

    /// <summary>The config of the (first) model.</summary>
    public ExperimentConfig Config => members[0].Config;

    /// <summary>The source pipeline of the (first) model.</summary>
    public TextPipeline Source => members[0].Source;

    /// <summary>The target pipeline, shared by all models.</summary>
    public TextPipeline Target => members[0].Target;

    /// <summary>Parameters of all models together.</summary>
    public long ParameterCount => members.Sum(m => m.Model.ParameterCount);

    /// <summary>Number of models: 1, or the size of the ensemble.</summary>
    public int ModelCount => members.Length;

    /// <summary>Longest source (in subword tokens) the (first) model is fed; longer lines are truncated.</summary>
    public int MaxSourceLength => members[0].MaxSourceLength;

    /// <summary>Whether <see cref="Dispose"/> frees the models (not for a model the caller lent).</summary>
    private readonly bool ownsModels;

    private Translator(Member[] members, bool ownsModels = true) => (this.members, this.ownsModels) = (members, ownsModels);

    /// <summary>
    /// Translates with a model in memory, such as the one being trained (validation decodes the dev
    /// set through this, so validation and test decoding share one path). The caller keeps the model.
    /// </summary>
    public static Translator ForModel(TranslationModel model, ExperimentConfig config, TextPipeline source, TextPipeline target) =>
        new([new Member("(model in memory)", model, config, source, target, PreparedCorpus.InputLimit(config.Data))], ownsModels: false);

    /// <summary>Loads a checkpoint or exported model package.</summary>
    public static Translator Load(string path) => Load([path]);

    /// <summary>Loads one model, or several that are decoded together as an ensemble.</summary>
    public static Translator Load(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new UserError("no model given");
        ProcessMemory.NativeHeap.Configure();
        var members = new List<Member>();
        try
        {
            foreach (string path in paths)
            {
                var member = LoadMember(path);
                members.Add(member);
                CheckSharedTarget(members[0], member);
            }
            return new Translator([.. members]);
        }
        catch
        {
            foreach (var member in members) member.Model.Dispose();
            throw;
        }
    }

    private static Member LoadMember(string path)
    {
        var (config, source, target, model) = ModelLoader.Load(path);
        model.eval();
        return new Member(path, model, config, source, target, PreparedCorpus.InputLimit(config.Data));
    }

    /// <summary>Ensemble members must produce the same target ids for the same tokens.</summary>
    private static void CheckSharedTarget(Member first, Member other)
    {
        if (ReferenceEquals(first, other)) return;
        var a = first.Target.Vocabulary.Tokens;
        var b = other.Target.Vocabulary.Tokens;
        if (a.Count != b.Count)
        {
            throw new UserError($"{other.Path}: target vocabulary of {b.Count} tokens, {first.Path} has {a.Count}; an ensemble needs one shared target vocabulary");
        }
        for (int id = 0; id < a.Count; id++)
        {
            if (a[id] != b[id])
            {
                throw new UserError($"{other.Path}: target vocabulary differs from {first.Path}'s at id {id} ('{b[id]}' vs '{a[id]}'); an ensemble needs one shared target vocabulary");
            }
        }
    }

    /// <summary>Default search settings: the (first) model's decoding config.</summary>
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

    /// <summary>A line longer than a model's limit: 0-based line index, its length in tokens and the limit it was cut to; <see cref="Target"/> for the target side of <see cref="Score"/>.</summary>
    public sealed record Truncation(int Line, int Tokens, int Limit, bool Target = false);

    /// <summary>Each line through each model's source pipeline, cut to the model's limit: the first model's tokens, and every model's ids.</summary>
    private (List<IReadOnlyList<string>> Tokens, List<int[]>[] Ids) EncodeSources(IReadOnlyList<string> lines, Action<Truncation>? onTruncated)
    {
        var sourceTokens = new List<IReadOnlyList<string>>(lines.Count);
        var ids = members.Select(_ => new List<int[]>(lines.Count)).ToArray();
        for (int i = 0; i < lines.Count; i++)
        {
            bool reported = false;
            for (int m = 0; m < members.Length; m++)
            {
                var tokens = members[m].Source.Tokenize(lines[i]);
                if (tokens.Count > members[m].MaxSourceLength)
                {
                    if (!reported) onTruncated?.Invoke(new Truncation(i, tokens.Count, members[m].MaxSourceLength));
                    reported = true;
                    tokens = tokens.Take(members[m].MaxSourceLength).ToArray();
                }
                if (m == 0) sourceTokens.Add(tokens);
                ids[m].Add(members[m].Source.Vocabulary.Encode(tokens));
            }
        }
        return (sourceTokens, ids);
    }

    /// <summary>A given translation as the model scores it: its target tokens and the log-probability of each, then of eos.</summary>
    public sealed record ScoredTranslation(IReadOnlyList<string> Tokens, IReadOnlyList<float> TokenLogProbs)
    {
        /// <summary>The log-probability of the whole translation (eos included).</summary>
        public double LogProb => TokenLogProbs.Sum(p => (double)p);

        /// <summary>Scored positions: the tokens and eos.</summary>
        public int Length => TokenLogProbs.Count;
    }

    /// <summary>
    /// Forced decoding: scores each given translation of each source line under the model (an
    /// ensemble averages its members' log-probabilities, as in search). Both sides go through the
    /// model's own pipelines; a side longer than the model's limit is cut (reported to
    /// <paramref name="onTruncated"/>). A translation that greedy search produced scores exactly its
    /// search score. Corpus perplexity is exp(-sum of LogProb / sum of Length).
    /// </summary>
    public IReadOnlyList<ScoredTranslation> Score(IReadOnlyList<string> sources, IReadOnlyList<string> targets, int? batchTokens = null,
        IProgress<long>? progress = null, Action<Truncation>? onTruncated = null, CancellationToken cancel = default)
    {
        if (sources.Count != targets.Count) throw new ArgumentException($"{sources.Count} sources but {targets.Count} translations", nameof(targets));
        var (_, ids) = EncodeSources(sources, onTruncated);
        var targetTokens = targets.Select((line, i) =>
        {
            var tokens = Target.Tokenize(line);
            if (tokens.Count <= MaxSourceLength) return tokens;
            onTruncated?.Invoke(new Truncation(i, tokens.Count, MaxSourceLength, Target: true));
            return tokens.Take(MaxSourceLength).ToArray();
        }).ToArray();
        var scores = ForcedScoring.Score(members.Select(m => m.Model).ToArray(), ids,
            targetTokens.Select(t => Target.Vocabulary.Encode(t)).ToArray(), batchTokens ?? Config.Decoding.BatchTokens, progress, cancel);
        return targetTokens.Select((t, i) => new ScoredTranslation(t, scores[i])).ToArray();
    }

    /// <param name="progress">told the number of lines translated so far after each batch (e.g. a <see cref="Terminal.ProgressBar"/>)</param>
    /// <param name="onTruncated">called once for each line that is cut to a model's source length limit</param>
    /// <param name="cancel">checked between batches: a cancelled call throws <see cref="OperationCanceledException"/></param>
    public IReadOnlyList<Result> TranslateDetailed(IReadOnlyList<string> lines, SearchOptions options, int? batchTokens = null,
        IProgress<long>? progress = null, Action<Truncation>? onTruncated = null, CancellationToken cancel = default)
    {
        var (sourceTokens, ids) = EncodeSources(lines, onTruncated);
        var hypotheses = BatchDecoder.Decode(members.Select(m => m.Model).ToArray(), ids, options,
            batchTokens ?? Config.Decoding.BatchTokens, progress, cancel);
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

    /// <summary>
    /// Translates lines as they arrive on <paramref name="input"/> (a pipe or a terminal) and hands
    /// each group of results to <paramref name="onResults"/> with the 0-based index of its first line,
    /// in input order, as soon as it is decoded: a line typed alone is answered before the next is
    /// read. The translations equal <see cref="TranslateDetailed"/>'s for the whole input.
    /// </summary>
    /// <param name="onTruncated">called for each line cut to the source length limit (its index counts from the first line of the stream)</param>
    /// <exception cref="UserError">the input is not valid UTF-8, or a line is over the reader's limit (after the lines before it are handed on)</exception>
    public void TranslateStream(LineReader input, SearchOptions options, Action<int, IReadOnlyList<Result>> onResults,
        int? batchTokens = null, Action<Truncation>? onTruncated = null, CancellationToken cancel = default) =>
        StreamTranslation.Run(this, input, options, onResults, batchTokens, onTruncated, cancel);

    public void Dispose()
    {
        if (!ownsModels) return;
        foreach (var member in members) member.Model.Dispose();
    }
}

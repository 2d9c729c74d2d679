using Seq2Seq.Configuration;
using Seq2Seq.Files;
using Seq2Seq.Tokenization;
using System.Diagnostics;

namespace Seq2Seq.Data;

/// <summary>
/// The training and development data as vocabulary ids, with the text pipelines learned from the
/// training data. Training pairs are filtered (empty, too long, bad length ratio); development
/// pairs never are, so they stay line-aligned with their references.
/// </summary>
public sealed class PreparedCorpus
{
    public required TextPipeline Source { get; init; }
    public required TextPipeline Target { get; init; }
    public required IReadOnlyList<TokenizedPair> Train { get; init; }
    public required IReadOnlyList<TokenizedPair> Dev { get; init; }
    public required IReadOnlyList<string> DevSourceText { get; init; }
    public required IReadOnlyList<string> DevTargetText { get; init; }
    public required string FilterReport { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the corpus came from the cache rather than being prepared anew.</summary>
    public bool FromCache { get; init; }

    /// <param name="pipelines">existing pipelines (a resumed run) instead of learning new ones</param>
    /// <param name="cacheFolder">where prepared corpora are cached (see <see cref="CorpusCache"/>); null for no cache</param>
    /// <param name="cancel">checked between the stages and during BPE learning (<see cref="OperationCanceledException"/>)</param>
    public static PreparedCorpus Prepare(ExperimentConfig config, TextWriter log, (TextPipeline Source, TextPipeline Target)? pipelines = null,
        string? cacheFolder = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var data = config.Data;
        var train = TextFileReader.ReadParallel(data.Train, data.SrcLang, data.TrgLang);
        var dev = TextFileReader.ReadParallel(data.Dev, data.SrcLang, data.TrgLang);
        if (dev.Source.Count == 0) throw new UserError($"{dev.SourcePath}: the dev split is empty; validation needs at least one sentence pair");
        string? cachePath = cacheFolder is null || pipelines is not null ? null
            : CorpusCache.PathFor(cacheFolder, CorpusCache.Key(config, [train.SourcePath, train.TargetPath, dev.SourcePath, dev.TargetPath]));
        if (cachePath is not null && CorpusCache.TryLoad(cachePath, data, log) is { } cached)
        {
            log.WriteLine($"{cached.Report} (cached: {cachePath})");
            return new PreparedCorpus
            {
                Source = cached.Source, Target = cached.Target, Train = cached.Train, Dev = cached.Dev,
                DevSourceText = dev.Source, DevTargetText = dev.Target, FilterReport = cached.Report,
                Elapsed = clock.Elapsed, FromCache = true,
            };
        }
        cancel.ThrowIfCancellationRequested();
        var (source, target, sourceTokens, targetTokens) = Pipelines(config, train.Source, train.Target, pipelines, cancel);
        cancel.ThrowIfCancellationRequested();
        var (kept, report) = Filter(data, source.Vocabulary, target.Vocabulary, sourceTokens, targetTokens);
        if (kept.Count == 0) throw new UserError($"{train.SourcePath}: no training pairs left after filtering ({report})");
        log.WriteLine(report);

        var prepared = new PreparedCorpus
        {
            Source = source,
            Target = target,
            Train = kept,
            Dev = EncodeDev(dev.Source, dev.Target, source, target, InputLimit(data), dev.SourcePath, log),
            DevSourceText = dev.Source,
            DevTargetText = dev.Target,
            FilterReport = report,
            Elapsed = clock.Elapsed,
        };
        if (cachePath is not null) CorpusCache.Save(cachePath, prepared);
        return prepared;
    }

    /// <summary>
    /// The text pipelines (given, or learned from the training text: tokenizers, then vocabularies)
    /// and the normalized training text as subword tokens.
    /// </summary>
    private static (TextPipeline Source, TextPipeline Target, IReadOnlyList<string>[] SourceTokens, IReadOnlyList<string>[] TargetTokens) Pipelines(
        ExperimentConfig config, IReadOnlyList<string> sourceText, IReadOnlyList<string> targetText,
        (TextPipeline Source, TextPipeline Target)? pipelines, CancellationToken cancel)
    {
        var normalizer = TextNormalizer.FromConfig(config.Data);
        var trainSource = sourceText.Select(normalizer.Normalize).ToArray();
        var trainTarget = targetText.Select(normalizer.Normalize).ToArray();
        var (sourceTokenizer, targetTokenizer) = pipelines is { } given
            ? (given.Source.Tokenizer, given.Target.Tokenizer)
            : LearnTokenizers(config.Tokenizer, trainSource, trainTarget, cancel);
        var sourceTokens = trainSource.Select(sourceTokenizer.EncodeToTokens).ToArray();
        var targetTokens = trainTarget.Select(targetTokenizer.EncodeToTokens).ToArray();
        Vocabulary sourceVocabulary, targetVocabulary;
        var tok = config.Tokenizer;
        if (pipelines is { } existing)
        {
            (sourceVocabulary, targetVocabulary) = (existing.Source.Vocabulary, existing.Target.Vocabulary);
        }
        else if (tok.Joint)
        {
            sourceVocabulary = targetVocabulary = Vocabulary.Build(sourceTokens.Concat(targetTokens), tok.MinFrequency, tok.MaxVocabSize);
        }
        else
        {
            sourceVocabulary = Vocabulary.Build(sourceTokens, tok.MinFrequency, tok.MaxVocabSize);
            targetVocabulary = Vocabulary.Build(targetTokens, tok.MinFrequency, tok.MaxVocabSize);
        }
        return (new TextPipeline(normalizer, sourceTokenizer, sourceVocabulary), new TextPipeline(normalizer, targetTokenizer, targetVocabulary),
            sourceTokens, targetTokens);
    }

    /// <summary>The training pairs that are kept (neither side empty nor over max_length, the length ratio within bounds), as ids, and the count of each kind dropped.</summary>
    private static (List<TokenizedPair> Kept, string Report) Filter(DataConfig data, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
        IReadOnlyList<string>[] sourceTokens, IReadOnlyList<string>[] targetTokens)
    {
        int empty = 0, tooLong = 0, badRatio = 0;
        var kept = new List<TokenizedPair>(sourceTokens.Length);
        for (int i = 0; i < sourceTokens.Length; i++)
        {
            int s = sourceTokens[i].Count, t = targetTokens[i].Count;
            if (s == 0 || t == 0) { empty++; continue; }
            if (s > data.MaxLength || t > data.MaxLength) { tooLong++; continue; }
            if (Math.Max(s, t) > data.MaxLengthRatio * Math.Min(s, t)) { badRatio++; continue; }
            kept.Add(new TokenizedPair(i, sourceVocabulary.Encode(sourceTokens[i]), targetVocabulary.Encode(targetTokens[i])));
        }
        string report = $"kept {kept.Count:N0} of {sourceTokens.Length:N0} training pairs: " +
            $"{tooLong:N0} longer than {data.MaxLength} tokens, {badRatio:N0} over length ratio {data.MaxLengthRatio}, {empty:N0} empty";
        return (kept, report);
    }

    /// <summary>
    /// The most subword tokens of one input sentence that decoding (translate, validation, test)
    /// takes: longer inputs are cut to it, with a warning, so that one huge line cannot exhaust memory.
    /// </summary>
    public static int InputLimit(DataConfig data) => Math.Max(data.MaxLength * 4, 256);

    /// <summary>Dev pairs as ids, never filtered (they stay aligned with their references), but each side cut to <paramref name="limit"/> tokens.</summary>
    private static TokenizedPair[] EncodeDev(IReadOnlyList<string> sources, IReadOnlyList<string> targets, TextPipeline source, TextPipeline target,
        int limit, string path, TextWriter log)
    {
        int cut = 0;
        int[] Cut(int[] ids)
        {
            if (ids.Length <= limit) return ids;
            cut++;
            return ids[..limit];
        }
        var pairs = sources.Select((line, i) => new TokenizedPair(i, Cut(source.Encode(line)), Cut(target.Encode(targets[i])))).ToArray();
        if (cut > 0) log.WriteLine($"warning: {path}: {cut:N0} dev sentence sides longer than {limit} tokens cut to {limit} for validation");
        return pairs;
    }

    private static (ISubwordTokenizer Source, ISubwordTokenizer Target) LearnTokenizers(
        TokenizerConfig config, IReadOnlyList<string> source, IReadOnlyList<string> target, CancellationToken cancel)
    {
        if (config.Type == TokenizerType.Sentencepiece)
        {
            var model = SentencePieceSubwordTokenizer.FromModelFile(config.SentencepieceModel!);
            return (model, model);
        }
        if (config.Joint)
        {
            var joint = SubwordTokenizer.FromModel(BpeLearner.LearnJoint(source, target, config.Merges, cancel: cancel));
            return (joint, joint);
        }
        return (SubwordTokenizer.FromModel(BpeLearner.Learn(source, config.Merges, cancel: cancel)),
                SubwordTokenizer.FromModel(BpeLearner.Learn(target, config.Merges, cancel: cancel)));
    }
}

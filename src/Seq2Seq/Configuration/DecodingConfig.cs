namespace Seq2Seq.Configuration;

/// <summary>How translations are searched for.</summary>
[Doc("Beam search settings used to translate the test set and by the translate verb's defaults.")]
public sealed record DecodingConfig
{
    /// <summary>The largest beam (and n-best list) a config or the translate verb may ask for.</summary>
    public const int MaxBeamSize = 1000;

    /// <summary>The largest decoding batch, in source tokens times beam.</summary>
    public const int MaxBatchTokens = 10_000_000;

    [Doc("Beam size; 1 is greedy search.")]
    [Range(1, MaxBeamSize)]
    [FreeOnResume]
    public int BeamSize { get; init; } = 5;

    [Doc("Length penalty exponent alpha; 0 disables length normalization.")]
    [Range(0, 10)]
    [FreeOnResume]
    public double LengthPenalty { get; init; } = 1.0;

    [Doc("'gnmt' uses ((5+|Y|)/6)^alpha; 'average' divides by |Y|^alpha.")]
    [FreeOnResume]
    public LengthPenaltyType LengthPenaltyType { get; init; } = LengthPenaltyType.Gnmt;

    [Doc("Maximum output length = max_length_ratio * source length + max_length_offset (subword tokens).")]
    [Range(0, 100)]
    public double MaxLengthRatio { get; init; } = 1.5;

    [Doc("See max_length_ratio.")]
    [Range(0, 10000)]
    public int MaxLengthOffset { get; init; } = 10;

    [Doc("Minimum output length in subword tokens.")]
    [Range(0, 10000)]
    public int MinLength { get; init; }

    [Doc("Sentences are decoded in batches of about this many source tokens.")]
    [Range(1, MaxBatchTokens)]
    public int BatchTokens { get; init; } = 4000;

    [Doc("Block repeated n-grams of this order; 0 disables it.")]
    [Range(0, 100)]
    public int NoRepeatNgram { get; init; }

    [Doc("Sample translations instead of searching (e.g. to back-translate): each token is drawn from the model's distribution, tempered and truncated by the sampling_* keys; beam_size and length_penalty do not apply.")]
    [FreeOnResume]
    public bool Sampling { get; init; }

    [Doc("Sampling draws from the k most probable tokens only; 0 for no limit.")]
    [Range(0, 1000000)]
    [FreeOnResume]
    public int SamplingTopK { get; init; }

    [Doc("Sampling draws from the smallest set of most probable tokens whose probability reaches p (nucleus); 1 for no limit.")]
    [Range(0, 1, MinimumExclusive = true)]
    [FreeOnResume]
    public double SamplingTopP { get; init; } = 1.0;

    [Doc("Sampling divides log-probabilities by this temperature first: below 1 sharper, above 1 flatter.")]
    [Range(0, 100, MinimumExclusive = true)]
    [FreeOnResume]
    public double SamplingTemperature { get; init; } = 1.0;

    [Doc("Seed of the draws; a translation depends only on the seed, the model and its input line.")]
    [FreeOnResume]
    public long SamplingSeed { get; init; }

    [Doc("Replace each unknown target token by the source token with the highest attention weight.")]
    public bool ReplaceUnknown { get; init; }
}

public enum LengthPenaltyType { Gnmt, Average }

using Seq2Seq.Configuration;

namespace Seq2Seq.Decoding;

/// <summary>Settings of one search, taken from <see cref="DecodingConfig"/> and the command line.</summary>
public sealed record SearchOptions
{
    public int BeamSize { get; init; } = 5;
    public double LengthPenalty { get; init; } = 1.0;
    public LengthPenaltyType LengthPenaltyType { get; init; } = LengthPenaltyType.Gnmt;
    public double MaxLengthRatio { get; init; } = 1.5;
    public int MaxLengthOffset { get; init; } = 10;
    public int MinLength { get; init; }
    public int NBest { get; init; } = 1;
    public int NoRepeatNgram { get; init; }
    public bool KeepAttention { get; init; }

    /// <summary>Sample each translation instead of searching for the best (null: search).</summary>
    public SamplingOptions? Sampling { get; init; }

    public static SearchOptions From(DecodingConfig config) => new()
    {
        BeamSize = config.BeamSize,
        LengthPenalty = config.LengthPenalty,
        LengthPenaltyType = config.LengthPenaltyType,
        MaxLengthRatio = config.MaxLengthRatio,
        MaxLengthOffset = config.MaxLengthOffset,
        MinLength = config.MinLength,
        NoRepeatNgram = config.NoRepeatNgram,
        KeepAttention = config.ReplaceUnknown,
        Sampling = config.Sampling ? new SamplingOptions
        {
            TopK = config.SamplingTopK, TopP = config.SamplingTopP, Temperature = config.SamplingTemperature, Seed = config.SamplingSeed,
        } : null,
    };

    /// <summary>Longest output (in tokens, eos included) for a source of the given length.</summary>
    public int MaxOutputLength(int sourceLength) => Math.Max(1, (int)(MaxLengthRatio * sourceLength) + MaxLengthOffset);

    /// <summary>The length normalizer: GNMT ((5+|Y|)/6)^α or |Y|^α; 1 when α = 0.</summary>
    public double Normalizer(int length) => LengthPenalty == 0 ? 1.0 : LengthPenaltyType == LengthPenaltyType.Gnmt
        ? Math.Pow((5.0 + length) / 6.0, LengthPenalty)
        : Math.Pow(length, LengthPenalty);
}

namespace Seq2Seq.Configuration;

/// <summary>Which parallel corpora to read and how to clean them.</summary>
[Doc("Parallel corpora and how their text is normalized and filtered.")]
public sealed record DataConfig
{
    [Doc("Source language code; the source file of a split is '<prefix>.<src_lang>' (or '.gz').")]
    public string SrcLang { get; init; } = "src";

    [Doc("Target language code; the target file of a split is '<prefix>.<trg_lang>' (or '.gz').")]
    public string TrgLang { get; init; } = "trg";

    [Doc("Path prefix of the training split, relative to the config file.")]
    [Path]
    [Required]
    public string Train { get; init; } = "";

    [Doc("Path prefix of the development split (validation), relative to the config file.")]
    [Path]
    [Required]
    public string Dev { get; init; } = "";

    [Doc("Path prefix of the test split, translated and scored after training; empty for none.")]
    [Path]
    [FreeOnResume]
    public string? Test { get; init; }

    [Doc("Training pairs with more subword tokens than this on either side are dropped.")]
    [Range(1, 10000)]
    public int MaxLength { get; init; } = 50;

    [Doc("Training pairs whose token-length ratio exceeds this (either direction) are dropped.")]
    [Range(1, 1000)]
    public double MaxLengthRatio { get; init; } = 3.0;

    [Doc("Unicode normalization applied to all text: 'nfc', 'nfkc' or 'none'.")]
    public UnicodeNormalization Normalization { get; init; } = UnicodeNormalization.Nfc;

    [Doc("Lowercase all text before tokenization.")]
    public bool Lowercase { get; init; }
}

public enum UnicodeNormalization { Nfc, Nfkc, None }

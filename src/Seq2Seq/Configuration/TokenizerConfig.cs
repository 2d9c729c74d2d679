namespace Seq2Seq.Configuration;

/// <summary>How text is split into subword units.</summary>
[Doc("Subword tokenization, learned from the training corpus or loaded from a model file.")]
public sealed record TokenizerConfig
{
    [Doc("'bpe' learns byte-pair merges from the training data; 'sentencepiece' loads sentencepiece_model.")]
    public TokenizerType Type { get; init; } = TokenizerType.Bpe;

    [Doc("Number of BPE merges to learn.")]
    [Range(0, 1000000)]
    public int Merges { get; init; } = 8000;

    [Doc("Learn one BPE model and vocabulary for source and target together.")]
    public bool Joint { get; init; }

    [Doc("Subword units seen fewer times than this in training become unknown.")]
    [Range(1, 1000000)]
    public int MinFrequency { get; init; } = 1;

    [Doc("Largest vocabulary size including special tokens; 0 for no limit.")]
    [Range(0, 10000000)]
    public int MaxVocabSize { get; init; }

    [Doc("Pre-trained SentencePiece model file, used when type is 'sentencepiece'.")]
    [Path]
    public string? SentencepieceModel { get; init; }
}

public enum TokenizerType { Bpe, Sentencepiece }

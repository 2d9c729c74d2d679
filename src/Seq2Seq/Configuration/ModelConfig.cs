namespace Seq2Seq.Configuration;

/// <summary>Sizes and options of the BiLSTM + Bahdanau attention model.</summary>
[Doc("The encoder-decoder model: bidirectional RNN encoder, RNN decoder with additive attention.")]
public sealed record ModelConfig
{
    [Doc("Recurrent cell of encoder and decoder: 'lstm' or 'gru'.")]
    public RnnType RnnType { get; init; } = RnnType.Lstm;

    [Doc("Size of source and target embeddings.")]
    [Range(1, 65536)]
    public int EmbeddingSize { get; init; } = 256;

    [Doc("Hidden size of the encoder per direction (states are twice this).")]
    [Range(1, 65536)]
    public int EncoderHiddenSize { get; init; } = 256;

    [Doc("Number of stacked bidirectional encoder layers.")]
    [Range(1, 16)]
    public int EncoderLayers { get; init; } = 1;

    [Doc("Hidden size of the decoder.")]
    [Range(1, 65536)]
    public int DecoderHiddenSize { get; init; } = 512;

    [Doc("Number of stacked decoder layers.")]
    [Range(1, 16)]
    public int DecoderLayers { get; init; } = 1;

    [Doc("Size of the additive attention layer.")]
    [Range(1, 65536)]
    public int AttentionSize { get; init; } = 512;

    [Doc("Dropout on embeddings, between RNN layers and on the attentional vector.")]
    [Range(0, 1, MaximumExclusive = true)]
    public double Dropout { get; init; } = 0.3;

    [Doc("Share one embedding matrix between source and target (needs tokenizer.joint).")]
    public bool ShareEmbeddings { get; init; }

    [Doc("Tie the output projection to the target embedding (needs embedding_size = decoder_hidden_size).")]
    public bool TieOutputEmbedding { get; init; }

    [Doc("Weight initialization: 'uniform' (in +-init_scale) or 'xavier'.")]
    public WeightInit Init { get; init; } = WeightInit.Uniform;

    [Doc("Bound of the uniform initialization.")]
    [Range(0, 10, MinimumExclusive = true)]
    public double InitScale { get; init; } = 0.1;

    [Doc("Initialize recurrent weight matrices as orthogonal.")]
    public bool OrthogonalRecurrent { get; init; }
}

public enum RnnType { Lstm, Gru }

public enum WeightInit { Uniform, Xavier }

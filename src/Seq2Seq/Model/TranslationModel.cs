using Seq2Seq.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Seq2Seq.Model;

/// <summary>
/// The attention NMT model of Bahdanau et al.: source and target embeddings, a bidirectional
/// recurrent encoder and an attention decoder. Field names are checkpoint keys.
/// </summary>
public sealed class TranslationModel : Module
{
    public const long PadId = 0;

    private readonly Embedding src_embedding;
    private readonly Embedding trg_embedding;
    private readonly RecurrentEncoder encoder;
    private readonly AttentionDecoder decoder;

    public ModelConfig Config { get; }

    public TranslationModel(ModelConfig config, int sourceVocabularySize, int targetVocabularySize) : base(nameof(TranslationModel))
    {
        if (config.ShareEmbeddings && sourceVocabularySize != targetVocabularySize)
        {
            throw new ArgumentException("model.share_embeddings needs one joint vocabulary (tokenizer.joint = true)");
        }
        if (config.TieOutputEmbedding && config.EmbeddingSize != config.DecoderHiddenSize)
        {
            throw new ArgumentException("model.tie_output_embedding needs model.embedding_size = model.decoder_hidden_size");
        }
        Config = config;
        src_embedding = Embedding(sourceVocabularySize, config.EmbeddingSize, padding_idx: PadId);
        trg_embedding = config.ShareEmbeddings ? src_embedding : Embedding(targetVocabularySize, config.EmbeddingSize, padding_idx: PadId);
        encoder = new RecurrentEncoder(src_embedding, config.EmbeddingSize, config);
        decoder = new AttentionDecoder(trg_embedding, config.EmbeddingSize, targetVocabularySize, encoder.OutputSize, config);
        RegisterComponents();
        ModelInitializer.Initialize(this, config);
    }

    public RecurrentEncoder Encoder => encoder;

    public AttentionDecoder Decoder => decoder;

    internal Embedding SourceEmbedding => src_embedding;

    internal Embedding TargetEmbedding => trg_embedding;

    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <param name="source">batch x src_len token ids</param>
    /// <param name="lengths">batch: real source lengths (int64)</param>
    public EncodedSource Encode(Tensor source, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var (states, summary) = encoder.Encode(source, lengths);
        var keys = decoder.Attention.ProjectKeys(states);
        var mask = source.ne(PadId);
        var encoded = new EncodedSource(states, keys, mask, summary);
        states.MoveToOuterDisposeScope();
        keys.MoveToOuterDisposeScope();
        mask.MoveToOuterDisposeScope();
        summary.MoveToOuterDisposeScope();
        return encoded;
    }

    /// <summary>Teacher-forced decoding of a whole batch.</summary>
    /// <param name="targetInput">batch x trg_len: bos followed by the target tokens</param>
    /// <returns>batch x trg_len x decoder_hidden: the attentional vectors; <see cref="AttentionDecoder.Project"/> gives logits.</returns>
    public Tensor ForwardAttentional(Tensor source, Tensor lengths, Tensor targetInput)
    {
        using var scope = NewDisposeScope();
        using var encoded = Encode(source, lengths);
        var state = decoder.InitialState(encoded.Summary);
        var embedded = decoder.Embed(targetInput);                              // batch x trg_len x emb
        long steps = targetInput.shape[1];
        var outputs = new Tensor[steps];
        for (long t = 0; t < steps; t++)
        {
            var (next, _) = decoder.Step(embedded[.., (int)t], state, encoded);
            state = next;
            outputs[t] = next.Attentional;
        }
        return stack(outputs, dim: 1).MoveToOuterDisposeScope();                // batch x trg_len x hidden
    }
}

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
    public const long PadId = SpecialTokens.PadId;

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
        // The lengths, not the ids, say which positions are real: whatever a padded position holds,
        // attention gives it weight 0.
        var mask = arange(source.shape[1], dtype: ScalarType.Int64).unsqueeze(0).lt(lengths.unsqueeze(1)); // batch x src_len
        var encoded = new EncodedSource(states, keys, mask, summary);
        states.MoveToOuterDisposeScope();
        keys.MoveToOuterDisposeScope();
        mask.MoveToOuterDisposeScope();
        summary.MoveToOuterDisposeScope();
        return encoded;
    }

    /// <summary>
    /// Teacher-forced decoding of a whole batch. Rows must be sorted by target length, longest first;
    /// at step t only the first stepSizes[t] rows are still decoding, so only they are computed (the
    /// states of the others are simply no longer carried). Outputs come packed, step by step.
    /// </summary>
    /// <param name="targetInput">batch x trg_len: bos followed by the target tokens</param>
    /// <param name="stepSizes">per step t: rows (a prefix of the batch) with a target token at t</param>
    /// <returns>(sum of stepSizes) x decoder_hidden: the attentional vectors of the real target
    /// positions, all rows of step 0 first; <see cref="AttentionDecoder.Project"/> gives logits.</returns>
    public Tensor ForwardAttentional(Tensor source, Tensor lengths, Tensor targetInput, IReadOnlyList<int> stepSizes)
    {
        using var scope = NewDisposeScope();
        var encoded = Encode(source, lengths);
        var state = decoder.InitialState(encoded.Summary);
        var embedded = decoder.Embed(targetInput);                              // batch x trg_len x emb
        int rows = (int)targetInput.shape[0];
        var outputs = new List<Tensor>(stepSizes.Count);
        for (int t = 0; t < stepSizes.Count && stepSizes[t] > 0; t++)
        {
            int active = stepSizes[t];
            if (active < rows)
            {
                state = state.Narrow(active);                                  // views, no copies
                encoded = encoded.Narrow(active);
                rows = active;
            }
            var (next, _) = decoder.Step(embedded[..active, t], state, encoded); // active x hidden
            state = next;
            outputs.Add(next.Attentional);
        }
        return cat(outputs, dim: 0).MoveToOuterDisposeScope();                 // real positions x hidden
    }
}

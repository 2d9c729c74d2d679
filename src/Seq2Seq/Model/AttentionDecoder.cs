using Seq2Seq.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Seq2Seq.Model;

/// <summary>
/// Recurrent decoder with Bahdanau attention and input feeding (Luong et al., 2015), stepped one
/// target position at a time:
///   s_t = RNN([y_{t-1}; ã_{t-1}], s_{t-1})       (stacked cells; input feeding into the first)
///   c_t, α_t = attention(s_t, encoder states)
///   ã_t = dropout(tanh(W_c [s_t; c_t]))           (the attentional vector)
///   p(y_t) = softmax(W_o ã_t)                     (applied by <see cref="Project"/>)
/// The initial hidden state comes from the encoder summary through a bridge: tanh(W_b summary).
/// </summary>
public sealed class AttentionDecoder : Module
{
    private readonly Module<Tensor, Tensor> embedding;
    private readonly Dropout dropout;
    private readonly Linear bridge;
    private readonly ModuleList<Module> cells;
    private readonly BahdanauAttention attention;
    private readonly Linear attentional_layer;
    private readonly Linear output_layer;
    private readonly RnnType rnnType;
    private readonly int layers;

    public int HiddenSize { get; }

    public int VocabularySize { get; }

    public AttentionDecoder(Module<Tensor, Tensor> embedding, int embeddingSize, int vocabularySize, int encoderOutputSize, ModelConfig config)
        : base(nameof(AttentionDecoder))
    {
        this.embedding = embedding;
        rnnType = config.RnnType;
        layers = config.DecoderLayers;
        HiddenSize = config.DecoderHiddenSize;
        VocabularySize = vocabularySize;
        dropout = Dropout(config.Dropout);
        bridge = Linear(encoderOutputSize, layers * HiddenSize);
        cells = new ModuleList<Module>();
        for (int layer = 0; layer < layers; layer++)
        {
            long input = layer == 0 ? embeddingSize + HiddenSize : HiddenSize;
            cells.Add(rnnType == RnnType.Lstm ? LSTMCell(input, HiddenSize) : GRUCell(input, HiddenSize));
        }
        attention = new BahdanauAttention(encoderOutputSize, HiddenSize, config.AttentionSize);
        attentional_layer = Linear(HiddenSize + encoderOutputSize, HiddenSize);
        output_layer = Linear(HiddenSize, vocabularySize);
        if (config.TieOutputEmbedding && embedding is Embedding tied)
        {
            // The embedding's registered parameter itself: Embedding.weight returns a fresh wrapper on
            // every call, which parameters() would not recognize as the same tensor, so the optimizer
            // would update the tied matrix twice per step and the parameter count would include it twice.
            output_layer.weight = tied.get_parameter("weight")!;
        }
        RegisterComponents();
    }

    public BahdanauAttention Attention => attention;

    internal IEnumerable<Module> Cells => cells;

    internal Linear OutputLayer => output_layer;

    /// <summary>The decoder's first state: tanh(bridge(summary)) per layer, zero cells, zero attentional vector.</summary>
    /// <param name="summary">batch x encoder_output</param>
    public DecoderState InitialState(Tensor summary)
    {
        using var scope = NewDisposeScope();
        var all = tanh(bridge.call(summary));                                  // batch x layers*hidden
        var hidden = all.chunk(layers, dim: 1).Select(h => h.contiguous()).ToArray();
        var cell = rnnType == RnnType.Lstm ? hidden.Select(h => zeros_like(h)).ToArray() : null;
        var state = new DecoderState(hidden, cell, zeros_like(hidden[0]));
        return state.MoveToOuterDisposeScope();
    }

    /// <summary>Embeds target tokens with dropout; used once for all positions in training.</summary>
    /// <param name="tokens">batch [x trg_len]</param>
    public Tensor Embed(Tensor tokens) => dropout.call(embedding.call(tokens));

    /// <summary>One decoder step.</summary>
    /// <param name="embeddedPrevious">batch x emb: embedding of the previous target token</param>
    /// <returns>the new state (its Attentional is ã_t: batch x hidden) and the attention weights (batch x src_len)</returns>
    public (DecoderState State, Tensor Weights) Step(Tensor embeddedPrevious, DecoderState state, EncodedSource source)
    {
        using var scope = NewDisposeScope();
        var input = cat([embeddedPrevious, state.Attentional], dim: 1);        // batch x (emb + hidden)
        var hidden = new Tensor[layers];
        var cell = rnnType == RnnType.Lstm ? new Tensor[layers] : null;
        for (int layer = 0; layer < layers; layer++)
        {
            if (layer > 0) input = dropout.call(input);
            if (cell is not null)
            {
                (hidden[layer], cell[layer]) = ((LSTMCell)cells[layer]).call(input, (state.Hidden[layer], state.Cell![layer]));
            }
            else
            {
                hidden[layer] = ((GRUCell)cells[layer]).call(input, state.Hidden[layer]);
            }
            input = hidden[layer];                                              // batch x hidden
        }
        var (context, weights) = attention.Attend(input, source.ProjectedKeys, source.Values, source.Mask);
        var attentional = dropout.call(tanh(attentional_layer.call(cat([input, context], dim: 1)))); // batch x hidden
        var next = new DecoderState(hidden, cell, attentional);
        next.MoveToOuterDisposeScope();
        return (next, weights.MoveToOuterDisposeScope());
    }

    /// <summary>Output projection to vocabulary logits: [...] x hidden -> [...] x vocabulary.</summary>
    public Tensor Project(Tensor attentional) => output_layer.call(attentional);
}

using Seq2Seq.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using PackedSequence = TorchSharp.torch.nn.utils.rnn.PackedSequence;
using RnnUtils = TorchSharp.torch.nn.utils.rnn;

namespace Seq2Seq.Model;

/// <summary>
/// Bidirectional LSTM (or GRU) encoder over source embeddings. Padded sequences are packed, so
/// padded positions never change the states; their outputs are zero.
/// </summary>
public sealed class RecurrentEncoder : Module
{
    private readonly Module<Tensor, Tensor> embedding;
    private readonly Dropout dropout;
    private readonly Module rnn;
    private readonly RnnType rnnType;
    private readonly int layers;

    public int OutputSize { get; }

    public RecurrentEncoder(Module<Tensor, Tensor> embedding, int embeddingSize, ModelConfig config) : base(nameof(RecurrentEncoder))
    {
        this.embedding = embedding;
        rnnType = config.RnnType;
        layers = config.EncoderLayers;
        OutputSize = 2 * config.EncoderHiddenSize;
        dropout = Dropout(config.Dropout);
        double between = config.EncoderLayers > 1 ? config.Dropout : 0.0;
        rnn = rnnType == RnnType.Lstm
            ? LSTM(embeddingSize, config.EncoderHiddenSize, config.EncoderLayers, batchFirst: true, dropout: between, bidirectional: true)
            : GRU(embeddingSize, config.EncoderHiddenSize, config.EncoderLayers, batchFirst: true, dropout: between, bidirectional: true);
        RegisterComponents();
    }

    /// <summary>The recurrent layer, for initialization.</summary>
    internal Module Rnn => rnn;

    /// <param name="source">batch x src_len token ids, padded with 0</param>
    /// <param name="lengths">batch (int64, on CPU): real length of each sentence</param>
    /// <returns>states: batch x src_len x 2*hidden; summary: batch x 2*hidden</returns>
    public (Tensor States, Tensor Summary) Encode(Tensor source, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var embedded = dropout.call(embedding.call(source));                   // batch x src_len x emb
        var packed = RnnUtils.pack_padded_sequence(embedded, lengths, batch_first: true, enforce_sorted: false);
        Tensor hidden;
        PackedSequence output;
        if (rnnType == RnnType.Lstm)
        {
            (output, hidden, _) = ((LSTM)rnn).call(packed);           // hidden: 2*layers x batch x hidden
        }
        else
        {
            (output, hidden) = ((GRU)rnn).call(packed);
        }
        var (states, _) = RnnUtils.pad_packed_sequence(output, batch_first: true, total_length: source.shape[1]);
        output.Dispose();
        packed.Dispose();
        // The top layer's forward state (after the last real token) and backward state (after the first).
        var summary = cat([hidden[2 * layers - 2], hidden[2 * layers - 1]], dim: -1); // batch x 2*hidden
        return (states.MoveToOuterDisposeScope(), summary.MoveToOuterDisposeScope());
    }
}

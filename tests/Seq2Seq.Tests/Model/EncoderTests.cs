using Seq2Seq.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

[Collection(LibTorchCollection.Name)]
public class EncoderTests
{
    [Theory]
    [InlineData(RnnType.Lstm, 1)]
    [InlineData(RnnType.Gru, 2)]
    public void PaddedPositionsChangeNothing(RnnType type, int layers)
    {
        using var model = TinyModels.Create(type: type, layers: layers);
        using var scope = NewDisposeScope();
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8, 9], [4, 5, 6]);
        var (states, summary) = model.Encoder.Encode(source, lengths);
        // Same sentences, but the padding of the short one holds real-looking ids.
        var noisy = source.clone();
        noisy[1, 3] = tensor(11L);
        noisy[1, 4] = tensor(12L);
        var (states2, summary2) = model.Encoder.Encode(noisy, lengths);
        Assert.True(allclose(summary, summary2), "summary changed with padding content");
        Assert.True(allclose(states[1, ..3], states2[1, ..3]), "states at real positions changed");
        Assert.Equal(0.0, states[1, 3..].abs().sum().item<float>());
    }

    [Theory]
    [InlineData(RnnType.Lstm, 1)]
    [InlineData(RnnType.Lstm, 2)]
    [InlineData(RnnType.Gru, 2)]
    public void PackedEqualsUnpackedOnUnpaddedInput(RnnType type, int layers)
    {
        using var model = TinyModels.Create(type: type, layers: layers);
        using var scope = NewDisposeScope();
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8], [9, 10, 11, 12]);
        var (states, summary) = model.Encoder.Encode(source, lengths);
        var embedded = model.SourceEmbedding.call(source);
        var (plain, hidden) = type == RnnType.Lstm
            ? Drop3(((LSTM)model.Encoder.Rnn).call(embedded))
            : ((GRU)model.Encoder.Rnn).call(embedded);
        Assert.True(allclose(states, plain, rtol: 1e-5, atol: 1e-6));
        // The summary is the top layer's last forward and backward states.
        Assert.True(allclose(summary, cat([hidden[2 * layers - 2], hidden[2 * layers - 1]], dim: -1), rtol: 1e-5, atol: 1e-6));
    }

    private static (Tensor, Tensor) Drop3((Tensor Output, Tensor Hidden, Tensor Cell) r) => (r.Output, r.Hidden);

    [Fact]
    public void AttentionIgnoresPaddingAndSumsToOne()
    {
        using var model = TinyModels.Create();
        using var scope = NewDisposeScope();
        var (source, lengths) = TinyModels.Batch([5, 6, 7, 8, 9], [4, 5]);
        using var encoded = model.Encode(source, lengths);
        var query = randn(2, 10);
        var (context, weights) = model.Decoder.Attention.Attend(query, encoded.ProjectedKeys, encoded.Values, encoded.Mask);
        Assert.Equal(new long[] { 2, 12 }, context.shape);
        Assert.Equal(0.0f, weights[1, 2..].sum().item<float>());
        Assert.True(allclose(weights.sum(1), ones(2)));
    }

    [Fact]
    public void ForgetGateBiasStartsAtOne()
    {
        using var model = TinyModels.Create();
        var lstm = (LSTM)model.Encoder.Rnn;
        var named = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var gate = named["bias_ih_l0"] + named["bias_hh_l0"];
        int hidden = 6;
        Assert.True(allclose(gate[hidden..(2 * hidden)], ones(hidden)));
    }
}

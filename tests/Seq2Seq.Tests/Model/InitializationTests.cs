using Seq2Seq.Configuration;
using Seq2Seq.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

/// <summary>model.init, model.init_scale and model.orthogonal_recurrent, and the forget-gate bias of every LSTM.</summary>
[Collection(LibTorchCollection.Name)]
public class InitializationTests
{
    private static TranslationModel Create(ModelConfig config)
    {
        manual_seed(12);
        return new TranslationModel(config with { EncoderHiddenSize = 16, DecoderHiddenSize = 24, EmbeddingSize = 12, AttentionSize = 20 }, 300, 300);
    }

    [Fact]
    public void UniformInitStaysWithinTheScale()
    {
        using var model = Create(TinyModels.Config() with { Init = WeightInit.Uniform, InitScale = 0.05 });
        foreach (var (name, p) in model.named_parameters())
        {
            double max = p.abs().max().item<float>();
            Assert.True(max <= 1.0 + 1e-6, name);                                   // forget-gate biases are 1
            if (!name.Contains("bias")) Assert.InRange(max, 0.03, 0.05 + 1e-6);
        }
    }

    [Fact]
    public void XavierInitUsesTheFanOfEachMatrixAndZeroBiases()
    {
        using var model = Create(TinyModels.Config() with { Init = WeightInit.Xavier });
        foreach (var (name, p) in model.named_parameters())
        {
            if (p.dim() == 2)
            {
                double bound = Math.Sqrt(6.0 / (p.shape[0] + p.shape[1]));
                Assert.InRange(p.abs().max().item<float>(), 0.9 * bound, bound + 1e-6);
            }
            else if (name.Contains("bias") && !name.Contains("bias_ih"))
            {
                Assert.True(p.abs().sum().item<float>() == 0, $"{name} is not zero");
            }
        }
    }

    [Fact]
    public void OrthogonalRecurrentMatricesHaveOrthogonalGateBlocks()
    {
        using var model = Create(TinyModels.Config() with { OrthogonalRecurrent = true });
        var recurrent = model.named_parameters().Where(p => p.name.Contains("weight_hh")).ToArray();
        Assert.Equal(3, recurrent.Length);                                          // encoder forward, backward; decoder cell
        foreach (var (name, p) in recurrent)
        {
            long hidden = p.shape[1];
            foreach (var block in p.split(hidden, dim: 0))
            {
                Assert.True(allclose(block.matmul(block.t()), eye(hidden), atol: 1e-4), $"{name}: a gate block is not orthogonal");
            }
        }
    }

    [Fact]
    public void EveryLstmStartsWithForgetGateBiasOne()
    {
        using var model = Create(TinyModels.Config() with { Init = WeightInit.Xavier, DecoderLayers = 2, EncoderLayers = 2 });
        var named = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var pairs = named.Keys.Where(n => n.Contains("bias_ih")).ToArray();
        Assert.Equal(6, pairs.Length);                                              // 2 encoder layers x 2 directions, 2 decoder cells
        foreach (var ih in pairs)
        {
            var gate = named[ih] + named[ih.Replace("bias_ih", "bias_hh")];
            int hidden = (int)gate.shape[0] / 4;
            Assert.True(allclose(gate[hidden..(2 * hidden)], ones(hidden)), $"{ih}: forget gate bias is not 1");
            Assert.True(gate[..hidden].abs().sum().item<float>() == 0, $"{ih}: Xavier should leave the other gate biases at 0");
        }
    }
}

using Seq2Seq.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Model;

/// <summary>
/// Initialization as in the literature: every weight uniform in ±init_scale (Sutskever et al. use
/// 0.08, Bahdanau et al. 0.1) or Xavier-uniform for matrices; LSTM forget-gate biases set so that
/// the gate starts at bias 1 (Jozefowicz et al., 2015); optionally orthogonal recurrent matrices;
/// the padding row of each embedding zero.
/// </summary>
internal static class ModelInitializer
{
    public static void Initialize(TranslationModel model, ModelConfig config)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (config.Init == WeightInit.Xavier && parameter.dim() == 2)
            {
                nn.init.xavier_uniform_(parameter);
            }
            else if (config.Init == WeightInit.Xavier && name.Contains("bias"))
            {
                parameter.zero_();
            }
            else
            {
                nn.init.uniform_(parameter, -config.InitScale, config.InitScale);
            }
            bool recurrent = name.Contains("weight_hh");
            if (recurrent && config.OrthogonalRecurrent)
            {
                // One orthogonal block per gate: weight_hh stacks gates x hidden rows.
                long hidden = parameter.shape[1];
                foreach (var block in parameter.split(hidden, dim: 0))
                {
                    nn.init.orthogonal_(block);
                }
            }
        }
        if (config.RnnType == RnnType.Lstm)
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                // LSTM gate order in libtorch: input, forget, cell, output. bias_ih + bias_hh is the
                // gate's bias, so the forget slice of bias_ih is 1 and of bias_hh is 0.
                bool ih = name.Contains("bias_ih"), hh = name.Contains("bias_hh");
                if (!ih && !hh) continue;
                long hidden = parameter.shape[0] / 4;
                parameter[TensorIndex.Slice(hidden, 2 * hidden)].fill_(ih ? 1.0 : 0.0);
            }
        }
        model.SourceEmbedding.weight![TranslationModel.PadId].zero_();
        model.TargetEmbedding.weight![TranslationModel.PadId].zero_();
    }
}

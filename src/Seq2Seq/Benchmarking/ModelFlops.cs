using Seq2Seq.Configuration;

namespace Seq2Seq.Benchmarking;

/// <summary>
/// The useful floating-point work of the model, counting only real (non-padded) positions and only
/// matrix products (2·m·n·k each); elementwise work is left out. Training is counted as three
/// forward passes (the backward pass does about twice the forward's products).
/// </summary>
public static class ModelFlops
{
    /// <summary>Forward products for one sentence pair of the given lengths (target length = decoder steps).</summary>
    public static double Forward(ModelConfig m, int vocabulary, int sourceLength, int targetLength)
    {
        double e = m.EmbeddingSize, h = m.EncoderHiddenSize, d = m.DecoderHiddenSize, a = m.AttentionSize, keys = 2 * h;
        double encoder = sourceLength * (2 * 2 * 4 * h * (e + h)    // two LSTM directions
                                         + 2 * keys * a);           // attention keys, once per batch
        double bridge = 2 * keys * d;
        double step = 2 * 4 * d * (e + d + d)                      // LSTM cell: [embedding; input feed] and recurrent
                      + 2 * d * a                                   // attention query
                      + 2 * a * sourceLength                        // energies vᵀ tanh(...)
                      + 2 * sourceLength * keys                     // context
                      + 2 * d * (d + keys)                          // attentional vector
                      + 2 * d * vocabulary;                         // output projection
        return encoder + bridge + targetLength * step;
    }
}

using Seq2Seq.Configuration;

namespace Seq2Seq.Model;

/// <summary>
/// The size of a <see cref="TranslationModel"/> known from its config and vocabularies alone, so
/// that a model too large for the machine is refused with the figures before anything is allocated
/// (sizes that each pass validation can still multiply to terabytes).
/// </summary>
public static class ModelMemory
{
    /// <summary>Bytes per parameter when translating: the float32 weights.</summary>
    public const int Inference = 4;

    /// <summary>Bytes per parameter when training with Adam: weights, gradients and two moments.</summary>
    public const int Training = 16;

    /// <summary>The parameter count of the model the config describes (equal to <see cref="TranslationModel.ParameterCount"/>).</summary>
    public static long Parameters(ModelConfig config, int sourceVocabulary, int targetVocabulary)
    {
        long e = config.EmbeddingSize, he = config.EncoderHiddenSize, hd = config.DecoderHiddenSize, a = config.AttentionSize;
        int gates = config.RnnType == RnnType.Lstm ? 4 : 3;
        long Recurrent(long input, long hidden) => gates * hidden * (input + hidden + 2);
        long embeddings = sourceVocabulary * e + (config.ShareEmbeddings ? 0 : targetVocabulary * e);
        long encoder = 0;
        for (int layer = 0; layer < config.EncoderLayers; layer++) encoder += 2 * Recurrent(layer == 0 ? e : 2 * he, he);
        long decoder = 0;
        for (int layer = 0; layer < config.DecoderLayers; layer++) decoder += Recurrent(layer == 0 ? e + hd : hd, hd);
        long encoderOutput = 2 * he;
        long bridge = encoderOutput * config.DecoderLayers * hd + config.DecoderLayers * hd;
        long attention = encoderOutput * a + hd * a + a;
        long attentional = (hd + encoderOutput) * hd + hd;
        long output = (config.TieOutputEmbedding ? 0 : hd * targetVocabulary) + targetVocabulary;
        return embeddings + encoder + decoder + bridge + attention + attentional + output;
    }

    /// <summary>
    /// Refuses a model whose parameters, at <paramref name="bytesPerParameter"/>, need more than
    /// half the memory this process may use (the rest is for activations, data and the runtime).
    /// </summary>
    /// <param name="source">what the model comes from, for the message (a config or model file)</param>
    public static void Check(ModelConfig config, int sourceVocabulary, int targetVocabulary, int bytesPerParameter, string source)
    {
        long parameters = Parameters(config, sourceVocabulary, targetVocabulary);
        double need = (double)parameters * bytesPerParameter;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (need > available / 2.0)
        {
            string purpose = bytesPerParameter == Training ? "training (weights, gradients, Adam's moments)" : "its weights";
            throw new UserError(FormattableString.Invariant(
                $"{source}: the model has {parameters:N0} parameters and needs {need / (1 << 30):F1} GiB for {purpose}; this machine allows {available / 2.0 / (1 << 30):F1} GiB (half its {available / (double)(1 << 30):F1} GiB); make model sizes or the vocabulary smaller"));
        }
    }
}

using Seq2Seq.Configuration;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

/// <summary>Small seeded models for unit tests.</summary>
internal static class TinyModels
{
    public static ModelConfig Config(RnnType type = RnnType.Lstm, int layers = 1) => new()
    {
        RnnType = type,
        EmbeddingSize = 8,
        EncoderHiddenSize = 6,
        EncoderLayers = layers,
        DecoderHiddenSize = 10,
        DecoderLayers = layers,
        AttentionSize = 7,
        Dropout = 0.0,
    };

    public static TranslationModel Create(int seed = 7, RnnType type = RnnType.Lstm, int layers = 1, int vocabulary = 20)
    {
        manual_seed(seed);
        var model = new TranslationModel(Config(type, layers), vocabulary, vocabulary);
        model.eval();
        return model;
    }

    /// <summary>A padded batch: rows of ids (no padding given), padded with 0.</summary>
    public static (Tensor Source, Tensor Lengths) Batch(params int[][] rows)
    {
        int width = rows.Max(r => r.Length);
        var data = new long[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) data[i * width + j] = rows[i][j];
        return (tensor(data, [rows.Length, width]), tensor(rows.Select(r => (long)r.Length).ToArray()));
    }
}

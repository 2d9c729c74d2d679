using Seq2Seq.Model;
using System.Text;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

/// <summary>
/// weights.bin: each tensor once, read back exactly, old files still read, and every crafted or
/// damaged header refused before anything is allocated.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class ModelWeightsTests
{
    /// <summary>The entry names of a weights file, read without a model.</summary>
    private static List<string> EntryNames(byte[] weights)
    {
        using var reader = new BinaryReader(new MemoryStream(weights), Encoding.UTF8);
        long count = Number(reader);
        var names = new List<string>();
        for (long i = 0; i < count; i++)
        {
            names.Add(reader.ReadString());
            var type = (ScalarType)Number(reader);
            long elements = 1;
            for (long d = Number(reader); d > 0; d--) elements *= Number(reader);
            reader.BaseStream.Seek(elements * (type == ScalarType.Float32 ? 4 : 8), SeekOrigin.Current);
        }
        return names;
    }

    private static long Number(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    private static void Number(BinaryWriter writer, long value)
    {
        do
        {
            byte low = (byte)(value & 0x7F);
            value >>= 7;
            writer.Write(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
    }

    /// <summary>A weights file of one entry with the given header (and no data unless given).</summary>
    private static byte[] Crafted(long count, string name, long type, long[] shape, int dataBytes = 0)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            Number(writer, count);
            writer.Write(name);
            Number(writer, type);
            Number(writer, shape.Length);
            foreach (long size in shape) Number(writer, size);
            writer.Write(new byte[dataBytes]);
        }
        return stream.ToArray();
    }

    private static bool SameParameters(nn.Module a, nn.Module b) =>
        a.named_parameters().Zip(b.named_parameters()).All(p => p.First.name == p.Second.name && p.First.parameter.eq(p.Second.parameter).all().item<bool>());

    [Fact]
    public void EachTensorIsStoredOnceAndReadBackExactly()
    {
        var shared = TinyModels.Config() with { EmbeddingSize = 10, ShareEmbeddings = true, TieOutputEmbedding = true };
        foreach (var config in new[] { TinyModels.Config(), shared })
        {
            manual_seed(3);
            using var model = new TranslationModel(config, 20, 20);
            var weights = ModelWeights.Save(model);
            var names = EntryNames(weights);
            Assert.Equal(model.parameters().Count(), names.Count);     // one entry per distinct tensor
            Assert.True(model.state_dict().Count > names.Count);      // while the state dict names some twice
            Assert.Contains("src_embedding.weight", names);
            Assert.DoesNotContain("encoder.embedding.weight", names);

            manual_seed(4);
            using var loaded = new TranslationModel(config, 20, 20);
            Assert.False(SameParameters(model, loaded));
            ModelWeights.Load(loaded, weights);
            Assert.True(SameParameters(model, loaded));
        }
    }

    [Fact]
    public void WeightsOfFormatVersionOneStillLoad()
    {
        using var model = TinyModels.Create(seed: 3);
        using var old = new MemoryStream();
        model.save(old); // TorchSharp's own writer, every name: what version 1 files hold
        using var loaded = TinyModels.Create(seed: 4);
        ModelWeights.Load(loaded, old.ToArray());
        Assert.True(SameParameters(model, loaded));
    }

    public static TheoryData<string, byte[], string> CraftedFiles
    {
        get
        {
            const string name = "src_embedding.weight";
            long float32 = (long)ScalarType.Float32;
            using var model = TinyModels.Create();
            var valid = ModelWeights.Save(model);
            return new TheoryData<string, byte[], string>
            {
                { "huge count", Crafted(1L << 40, name, float32, [20, 8]), "1099511627776 tensors, but the model has" },
                { "huge rank", Crafted(1, name, float32, [.. new long[64]]), "tensor 'src_embedding.weight' has rank 64, the model's has 2" },
                { "huge rank header", Crafted(1, name, float32, []).Take(Crafted(1, name, float32, []).Length - 1).Concat(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }).ToArray(), "has rank 4294967295" },
                { "huge shape", Crafted(1, name, float32, [1L << 40, 1L << 40]), "tensor 'src_embedding.weight' is [1099511627776, 1099511627776], the model's is [20, 8]" },
                { "other type", Crafted(1, name, (long)ScalarType.Float64, [20, 8]), "has element type 7, the model's is 6" },
                { "unknown name", Crafted(1, "evil.weight", float32, [20, 8]), "tensor 'evil.weight', which the model does not have" },
                { "long name", Crafted(1, new string('n', 5000), float32, [20, 8]), "a tensor name of 5000 bytes" },
                { "data cut short", Crafted(1, name, float32, [20, 8], dataBytes: 100), "tensor 'src_embedding.weight' is cut short (truncated file)" },
                { "header cut short", valid[..5], "truncated file" },
                { "missing tensors", Crafted(1, name, float32, [20, 8], dataBytes: 640), "no tensor 'trg_embedding.weight'" },
                { "overlong number", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "a number longer than 63 bits" },
                { "trailing bytes", [.. valid, 1, 2, 3], "3 bytes after the last tensor" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public void CraftedOrDamagedWeightsAreRefusedWithTheReason(string what, byte[] weights, string message)
    {
        using var model = TinyModels.Create();
        var error = Assert.Throws<InvalidDataException>(() => ModelWeights.Load(model, weights));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public void NonFiniteWeightsAreRefused()
    {
        using var model = TinyModels.Create();
        using (no_grad()) model.Decoder.OutputLayer.bias![3] = float.NaN;
        var weights = ModelWeights.Save(model);
        using var loaded = TinyModels.Create();
        var error = Assert.Throws<InvalidDataException>(() => ModelWeights.Load(loaded, weights));
        Assert.Equal("tensor 'decoder.output_layer.bias' holds NaN or infinite values", error.Message);
    }

    [Theory]
    [InlineData(Seq2Seq.Configuration.RnnType.Lstm, 1, false, false)]
    [InlineData(Seq2Seq.Configuration.RnnType.Lstm, 2, true, true)]
    [InlineData(Seq2Seq.Configuration.RnnType.Gru, 3, true, false)]
    [InlineData(Seq2Seq.Configuration.RnnType.Gru, 1, false, true)]
    public void TheMemoryEstimateCountsExactlyTheModelsParameters(Seq2Seq.Configuration.RnnType type, int layers, bool share, bool tie)
    {
        var config = TinyModels.Config(type, layers) with { EmbeddingSize = 10, ShareEmbeddings = share, TieOutputEmbedding = tie };
        int target = share ? 23 : 29;
        using var model = new TranslationModel(config, 23, target);
        Assert.Equal(model.ParameterCount, ModelMemory.Parameters(config, 23, target));
    }
}

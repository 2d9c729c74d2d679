using Seq2Seq.Configuration;
using Seq2Seq.Model;
using Seq2Seq.Training;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Model;

/// <summary>
/// model.share_embeddings and model.tie_output_embedding: one tensor serves as source embedding,
/// target embedding and output projection; it is one parameter to the optimizer (updated once per
/// step, counted once) and stays one tensor after a checkpoint round trip.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class EmbeddingSharingTests
{
    private static ModelConfig Tied => TinyModels.Config() with { EmbeddingSize = 10, ShareEmbeddings = true, TieOutputEmbedding = true };

    [Fact]
    public void SharedAndTiedWeightsAreOneParameter()
    {
        manual_seed(3);
        using var model = new TranslationModel(Tied, 20, 20);
        using var untied = new TranslationModel(Tied with { ShareEmbeddings = false, TieOutputEmbedding = false }, 20, 20);
        // One storage: writing through one name shows through the others.
        using (no_grad()) model.SourceEmbedding.weight![3, 2] = tensor(42f);
        Assert.Equal(42f, model.TargetEmbedding.weight![3, 2].item<float>());
        Assert.Equal(42f, model.Decoder.OutputLayer.weight![3, 2].item<float>());

        // The optimizer gets parameters(): the shared matrix must be in it once. Sharing saves the
        // target embedding (20 x 10), tying the output matrix (20 x 10).
        Assert.Equal(untied.ParameterCount - 2 * 20 * 10, model.ParameterCount);
        Assert.Equal(untied.parameters().Count() - 2, model.parameters().Count());
    }

    [Fact]
    public void AnAdamStepMovesTheTiedMatrixOnce()
    {
        manual_seed(6);
        using var model = new TranslationModel(Tied, 20, 20);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        using var scope = NewDisposeScope();
        var before = model.Decoder.OutputLayer.weight!.clone();
        var (source, lengths) = TinyModels.Batch([5, 6, 7], [8, 9]);
        var target = tensor(new long[] { 1, 4, 5, 1, 6, 0 }, [2, 3]);
        optimizer.zero_grad();
        model.Decoder.Project(model.ForwardAttentional(source, lengths, target, [2, 2, 1])).pow(2).sum().backward();
        optimizer.step();
        // Adam's first step moves each weight by at most the learning rate; given twice, by twice that.
        double moved = (model.Decoder.OutputLayer.weight! - before).abs().max().item<float>();
        Assert.InRange(moved, 0.005, 0.0101);
    }

    [Fact]
    public void TyingSurvivesACheckpointRoundTripAndOptimizerSteps()
    {
        manual_seed(4);
        using var model = new TranslationModel(Tied, 20, 20);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        using (var scope = NewDisposeScope())
        {
            var (source, lengths) = TinyModels.Batch([5, 6, 7], [8, 9]);
            var target = tensor(new long[] { 1, 4, 5, 1, 6, 0 }, [2, 3]);
            for (int i = 0; i < 3; i++)
            {
                optimizer.zero_grad();
                model.ForwardAttentional(source, lengths, target, [2, 2, 1]).pow(2).sum().backward();
                optimizer.step();
            }
        }
        var weights = ModelWeights.Save(model);
        manual_seed(5);
        using var loaded = new TranslationModel(Tied, 20, 20);
        ModelWeights.Load(loaded, weights);
        Assert.True(loaded.Decoder.OutputLayer.weight!.eq(model.Decoder.OutputLayer.weight!).all().item<bool>());
        using (no_grad()) loaded.SourceEmbedding.weight!.add_(1.0);
        Assert.True(loaded.Decoder.OutputLayer.weight!.eq(loaded.SourceEmbedding.weight!).all().item<bool>(), "the loaded model's weights are no longer tied");
    }
}

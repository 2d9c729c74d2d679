using Seq2Seq.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Tests.Training;

[Collection(LibTorchCollection.Name)]
public class GuardedUpdateTests
{
    [Fact]
    public void ClippingReturnsTheNormBeforeClippingAndScalesTheGradientsToTheThreshold()
    {
        using var scope = NewDisposeScope();
        var a = new Parameter(zeros(2));
        var b = new Parameter(zeros(1));
        a.grad = tensor(new float[] { 3, 0 });
        b.grad = tensor(new float[] { 4 });
        double norm = GuardedUpdate.ClipGradients([a, b], 1.0);
        Assert.Equal(5.0, norm, 5);
        Assert.Equal([0.6f, 0f], a.grad!.data<float>().ToArray(), (x, y) => Math.Abs(x - y) < 1e-5);
        Assert.Equal(0.8f, b.grad!.data<float>()[0], 5);

        // Below the threshold nothing changes; 0 means no clipping, the norm is still measured.
        Assert.Equal(1.0, GuardedUpdate.ClipGradients([a, b], 2.0), 5);
        Assert.Equal(0.8f, b.grad!.data<float>()[0], 5);
        b.grad = tensor(new float[] { 40 });
        Assert.Equal(Math.Sqrt(0.36 + 1600), GuardedUpdate.ClipGradients([a, b], 0), 3);
        Assert.Equal(40f, b.grad!.data<float>()[0]);
    }

    [Fact]
    public void NonFiniteUpdatesAreSkippedCountedAndStopAfterTenInARow()
    {
        using var scope = NewDisposeScope();
        var w = new Parameter(tensor(new float[] { 0.5f, 2.0f }));
        using var optimizer = optim.Adam([w], 0.1);
        var update = new GuardedUpdate([w], optimizer, 1.0);

        var applied = update.Apply((w * w).sum());
        Assert.True(applied.Applied);
        Assert.Equal(Math.Sqrt(1 + 16), applied.GradNorm, 4);
        var afterGood = w.data<float>().ToArray();
        Assert.NotEqual([0.5f, 2.0f], afterGood);

        // A NaN loss is not even backpropagated; an infinite gradient of a finite loss is caught after backward.
        var nanLoss = update.Apply((w * float.NaN).sum());
        Assert.False(nanLoss.Applied);
        var infGrad = update.Apply((w - w.detach()).abs().sqrt().sum()); // loss 0, d/dw sqrt(|0|) = inf
        Assert.False(infGrad.Applied);
        Assert.Equal(afterGood, w.data<float>().ToArray());
        Assert.Equal(2, update.Skipped);
        Assert.Equal(2, update.ConsecutiveSkipped);

        // Adam's state was not touched either: the next good update is the second Adam step.
        var good = update.Apply((w * w).sum());
        Assert.True(good.Applied);
        Assert.Equal(0, update.ConsecutiveSkipped);
        using var reference = new Parameter(tensor(new float[] { 0.5f, 2.0f }));
        using var referenceOptimizer = optim.Adam([reference], 0.1);
        for (int i = 0; i < 2; i++)
        {
            referenceOptimizer.zero_grad();
            (reference * reference).sum().backward();
            nn.utils.clip_grad_norm_([reference], 1.0);
            referenceOptimizer.step();
        }
        Assert.Equal(reference.data<float>().ToArray(), w.data<float>().ToArray());

        for (int i = 1; i <= GuardedUpdate.MaxConsecutiveSkips; i++)
        {
            Assert.False(update.Diverged);
            update.Apply((w * float.PositiveInfinity).sum());
        }
        Assert.True(update.Diverged);
        Assert.Equal(12, update.Skipped);
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>The outcome of one update: the gradient norm before clipping (NaN when not computed) and whether it was applied.</summary>
public readonly record struct UpdateOutcome(double GradNorm, bool Applied);

/// <summary>
/// One optimizer update with its guards: backpropagation, gradient-norm clipping (the norm before
/// clipping is returned, for the metrics) and skipping of updates whose loss or gradient is not
/// finite (NaN/inf), so that one bad batch cannot poison the weights or Adam's moments. Skipped
/// updates are counted; after <see cref="MaxConsecutiveSkips"/> in a row, <see cref="Diverged"/>
/// tells the trainer to stop.
/// </summary>
public sealed class GuardedUpdate(IReadOnlyList<Parameter> parameters, OptimizerHelper optimizer, double clipGradNorm)
{
    public const int MaxConsecutiveSkips = 10;

    public int Skipped { get; set; }
    public int ConsecutiveSkipped { get; set; }
    public bool Diverged => ConsecutiveSkipped >= MaxConsecutiveSkips;

    private bool spoiled;

    /// <summary>Zeroes the gradients, backpropagates <paramref name="loss"/>, clips and steps, unless something is not finite.</summary>
    public UpdateOutcome Apply(Tensor loss)
    {
        Begin();
        Accumulate(loss);
        return Finish();
    }

    /// <summary>Starts an update: drops the gradients left from the last one.</summary>
    public void Begin()
    {
        ClearGradients();
        spoiled = false;
    }

    /// <summary>
    /// Backpropagates one part of the update's loss (gradient accumulation: the parts' gradients add
    /// up). A part whose loss is not finite spoils the update, which <see cref="Finish"/> then skips.
    /// </summary>
    public void Accumulate(Tensor loss)
    {
        if (spoiled) return;
        if (double.IsFinite(loss.item<float>())) loss.backward();
        else spoiled = true;
    }

    /// <summary>Clips and steps with the accumulated gradients, unless the loss or the gradient is not finite.</summary>
    public UpdateOutcome Finish()
    {
        double norm = spoiled ? double.NaN : ClipGradients(parameters, clipGradNorm);
        if (double.IsFinite(norm))
        {
            optimizer.step();
            ConsecutiveSkipped = 0;
            return new UpdateOutcome(norm, true);
        }
        ClearGradients();
        Skipped++;
        ConsecutiveSkipped++;
        return new UpdateOutcome(norm, false);
    }

    /// <summary>
    /// Drops the gradients (set to none, as PyTorch's zero_grad does by default) instead of filling
    /// them with zeros: backward then writes fresh gradients, and a skipped update leaves none behind.
    /// </summary>
    private void ClearGradients()
    {
        foreach (var p in parameters) p.grad = null;
    }

    /// <summary>
    /// The total L2 norm of the gradients before clipping; if <paramref name="maxNorm"/> &gt; 0 and the
    /// norm exceeds it, the gradients are scaled so that their norm is <paramref name="maxNorm"/>.
    /// </summary>
    public static double ClipGradients(IEnumerable<Parameter> parameters, double maxNorm) => maxNorm > 0
        ? nn.utils.clip_grad_norm_(parameters, maxNorm)
        : TotalNorm(parameters);

    private static double TotalNorm(IEnumerable<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        double sum = 0;
        foreach (var p in parameters)
        {
            if (p.grad is { } g) sum += g.pow(2).sum().item<float>();
        }
        return Math.Sqrt(sum);
    }
}

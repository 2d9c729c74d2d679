using static TorchSharp.torch;

namespace Seq2Seq.Model;

/// <summary>
/// The recurrent state of the decoder between two steps: per layer the hidden state (and the LSTM
/// cell state), plus the previous attentional vector that input feeding passes to the next step.
/// </summary>
public sealed class DecoderState(Tensor[] hidden, Tensor[]? cell, Tensor attentional) : IDisposable
{
    /// <summary>per layer: batch x decoder_hidden</summary>
    public Tensor[] Hidden { get; } = hidden;

    /// <summary>per layer: batch x decoder_hidden (LSTM only, else null)</summary>
    public Tensor[]? Cell { get; } = cell;

    /// <summary>batch x decoder_hidden: the attentional vector of the previous step</summary>
    public Tensor Attentional { get; } = attentional;

    /// <summary>Rows selected by index: reorders beams, or expands sentences into beams.</summary>
    public DecoderState Select(Tensor rows) => new(
        Hidden.Select(h => h.index_select(0, rows)).ToArray(),
        Cell?.Select(c => c.index_select(0, rows)).ToArray(),
        Attentional.index_select(0, rows));

    /// <summary>The first rows only, as views (teacher forcing drops rows whose target has ended).</summary>
    public DecoderState Narrow(int rows) => new(
        Hidden.Select(h => h.narrow(0, 0, rows)).ToArray(),
        Cell?.Select(c => c.narrow(0, 0, rows)).ToArray(),
        Attentional.narrow(0, 0, rows));

    /// <summary>Moves every tensor of the state out of the current dispose scope.</summary>
    public DecoderState MoveToOuterDisposeScope()
    {
        foreach (var h in Hidden) h.MoveToOuterDisposeScope();
        if (Cell is not null) foreach (var c in Cell) c.MoveToOuterDisposeScope();
        Attentional.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        foreach (var h in Hidden) h.Dispose();
        if (Cell is not null) foreach (var c in Cell) c.Dispose();
        Attentional.Dispose();
    }
}

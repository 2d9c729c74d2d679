using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// Several scorers over the same sentences and the same target vocabulary, decoded as one model:
/// at every step the next-token log-probabilities of the members are averaged,
/// log p(y) = (1/M) Σ_m log p_m(y). Each member keeps its own state (and its own encoding of the
/// source, which may come from its own source pipeline); the search's row selections are applied
/// to every member. Attention weights and source lengths are those of the first member.
/// The ensemble owns its members and disposes them.
/// </summary>
public sealed class EnsembleScorer : IStepScorer
{
    private readonly IStepScorer[] members;

    public EnsembleScorer(IReadOnlyList<IStepScorer> members)
    {
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one scorer", nameof(members));
        for (int m = 1; m < members.Count; m++)
        {
            if (members[m].VocabularySize != members[0].VocabularySize)
            {
                throw new ArgumentException($"ensemble member {m + 1} has a target vocabulary of {members[m].VocabularySize} tokens, member 1 of {members[0].VocabularySize}", nameof(members));
            }
            if (members[m].BatchSize != members[0].BatchSize)
            {
                throw new ArgumentException($"ensemble member {m + 1} holds {members[m].BatchSize} sentences, member 1 holds {members[0].BatchSize}", nameof(members));
            }
        }
        this.members = [.. members];
    }

    public int VocabularySize => members[0].VocabularySize;

    public int BatchSize => members[0].BatchSize;

    public IReadOnlyList<int> SourceLengths => members[0].SourceLengths;

    public void Start(long[]? rowSentences)
    {
        foreach (var member in members) member.Start(rowSentences);
    }

    public StepScores Step(Tensor previous)
    {
        var first = members[0].Step(previous);
        var sum = first.LogProbs;
        for (int m = 1; m < members.Length; m++)
        {
            var scores = members[m].Step(previous);
            sum.add_(scores.LogProbs);
            scores.LogProbs.Dispose();
            scores.Weights?.Dispose();
        }
        if (members.Length > 1) sum.div_(members.Length);
        return new StepScores(sum, first.Weights);
    }

    public void Advance(long[]? origins)
    {
        foreach (var member in members) member.Advance(origins);
    }

    public void Dispose()
    {
        foreach (var member in members) member.Dispose();
    }
}

using Seq2Seq.Tokenization;

namespace Seq2Seq.Decoding;

/// <summary>
/// Replaces each unknown target token by the source token that received the highest attention
/// weight when it was produced (Luong et al., 2015, "unk replace").
/// </summary>
public static class UnknownReplacement
{
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> targetTokens, Hypothesis hypothesis, IReadOnlyList<string> sourceTokens)
    {
        var result = targetTokens.ToArray();
        for (int t = 0; t < result.Length && t < hypothesis.Attention!.Length; t++)
        {
            if (result[t] != Vocabulary.UnkToken) continue;
            var weights = hypothesis.Attention[t];
            int best = 0;
            for (int s = 1; s < weights.Length; s++) if (weights[s] > weights[best]) best = s;
            if (best < sourceTokens.Count) result[t] = sourceTokens[best];
        }
        return result;
    }
}

using Seq2Seq.Configuration;
using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Training;

/// <summary>Corpus BLEU of translations against one reference stream, with the evaluation config's settings.</summary>
public static class DevBleu
{
    public static (double Score, string Line) Score(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, EvaluationConfig config)
    {
        var score = Bleu.Corpus(hypotheses, [references], new BleuOptions { Tokenize = config.Tokenize, Lowercase = config.Lowercase });
        return (score.Score, score.Format(withSignature: true));
    }
}

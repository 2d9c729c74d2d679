using Seq2Seq.Evaluation.Metrics;

namespace Seq2Seq.Evaluation.Output;

/// <summary>One segment with its sentence-level BLEU, as listed in reports.</summary>
/// <param name="Index">0-based line number in the test set.</param>
/// <param name="Bleu">Sentence BLEU (sacreBLEU's <c>sentence_bleu</c>: the report's BLEU settings with effective
/// order on).</param>
/// <param name="Chrf">Sentence chrF with the report's chrF settings.</param>
/// <param name="Hypothesis">The hypothesis.</param>
/// <param name="References">The segment's (non-null) references.</param>
/// <param name="Source">The source sentence, when sources were given.</param>
/// <param name="HypothesisLength">Hypothesis length in BLEU tokens.</param>
/// <param name="ReferenceLength">Closest reference length in BLEU tokens.</param>
public sealed record ScoredSentence(
    int Index,
    double Bleu,
    double Chrf,
    string Hypothesis,
    IReadOnlyList<string> References,
    string? Source,
    int HypothesisLength,
    int ReferenceLength);

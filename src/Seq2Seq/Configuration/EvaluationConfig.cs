namespace Seq2Seq.Configuration;

/// <summary>How translations are scored.</summary>
[Doc("Scoring of dev and test translations (sacreBLEU-compatible).")]
public sealed record EvaluationConfig
{
    [Doc("BLEU tokenizer, as sacreBLEU names them.")]
    [OneOf(typeof(Evaluation.Tokenizers.BleuTokenizers))]
    public string Tokenize { get; init; } = "13a";

    [Doc("Lowercase hypotheses and references before scoring.")]
    public bool Lowercase { get; init; }
}

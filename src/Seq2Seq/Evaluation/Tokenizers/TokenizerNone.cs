namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>sacreBLEU's "none" tokenizer: the identity. Only the whitespace split that follows every tokenizer
/// happens, so punctuation stays attached to words.</summary>
public sealed class TokenizerNone : IBleuTokenizer
{
    /// <inheritdoc/>
    public string Signature => "none";

    /// <inheritdoc/>
    public string Tokenize(string line) => line;
}

namespace Seq2Seq.Tokenization;

/// <summary>
/// Splits normalized text (output of <see cref="TextNormalizer"/>) into subword token strings and back.
/// Implementations guarantee <c>Decode(EncodeToTokens(s)) == s</c> for every normalized <c>s</c>
/// (for SentencePiece models, as far as the model's own normalization allows).
/// </summary>
public interface ISubwordTokenizer
{
    /// <summary>Short name of the scheme ("bpe" or "sentencepiece").</summary>
    string Kind { get; }

    IReadOnlyList<string> EncodeToTokens(string normalizedText);

    string Decode(IEnumerable<string> tokens);

    /// <summary>The model files as file name → text, e.g. for embedding in a checkpoint.</summary>
    IReadOnlyDictionary<string, string> ToFiles();

    /// <summary>Writes <see cref="ToFiles"/> into a directory (created if needed).</summary>
    void Save(string directory);
}

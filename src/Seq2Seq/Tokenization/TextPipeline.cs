using Seq2Seq.Configuration;

namespace Seq2Seq.Tokenization;

/// <summary>
/// Everything that turns one language's raw text into vocabulary ids and back: normalization,
/// subword tokenization and the vocabulary. The same pipeline object is used in training,
/// translation and evaluation, so text is treated identically everywhere.
/// </summary>
public sealed class TextPipeline(TextNormalizer normalizer, ISubwordTokenizer tokenizer, Vocabulary vocabulary)
{
    public TextNormalizer Normalizer { get; } = normalizer;
    public ISubwordTokenizer Tokenizer { get; } = tokenizer;
    public Vocabulary Vocabulary { get; } = vocabulary;

    public string Normalize(string raw) => Normalizer.Normalize(raw);

    public IReadOnlyList<string> Tokenize(string raw) => Tokenizer.EncodeToTokens(Normalizer.Normalize(raw));

    public int[] Encode(string raw) => Vocabulary.Encode(Tokenize(raw));

    public string Decode(IEnumerable<int> ids) => Tokenizer.Decode(Vocabulary.Decode(ids));

    /// <summary>The files that recreate this pipeline (tokenizer model and vocabulary), by name.</summary>
    public IReadOnlyDictionary<string, string> ToFiles()
    {
        var files = new Dictionary<string, string>(Tokenizer.ToFiles()) { [Vocabulary.FileName] = Vocabulary.ToJson() };
        return files;
    }

    public static TextPipeline FromFiles(IReadOnlyDictionary<string, string> files, DataConfig data)
    {
        var tokenizerFiles = files.Where(f => f.Key != Vocabulary.FileName).ToDictionary(f => f.Key, f => f.Value);
        return new TextPipeline(TextNormalizer.FromConfig(data), TokenizerFiles.FromFiles(tokenizerFiles), Vocabulary.FromJson(files[Vocabulary.FileName]));
    }
}

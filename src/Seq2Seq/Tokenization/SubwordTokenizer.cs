using Microsoft.ML.Tokenizers;
using System.Text;

namespace Seq2Seq.Tokenization;

/// <summary>
/// BPE subword tokenizer backed by Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>, loaded from the
/// <c>vocab.json</c> + <c>merges.txt</c> of a <see cref="BpeModel"/>.
/// <para>
/// Encoding: the normalized text is split at spaces, each word is marked (<see cref="WordBoundary.MarkWord"/>)
/// and encoded by the BPE tokenizer on its own. A character outside the model's alphabet comes back as the
/// internal unknown token and is replaced here by the character itself (taken from the token's offset), so the
/// token strings always spell the input exactly; the <see cref="Vocabulary"/> maps such unseen tokens to
/// &lt;unk&gt;. Decoding is <see cref="WordBoundary.Decode"/>.
/// </para>
/// </summary>
public sealed class SubwordTokenizer : ISubwordTokenizer
{
    private readonly BpeTokenizer _bpe;
    private readonly int _unknownId;
    private readonly string _vocabJson;
    private readonly string _mergesText;

    private SubwordTokenizer(string vocabJson, string mergesText)
    {
        _vocabJson = vocabJson;
        _mergesText = mergesText;
        using var vocabStream = new MemoryStream(Encoding.UTF8.GetBytes(vocabJson));
        using var mergesStream = new MemoryStream(Encoding.UTF8.GetBytes(mergesText));
        _bpe = BpeTokenizer.Create(
            vocabStream,
            mergesStream,
            preTokenizer: null,
            normalizer: null,
            specialTokens: null,
            unknownToken: BpeModel.InternalUnknownToken,
            continuingSubwordPrefix: null,
            endOfWordSuffix: null,
            fuseUnknownTokens: true);
        _unknownId = _bpe.Vocabulary[BpeModel.InternalUnknownToken];
    }

    public string Kind => "bpe";

    public static SubwordTokenizer FromModel(BpeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SubwordTokenizer(model.ToVocabJson(), model.ToMergesText());
    }

    /// <summary>From the texts of <c>vocab.json</c> and <c>merges.txt</c> as written by <see cref="ToFiles"/>.</summary>
    public static SubwordTokenizer FromFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.TryGetValue(BpeModel.VocabFileName, out string? vocab) || !files.TryGetValue(BpeModel.MergesFileName, out string? merges))
        {
            throw new ArgumentException($"BPE tokenizer files need '{BpeModel.VocabFileName}' and '{BpeModel.MergesFileName}'.", nameof(files));
        }

        return new SubwordTokenizer(vocab, merges);
    }

    public static SubwordTokenizer Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return FromFiles(new Dictionary<string, string>
        {
            [BpeModel.VocabFileName] = File.ReadAllText(Path.Combine(directory, BpeModel.VocabFileName), Encoding.UTF8),
            [BpeModel.MergesFileName] = File.ReadAllText(Path.Combine(directory, BpeModel.MergesFileName), Encoding.UTF8),
        });
    }

    public IReadOnlyDictionary<string, string> ToFiles() => new Dictionary<string, string>
    {
        [BpeModel.VocabFileName] = _vocabJson,
        [BpeModel.MergesFileName] = _mergesText,
    };

    public void Save(string directory) => TokenizerFiles.Write(directory, ToFiles());

    public IReadOnlyList<string> EncodeToTokens(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var result = new List<string>();
        foreach (string word in WordBoundary.SplitWords(normalizedText))
        {
            string marked = WordBoundary.MarkWord(word);
            IReadOnlyList<EncodedToken> tokens = _bpe.EncodeToTokens(marked, out _, considerPreTokenization: false, considerNormalization: false);
            foreach (EncodedToken token in tokens)
            {
                result.Add(token.Id == _unknownId ? marked[token.Offset] : token.Value);
            }
        }

        return result;
    }

    public string Decode(IEnumerable<string> tokens) => WordBoundary.Decode(tokens);
}

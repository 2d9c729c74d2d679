using Microsoft.ML.Tokenizers;
using System.Globalization;
using System.Text;

namespace Seq2Seq.Tokenization;

/// <summary>
/// A pre-trained SentencePiece model (<c>.model</c> protobuf, BPE or Unigram) loaded through
/// Microsoft.ML.Tokenizers' <see cref="SentencePieceTokenizer"/>, behind <see cref="ISubwordTokenizer"/>.
/// <para>
/// Tokens are the model's pieces ("▁" marks word starts). A piece the model maps to its unknown id is replaced
/// by the text it covers, and byte-fallback pieces ("&lt;0xC3&gt;") are turned back into characters when decoding,
/// so the round trip is exact up to the model's own normalization (e.g. an "nmt_nfkc" model changes some
/// characters; <see cref="TextNormalizer"/> with NFKC matches it best). No BOS/EOS pieces are emitted: the
/// <see cref="Vocabulary"/> adds those.
/// </para>
/// </summary>
public sealed class SentencePieceSubwordTokenizer : ISubwordTokenizer
{
    /// <summary>File name of the base64 text of the model in <see cref="ToFiles"/>.</summary>
    public const string Base64FileName = "sentencepiece.model.base64";

    private readonly SentencePieceTokenizer _tokenizer;
    private readonly byte[] _modelBytes;

    private SentencePieceSubwordTokenizer(byte[] modelBytes)
    {
        _modelBytes = modelBytes;
        using var stream = new MemoryStream(modelBytes, writable: false);
        _tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
    }

    public string Kind => "sentencepiece";


    public static SentencePieceSubwordTokenizer FromModelBytes(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        return new SentencePieceSubwordTokenizer((byte[])modelBytes.Clone());
    }

    /// <summary>Loads a SentencePiece <c>.model</c> file.</summary>
    public static SentencePieceSubwordTokenizer FromModelFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new SentencePieceSubwordTokenizer(File.ReadAllBytes(path));
    }

    public static SentencePieceSubwordTokenizer FromFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.TryGetValue(Base64FileName, out string? base64))
        {
            throw new ArgumentException($"SentencePiece tokenizer files need '{Base64FileName}'.", nameof(files));
        }

        return new SentencePieceSubwordTokenizer(Convert.FromBase64String(base64.Trim()));
    }

    public IReadOnlyDictionary<string, string> ToFiles() => new Dictionary<string, string>
    {
        [Base64FileName] = Convert.ToBase64String(_modelBytes),
    };

    public void Save(string directory) => TokenizerFiles.Write(directory, ToFiles());

    public IReadOnlyList<string> EncodeToTokens(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        if (normalizedText.Length == 0)
        {
            return Array.Empty<string>();
        }

        IReadOnlyList<EncodedToken> tokens = _tokenizer.EncodeToTokens(
            normalizedText, out string? spNormalized, addBeginningOfSentence: false, addEndOfSentence: false);
        string source = spNormalized ?? normalizedText;
        var result = new List<string>(tokens.Count);
        foreach (EncodedToken token in tokens)
        {
            if (token.Id == _tokenizer.UnknownId)
            {
                (int offset, int length) = token.Offset.GetOffsetAndLength(source.Length);
                result.Add(length > 0 ? source.Substring(offset, length) : token.Value);
            }
            else
            {
                result.Add(token.Value);
            }
        }

        return result;
    }

    public string Decode(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        void FlushBytes()
        {
            if (bytes.Count > 0)
            {
                sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                bytes.Clear();
            }
        }

        foreach (string token in tokens)
        {
            if (_tokenizer.ByteFallback && TryParseByte(token, out byte b))
            {
                bytes.Add(b);
                continue;
            }

            FlushBytes();
            sb.Append(token);
        }

        FlushBytes();
        string text = _tokenizer.EscapeWhiteSpaces ? sb.Replace(WordBoundary.Marker, ' ').ToString() : sb.ToString();
        if (_tokenizer.AddDummyPrefix)
        {
            if (_tokenizer.TreatWhitespaceAsSuffix)
            {
                text = text.EndsWith(' ') ? text[..^1] : text;
            }
            else
            {
                text = text.StartsWith(' ') ? text[1..] : text;
            }
        }

        return text;
    }

    /// <summary>Byte-fallback piece "&lt;0xHH&gt;".</summary>
    private static bool TryParseByte(string token, out byte value)
    {
        value = 0;
        return token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
            && byte.TryParse(token.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}

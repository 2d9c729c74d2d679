using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Seq2Seq.Tokenization;

/// <summary>
/// Token string ↔ id mapping for the model. Ids 0–3 are fixed special tokens (pad=0 "&lt;pad&gt;", bos=1 "&lt;s&gt;",
/// eos=2 "&lt;/s&gt;", unk=3 "&lt;unk&gt;"), the ids the benchmark model expects; then the subword tokens by
/// descending training frequency, ties in ordinal string order, so the same data always gives the same ids.
/// <para>
/// Any token not in the vocabulary — e.g. a character never seen in training, which the subword tokenizer
/// passes through as its own token — encodes to <see cref="UnkId"/>; encoding never throws on unseen text.
/// </para>
/// </summary>
public sealed class Vocabulary
{
    public const int PadId = SpecialTokens.PadId;
    public const int BosId = SpecialTokens.BosId;
    public const int EosId = SpecialTokens.EosId;
    public const int UnkId = SpecialTokens.UnkId;
    public const string PadToken = SpecialTokens.Pad;
    public const string BosToken = SpecialTokens.Bos;
    public const string EosToken = SpecialTokens.Eos;
    public const string UnkToken = SpecialTokens.Unk;

    /// <summary>Default file name used by callers that save a vocabulary next to other files.</summary>
    public const string FileName = "vocab.tokens.json";

    private const string FormatName = "seq2seq-vocabulary";

    private static readonly string[] Specials = [PadToken, BosToken, EosToken, UnkToken];

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(string[] tokens)
    {
        for (int i = 0; i < Specials.Length; i++)
        {
            if (tokens.Length <= i || tokens[i] != Specials[i])
            {
                throw new FormatException($"Vocabulary id {i} must be '{Specials[i]}'.");
            }
        }

        _tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!_ids.TryAdd(tokens[i], i))
            {
                throw new FormatException($"Vocabulary token '{tokens[i]}' appears twice (ids {_ids[tokens[i]]} and {i}).");
            }
        }
    }

    /// <summary>Number of ids, special tokens included.</summary>
    public int Count => _tokens.Length;

    /// <summary>Tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>
    /// Builds a vocabulary from token counts: tokens seen fewer than <paramref name="minFrequency"/> times are left
    /// out, and with <paramref name="maxSize"/> &gt; 0 only the most frequent tokens are kept so that the vocabulary,
    /// special tokens included, has at most <paramref name="maxSize"/> ids. Counts for special token strings are ignored.
    /// </summary>
    public static Vocabulary Build(IReadOnlyDictionary<string, long> tokenCounts, int minFrequency = 1, int maxSize = 0)
    {
        ArgumentNullException.ThrowIfNull(tokenCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFrequency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        if (maxSize > 0 && maxSize < Specials.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, $"A vocabulary needs room for the {Specials.Length} special tokens.");
        }

        IEnumerable<string> ordered = tokenCounts
            .Where(e => e.Value >= minFrequency && Array.IndexOf(Specials, e.Key) < 0)
            .OrderByDescending(e => e.Value)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key);
        if (maxSize > 0)
        {
            ordered = ordered.Take(maxSize - Specials.Length);
        }

        return new Vocabulary([.. Specials, .. ordered]);
    }

    /// <summary>Counts the tokens of tokenized sentences, then <see cref="Build(IReadOnlyDictionary{string, long}, int, int)"/>.</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> tokenizedSentences, int minFrequency = 1, int maxSize = 0)
    {
        ArgumentNullException.ThrowIfNull(tokenizedSentences);
        return Build(CountTokens(tokenizedSentences), minFrequency, maxSize);
    }

    /// <summary>Token frequencies of tokenized sentences.</summary>
    public static Dictionary<string, long> CountTokens(IEnumerable<IEnumerable<string>> tokenizedSentences)
    {
        ArgumentNullException.ThrowIfNull(tokenizedSentences);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (IEnumerable<string> sentence in tokenizedSentences)
        {
            foreach (string token in sentence)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        return counts;
    }

    /// <summary>Id of a token; <see cref="UnkId"/> when the token is not in the vocabulary.</summary>
    public int this[string token] => _ids.TryGetValue(token, out int id) ? id : UnkId;

    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>Token string of an id (special tokens included).</summary>
    public string TokenOf(int id)
    {
        if ((uint)id >= (uint)_tokens.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Vocabulary ids are 0..{_tokens.Length - 1}.");
        }

        return _tokens[id];
    }

    /// <summary>Ids of tokens; unseen tokens become <see cref="UnkId"/>. Adds BOS/EOS when asked.</summary>
    public int[] Encode(IEnumerable<string> tokens, bool addBos = false, bool addEos = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new List<int>();
        if (addBos)
        {
            ids.Add(BosId);
        }

        foreach (string token in tokens)
        {
            ids.Add(this[token]);
        }

        if (addEos)
        {
            ids.Add(EosId);
        }

        return ids.ToArray();
    }

    /// <summary>Tokens of ids, skipping pad, bos and eos (unk stays "&lt;unk&gt;"). Out-of-range ids throw.</summary>
    public IReadOnlyList<string> Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        foreach (int id in ids)
        {
            if (id is PadId or BosId or EosId)
            {
                continue;
            }

            tokens.Add(TokenOf(id));
        }

        return tokens;
    }

    /// <summary>JSON text: <c>{"format": "seq2seq-vocabulary", "tokens": [token of id 0, token of id 1, ...]}</c>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteStartArray("tokens");
            foreach (string token in _tokens)
            {
                writer.WriteStringValue(token);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static Vocabulary FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out JsonElement format) || format.GetString() != FormatName
            || !root.TryGetProperty("tokens", out JsonElement tokens) || tokens.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Not a vocabulary file: expected {{\"format\": \"{FormatName}\", \"tokens\": [...]}}.");
        }

        return new Vocabulary(tokens.EnumerateArray().Select(t => t.GetString() ?? throw new FormatException("Null vocabulary token.")).ToArray());
    }

    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Files.DurableFile.WriteAllText(path, ToJson());
    }

    public static Vocabulary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromJson(File.ReadAllText(path, Encoding.UTF8));
    }
}

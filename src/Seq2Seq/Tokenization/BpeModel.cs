using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Seq2Seq.Tokenization;

/// <summary>
/// A learned byte-pair-encoding model: the base symbols and the ordered merge list.
/// Written in the Hugging Face layout that Microsoft.ML.Tokenizers' <c>BpeTokenizer</c> reads:
/// <c>vocab.json</c> (token → id, every base symbol and every merge result) and <c>merges.txt</c>
/// (a <c>#version</c> line, then one "left right" pair per line, best rank first).
/// </summary>
public sealed class BpeModel
{
    /// <summary>
    /// Token the tokenizer emits internally for a character outside <see cref="Alphabet"/>; it contains a
    /// space, so it can never equal a learned subword (words never contain spaces). The subword tokenizer
    /// replaces it by the character itself, so unknown characters survive the subword round trip.
    /// </summary>
    public const string InternalUnknownToken = " <unk>";

    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";

    public BpeModel(IReadOnlyList<string> alphabet, IReadOnlyList<(string Left, string Right)> merges)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(merges);
        Alphabet = alphabet;
        Merges = merges;
    }

    /// <summary>Base symbols (single code points, always including "▁"), in ordinal order.</summary>
    public IReadOnlyList<string> Alphabet { get; }

    /// <summary>
    /// Merges in rank order. The learner puts the "▁ x" merges (attaching the word-boundary marker to the
    /// following character) first, then the learned merges.
    /// </summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>All tokens of the model: internal unknown token, alphabet, then merge results in rank order (no duplicates).</summary>
    public IReadOnlyList<string> Tokens()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<string>();
        void Add(string t)
        {
            if (seen.Add(t))
            {
                tokens.Add(t);
            }
        }

        Add(InternalUnknownToken);
        foreach (string s in Alphabet)
        {
            Add(s);
        }

        foreach ((string left, string right) in Merges)
        {
            Add(left);
            Add(right);
            Add(left + right);
        }

        return tokens;
    }

    /// <summary>The <c>vocab.json</c> text: a JSON object token → id (ids in <see cref="Tokens"/> order).</summary>
    public string ToVocabJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            IReadOnlyList<string> tokens = Tokens();
            for (int i = 0; i < tokens.Count; i++)
            {
                writer.WriteNumber(tokens[i], i);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The <c>merges.txt</c> text.</summary>
    public string ToMergesText()
    {
        var sb = new StringBuilder();
        sb.Append("#version: 0.2 seq2seq-bpe\n");
        foreach ((string left, string right) in Merges)
        {
            sb.Append(left).Append(' ').Append(right).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads a model back from its <c>vocab.json</c> and <c>merges.txt</c> texts.</summary>
    public static BpeModel Parse(string vocabJson, string mergesText)
    {
        ArgumentNullException.ThrowIfNull(vocabJson);
        ArgumentNullException.ThrowIfNull(mergesText);
        Dictionary<string, int> vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(vocabJson)
            ?? throw new FormatException("vocab.json is empty.");
        var merges = new List<(string, string)>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in mergesText.Split('\n'))
        {
            lineNumber++;
            string l = line.TrimEnd('\r');
            if (l.Length == 0 || l.StartsWith("#version", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = l.Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"merges.txt line {lineNumber}: expected 'left right', got '{l}'.");
            }

            foreach (string t in new[] { parts[0], parts[1], parts[0] + parts[1] })
            {
                if (!vocab.ContainsKey(t))
                {
                    throw new FormatException($"merges.txt line {lineNumber}: '{t}' is not in vocab.json.");
                }
            }

            merges.Add((parts[0], parts[1]));
            produced.Add(parts[0] + parts[1]);
        }

        var alphabet = vocab.Keys
            .Where(t => t != InternalUnknownToken && !produced.Contains(t))
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
        return new BpeModel(alphabet, merges);
    }
}

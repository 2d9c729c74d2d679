using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Seq2Seq.Configuration;
using Seq2Seq.Tokenization;

namespace Seq2Seq.Data;

/// <summary>
/// Caches a prepared corpus (text pipelines, filtered training ids, dev ids, filter report) in a
/// folder, keyed by a SHA-256 of everything it depends on: the bytes of the training and dev files,
/// the normalization and filtering settings and the tokenizer settings (including the bytes of a
/// SentencePiece model). A second run on the same data skips tokenizer learning and encoding; a
/// change to any input gives another key, so the cache is rebuilt.
/// </summary>
public static class CorpusCache
{
    private const int FormatVersion = 1;

    public static string Key(ExperimentConfig config, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        Add($"corpus-cache-v{FormatVersion}");
        var data = config.Data;
        Add(JsonSerializer.Serialize(new { data.SrcLang, data.TrgLang, data.MaxLength, data.MaxLengthRatio, data.Normalization, data.Lowercase }));
        var tok = config.Tokenizer;
        Add(JsonSerializer.Serialize(new { tok.Type, tok.Merges, tok.Joint, tok.MinFrequency, tok.MaxVocabSize }));
        var inputs = files.ToList();
        if (tok.Type == TokenizerType.Sentencepiece && tok.SentencepieceModel is { } model) inputs.Add(model);
        foreach (var file in inputs)
        {
            using var stream = File.OpenRead(file);
            var digest = SHA256.HashData(stream);
            hash.AppendData(digest);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }

    public static string PathFor(string folder, string key) => Path.Combine(folder, $"corpus-{key}.bin");

    public static void Save(string path, PreparedCorpus corpus) => Files.DurableFile.Write(path, file =>
    {
        using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        WriteFiles(writer, corpus.Source.ToFiles());
        WriteFiles(writer, corpus.Target.ToFiles());
        WritePairs(writer, corpus.Train);
        WritePairs(writer, corpus.Dev);
        writer.Write(corpus.FilterReport);
    });

    /// <summary>The cached parts, or null when the file is missing, of another version or unreadable.</summary>
    public static (TextPipeline Source, TextPipeline Target, TokenizedPair[] Train, TokenizedPair[] Dev, string Report)? TryLoad(string path, DataConfig data)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion) return null;
            var source = TextPipeline.FromFiles(ReadFiles(reader), data);
            var target = TextPipeline.FromFiles(ReadFiles(reader), data);
            var train = ReadPairs(reader);
            var dev = ReadPairs(reader);
            return (source, target, train, dev, reader.ReadString());
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or JsonException or FormatException or KeyNotFoundException)
        {
            return null; // a damaged cache is rebuilt
        }
    }

    private static void WriteFiles(BinaryWriter writer, IReadOnlyDictionary<string, string> files)
    {
        writer.Write(files.Count);
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(text);
        }
    }

    private static Dictionary<string, string> ReadFiles(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var files = new Dictionary<string, string>(count);
        for (int i = 0; i < count; i++) files[reader.ReadString()] = reader.ReadString();
        return files;
    }

    private static void WritePairs(BinaryWriter writer, IReadOnlyList<TokenizedPair> pairs)
    {
        writer.Write(pairs.Count);
        foreach (var pair in pairs)
        {
            writer.Write(pair.Index);
            WriteIds(writer, pair.Source);
            WriteIds(writer, pair.Target);
        }
    }

    private static void WriteIds(BinaryWriter writer, int[] ids)
    {
        writer.Write(ids.Length);
        foreach (int id in ids) writer.Write(id);
    }

    private static TokenizedPair[] ReadPairs(BinaryReader reader)
    {
        var pairs = new TokenizedPair[reader.ReadInt32()];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = new TokenizedPair(reader.ReadInt32(), ReadIds(reader), ReadIds(reader));
        return pairs;
    }

    private static int[] ReadIds(BinaryReader reader)
    {
        var ids = new int[reader.ReadInt32()];
        for (int i = 0; i < ids.Length; i++) ids[i] = reader.ReadInt32();
        return ids;
    }
}

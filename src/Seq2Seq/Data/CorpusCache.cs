using Seq2Seq.Configuration;
using Seq2Seq.Tokenization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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
    private const int FormatVersion = 2;

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

    /// <summary>
    /// Writes the cache: the magic <c>SEQ2SEQ-CORPUS</c>, the format version, the payload's length,
    /// the payload and its SHA-256, so that any damage is noticed before the payload is parsed.
    /// </summary>
    public static void Save(string path, PreparedCorpus corpus)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WriteFiles(writer, corpus.Source.ToFiles());
            WriteFiles(writer, corpus.Target.ToFiles());
            WritePairs(writer, corpus.Train);
            WritePairs(writer, corpus.Dev);
            writer.Write(corpus.FilterReport);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length).ToArray();
        Files.DurableFile.Write(path, file =>
        {
            using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write((long)bytes.Length);
            writer.Write(bytes);
            writer.Write(SHA256.HashData(bytes));
        });
    }

    private static ReadOnlySpan<byte> Magic => "SEQ2SEQ-CORPUS"u8;

    /// <summary>
    /// The cached parts, or null when there is no cache file, or it is of another format version,
    /// damaged (checksum) or inconsistent (counts, token ids outside the vocabularies): then a
    /// one-line notice says why, and the caller rebuilds it.
    /// </summary>
    public static (TextPipeline Source, TextPipeline Target, TokenizedPair[] Train, TokenizedPair[] Dev, string Report)? TryLoad(
        string path, DataConfig data, TextWriter log)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var payload = VerifiedPayload(File.ReadAllBytes(path));
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var source = TextPipeline.FromFiles(ReadFiles(reader), data);
            var target = TextPipeline.FromFiles(ReadFiles(reader), data);
            var train = ReadPairs(reader, source.Vocabulary.Count, target.Vocabulary.Count);
            var dev = ReadPairs(reader, source.Vocabulary.Count, target.Vocabulary.Count);
            string report = reader.ReadString();
            if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("bytes after the end");
            return (source, target, train, dev, report);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or FormatException or KeyNotFoundException
            or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            log.WriteLine($"{path}: corpus cache not used ({e.Message}); preparing the data again");
            return null;
        }
    }

    private static byte[] VerifiedPayload(byte[] file)
    {
        int header = Magic.Length + sizeof(int) + sizeof(long), digest = SHA256.HashSizeInBytes;
        if (file.Length < header + digest || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw new InvalidDataException("not a corpus cache");
        int version = BitConverter.ToInt32(file, Magic.Length);
        if (version != FormatVersion) throw new InvalidDataException($"format version {version}, this program writes {FormatVersion}");
        long length = BitConverter.ToInt64(file, Magic.Length + sizeof(int));
        if (length != file.Length - header - digest) throw new InvalidDataException("truncated");
        var payload = file.AsSpan(header, (int)length);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(header + (int)length, digest))) throw new InvalidDataException("checksum mismatch");
        return payload.ToArray();
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
        int count = Count(reader, 2);
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

    private static TokenizedPair[] ReadPairs(BinaryReader reader, int sourceVocabulary, int targetVocabulary)
    {
        var pairs = new TokenizedPair[Count(reader, 3 * sizeof(int))];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new TokenizedPair(reader.ReadInt32(), ReadIds(reader, sourceVocabulary), ReadIds(reader, targetVocabulary));
        }
        return pairs;
    }

    private static int[] ReadIds(BinaryReader reader, int vocabulary)
    {
        var ids = new int[Count(reader, sizeof(int))];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = reader.ReadInt32();
            if ((uint)ids[i] >= (uint)vocabulary) throw new InvalidDataException($"token id {ids[i]} outside the vocabulary of {vocabulary}");
        }
        return ids;
    }

    /// <summary>A count of items of at least <paramref name="itemBytes"/> bytes each, checked against the bytes left.</summary>
    private static int Count(BinaryReader reader, int itemBytes)
    {
        int count = reader.ReadInt32();
        if (count < 0 || (long)count * itemBytes > reader.BaseStream.Length - reader.BaseStream.Position) throw new InvalidDataException($"bad count {count}");
        return count;
    }
}

using System.Text;

namespace Seq2Seq.Tests.Tokenization;

/// <summary>
/// Writes a minimal SentencePiece <c>.model</c> (sentencepiece_model.proto, protobuf wire format) for tests:
/// pieces with scores and types, the trainer spec (model type, special ids, byte fallback) and the normalizer
/// spec (dummy prefix, whitespace handling, no precompiled character map).
/// </summary>
internal static class SentencePieceModelWriter
{
    public const int NormalPiece = 1, UnknownPiece = 2, ControlPiece = 3, BytePiece = 6;
    public const int UnigramModel = 1, BpeModelType = 2;

    public static byte[] Write(IEnumerable<(string Piece, float Score, int Type)> pieces, int modelType, bool byteFallback)
    {
        var model = new MemoryStream();
        foreach ((string piece, float score, int type) in pieces)
        {
            var p = new MemoryStream();
            WriteString(p, 1, piece);
            WriteFloat(p, 2, score);
            WriteVarintField(p, 3, (ulong)type);
            WriteBytes(model, 1, p.ToArray());
        }

        var trainer = new MemoryStream();
        WriteVarintField(trainer, 3, (ulong)modelType);
        WriteVarintField(trainer, 35, byteFallback ? 1UL : 0UL);
        WriteVarintField(trainer, 40, 0); // unk_id
        WriteVarintField(trainer, 41, 1); // bos_id
        WriteVarintField(trainer, 42, 2); // eos_id
        WriteBytes(model, 2, trainer.ToArray());

        var normalizer = new MemoryStream();
        WriteString(normalizer, 1, "identity");
        WriteVarintField(normalizer, 3, 1); // add_dummy_prefix
        WriteVarintField(normalizer, 4, 1); // remove_extra_whitespaces
        WriteVarintField(normalizer, 5, 1); // escape_whitespaces
        WriteBytes(model, 3, normalizer.ToArray());
        return model.ToArray();
    }

    private static void WriteVarint(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        s.WriteByte((byte)value);
    }

    private static void WriteVarintField(Stream s, int field, ulong value)
    {
        WriteVarint(s, (ulong)field << 3);
        WriteVarint(s, value);
    }

    private static void WriteFloat(Stream s, int field, float value)
    {
        WriteVarint(s, ((ulong)field << 3) | 5);
        s.Write(BitConverter.GetBytes(value));
    }

    private static void WriteBytes(Stream s, int field, byte[] bytes)
    {
        WriteVarint(s, ((ulong)field << 3) | 2);
        WriteVarint(s, (ulong)bytes.Length);
        s.Write(bytes);
    }

    private static void WriteString(Stream s, int field, string value) => WriteBytes(s, field, Encoding.UTF8.GetBytes(value));
}

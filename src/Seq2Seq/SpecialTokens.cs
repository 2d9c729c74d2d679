namespace Seq2Seq;

/// <summary>
/// The ids and spellings of the special tokens, defined once for every layer: they open every
/// vocabulary in this order, batches pad with <see cref="PadId"/> and start targets with
/// <see cref="BosId"/>, and decoding ends a hypothesis at <see cref="EosId"/>.
/// </summary>
public static class SpecialTokens
{
    public const int PadId = 0;
    public const int BosId = 1;
    public const int EosId = 2;
    public const int UnkId = 3;
    public const string Pad = "<pad>";
    public const string Bos = "<s>";
    public const string Eos = "</s>";
    public const string Unk = "<unk>";
}

namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>Creates BLEU tokenizers by their sacreBLEU name.</summary>
public static class BleuTokenizers
{
    /// <summary>The names accepted by <see cref="Create"/>, as sacreBLEU spells them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["13a", "intl", "char", "zh", "none"];

    /// <summary>Returns the tokenizer called <paramref name="name"/> ("13a", "intl", "char", "none" or "zh").</summary>
    /// <exception cref="ArgumentException">The name is unknown (sacreBLEU's mecab/spm tokenizers are not ported).</exception>
    public static IBleuTokenizer Create(string name) => name switch
    {
        "13a" => new Tokenizer13a(),
        "intl" => new TokenizerIntl(),
        "char" => new TokenizerChar(),
        "none" => new TokenizerNone(),
        "zh" => new TokenizerZh(),
        _ => throw new ArgumentException(
            $"Unknown BLEU tokenizer '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name)),
    };
}

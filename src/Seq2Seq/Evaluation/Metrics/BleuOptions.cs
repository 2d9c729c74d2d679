namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// BLEU settings, with sacreBLEU's names and defaults.
/// </summary>
/// <remarks>
/// Defaults follow sacreBLEU's <c>BLEU</c> class and <c>corpus_bleu()</c>: tokenizer 13a, mixed case, exp smoothing,
/// NO effective order. <see cref="Sentence"/> gives <c>sentence_bleu()</c>'s defaults, which differ only in turning
/// effective order ON (as does the CLI's <c>--sentence-level</c>). <c>raw_corpus_bleu</c> is
/// <see cref="RawCorpus"/>: tokenizer none, floor 0.1, effective order on.
/// </remarks>
public sealed record BleuOptions
{
    /// <summary>Tokenizer name: "13a" (default), "intl", "char", "none" or "zh".</summary>
    public string Tokenize { get; init; } = "13a";

    /// <summary>Lowercase hypotheses and references with Python's <c>str.lower()</c> (signature <c>case:lc</c>).</summary>
    public bool Lowercase { get; init; }

    /// <summary>Smoothing method; exp by default.</summary>
    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exp;

    /// <summary>Value for floor / add-k; null means the method's default (0.1 / 1).</summary>
    public double? SmoothValue { get; init; }

    /// <summary>
    /// Effective order: the geometric mean runs only over the orders up to the last one whose TOTAL is non-zero,
    /// i.e. a hypothesis shorter than n is not punished for having no n-grams. It does NOT skip orders with zero
    /// matches. Off for corpus BLEU by default; on in <see cref="Sentence"/>.
    /// </summary>
    public bool EffectiveOrder { get; init; }

    /// <summary>Maximum n-gram order (4). API only in sacreBLEU, and not part of its signature.</summary>
    public int MaxNgramOrder { get; init; } = 4;

    /// <summary>sacreBLEU's corpus defaults (<c>BLEU()</c>, <c>corpus_bleu()</c>).</summary>
    public static BleuOptions Corpus { get; } = new();

    /// <summary><c>sentence_bleu()</c>'s defaults: as <see cref="Corpus"/> but with effective order on.</summary>
    public static BleuOptions Sentence { get; } = new() { EffectiveOrder = true };

    /// <summary><c>raw_corpus_bleu()</c>'s settings: tokenizer none, floor smoothing 0.1, effective order on.</summary>
    public static BleuOptions RawCorpus { get; } =
        new() { Tokenize = "none", Smoothing = BleuSmoothing.Floor, SmoothValue = 0.1, EffectiveOrder = true };
}

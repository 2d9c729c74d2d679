namespace Seq2Seq.Evaluation.Metrics;

/// <summary>chrF / chrF++ settings with sacreBLEU's names and defaults.</summary>
public sealed record ChrfOptions
{
    /// <summary>Character n-gram order (6).</summary>
    public int CharOrder { get; init; } = 6;

    /// <summary>Word n-gram order: 0 for chrF (default), 2 for chrF++.</summary>
    public int WordOrder { get; init; }

    /// <summary>Recall weight β (2). An integer in sacreBLEU; it appears in the name ("chrF2").</summary>
    public int Beta { get; init; } = 2;

    /// <summary>Lowercase with Python's <c>str.lower()</c> before extracting n-grams.</summary>
    public bool Lowercase { get; init; }

    /// <summary>Keep whitespace characters inside character n-grams (off by default: whitespace is removed).</summary>
    public bool Whitespace { get; init; }

    /// <summary>
    /// chrF++.py/NLTK/Moses-style epsilon smoothing: average of per-order F scores with 1e-16 standing in for
    /// undefined values. Off by default, in which case P and R are averaged over the orders that have both
    /// hypothesis and reference n-grams (the signature's <c>eff:yes</c>).
    /// </summary>
    public bool EpsSmoothing { get; init; }

    /// <summary>chrF2 defaults.</summary>
    public static ChrfOptions Chrf { get; } = new();

    /// <summary>chrF++ (word order 2).</summary>
    public static ChrfOptions ChrfPlusPlus { get; } = new() { WordOrder = 2 };
}

namespace Seq2Seq.Data.Demo;

/// <summary>The three splits of the demo corpus; each pair is (English source, German target).</summary>
public sealed record DemoCorpusSplits(
    IReadOnlyList<(string English, string German)> Train,
    IReadOnlyList<(string English, string German)> Dev,
    IReadOnlyList<(string English, string German)> Test);

/// <summary>
/// The built-in English→German demo corpus: a toy grammar with gender/case agreement, adjective
/// declension, separable verbs, verb-final subordinate and relative clauses, V2 inversion and the perfect
/// tense. Deterministic: the same seed gives byte-identical output on every platform (own PRNG, integer
/// arithmetic only). Every English sentence has exactly one German translation, and all sentences are
/// distinct across and within the splits.
/// </summary>
public static class DemoCorpus
{
    public const int DefaultSeed = 20261124;
    public const int TrainSize = 6000;
    public const int DevSize = 500;
    public const int TestSize = 500;
    public const int MinWords = 4;
    public const int MaxWords = 20;

    /// <summary>File names written by <see cref="WriteTo"/>, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train.en", "train.de", "dev.en", "dev.de", "test.en", "test.de"];

    public static DemoCorpusSplits Generate(int seed = DefaultSeed)
    {
        var rng = new SplitMix64(unchecked((ulong)seed));
        var grammar = new GrammarRules(rng);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = new List<(string English, string German)>(TrainSize + DevSize + TestSize);
        int attempts = 0;
        while (pairs.Count < TrainSize + DevSize + TestSize)
        {
            if (++attempts > 100 * (TrainSize + DevSize + TestSize))
                throw new InvalidOperationException("demo grammar cannot produce enough distinct sentences");
            var (en, de) = grammar.Sentence();
            if (seen.TryGetValue(en, out string? earlier))
            {
                if (earlier != de)
                    throw new InvalidOperationException($"two translations of '{en}': '{earlier}' and '{de}'");
                continue;
            }
            seen.Add(en, de);
            if (!InLengthRange(en) || !InLengthRange(de)) continue;
            pairs.Add((en, de));
        }
        return new DemoCorpusSplits(
            pairs.GetRange(0, TrainSize),
            pairs.GetRange(TrainSize, DevSize),
            pairs.GetRange(TrainSize + DevSize, TestSize));
    }

    /// <summary>Writes the six split files (see <see cref="FileNames"/>) into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory, int seed = DefaultSeed) =>
        DemoCorpusWriter.Write(directory, Generate(seed));

    private static bool InLengthRange(string sentence)
    {
        int words = sentence.Split(' ').Length;
        return words >= MinWords && words <= MaxWords;
    }
}

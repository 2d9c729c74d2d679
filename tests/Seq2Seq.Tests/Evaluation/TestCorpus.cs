using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Significance;

namespace Seq2Seq.Tests.Evaluation;

/// <summary>Deterministic synthetic test sets: references from a small vocabulary and hypotheses made from them by
/// seeded word drops, substitutions and swaps.</summary>
internal static class TestCorpus
{
    private static readonly string[] Words =
    [
        "a", "man", "woman", "dog", "is", "running", "on", "the", "beach", "in", "red", "shirt", "two", "children",
        "play", "with", "ball", "street", "near", "building", "young", "girl", "sits", "at", "table", "eating",
        "food", "people", "walk", "down", "busy", "city", "while", "cat", "sleeps", "under", "tree", ".", ",",
    ];

    public static List<string> References(int count, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var lines = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int length = 6 + rng.NextBelow(15);
            lines.Add(string.Join(" ", Enumerable.Range(0, length).Select(_ => Words[rng.NextBelow(Words.Length)])));
        }
        return lines;
    }

    /// <summary>Each token of each reference is kept with probability 1 - noise, else dropped, replaced or swapped.</summary>
    public static List<string> Corrupt(IReadOnlyList<string> references, double noise, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var result = new List<string>(references.Count);
        foreach (string reference in references)
        {
            var tokens = reference.Split(' ').ToList();
            var output = new List<string>();
            for (int i = 0; i < tokens.Count; i++)
            {
                double u = rng.NextBelow(1_000_000) / 1_000_000.0;
                if (u >= noise)
                {
                    output.Add(tokens[i]);
                    continue;
                }
                switch (rng.NextBelow(3))
                {
                    case 0:
                        break; // drop
                    case 1:
                        output.Add(Words[rng.NextBelow(Words.Length)]);
                        break;
                    default:
                        if (i + 1 < tokens.Count)
                        {
                            output.Add(tokens[i + 1]);
                            output.Add(tokens[i]);
                            i++;
                        }
                        else
                        {
                            output.Add(tokens[i]);
                        }
                        break;
                }
            }
            result.Add(string.Join(" ", output));
        }
        return result;
    }

    public static IReadOnlyList<IReadOnlyList<string?>> Streams(params IReadOnlyList<string?>[] streams) => streams;
}

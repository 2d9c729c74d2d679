namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// Counts word n-grams. An n-gram is keyed by its tokens joined with a single space, which is unambiguous because
/// tokens come from a Python-style whitespace split and never contain whitespace.
/// </summary>
internal static class NgramCounter
{
    /// <summary>Counts n-grams of orders <paramref name="minOrder"/>..<paramref name="maxOrder"/>; index n-1 of the
    /// result holds order n (lower indices are left empty).</summary>
    public static Dictionary<string, int>[] Count(IReadOnlyList<string> tokens, int minOrder, int maxOrder)
    {
        var result = new Dictionary<string, int>[maxOrder];
        for (int n = 1; n <= maxOrder; n++)
        {
            var counts = new Dictionary<string, int>(n >= minOrder ? Math.Max(0, tokens.Count - n + 1) : 0, StringComparer.Ordinal);
            if (n >= minOrder)
            {
                for (int i = 0; i + n <= tokens.Count; i++)
                {
                    string key = n == 1 ? tokens[i] : Join(tokens, i, n);
                    counts[key] = counts.TryGetValue(key, out int c) ? c + 1 : 1;
                }
            }
            result[n - 1] = counts;
        }
        return result;
    }

    /// <summary>Counts the n-grams of one order.</summary>
    public static Dictionary<string, int> CountOrder(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(Math.Max(0, tokens.Count - n + 1), StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string key = n == 1 ? tokens[i] : Join(tokens, i, n);
            counts[key] = counts.TryGetValue(key, out int c) ? c + 1 : 1;
        }
        return counts;
    }

    private static string Join(IReadOnlyList<string> tokens, int start, int n)
    {
        int length = n - 1;
        for (int k = 0; k < n; k++)
        {
            length += tokens[start + k].Length;
        }
        return string.Create(length, (tokens, start, n), static (span, state) =>
        {
            int pos = 0;
            for (int k = 0; k < state.n; k++)
            {
                if (k > 0)
                {
                    span[pos++] = ' ';
                }
                string t = state.tokens[state.start + k];
                t.AsSpan().CopyTo(span[pos..]);
                pos += t.Length;
            }
        });
    }
}

namespace Seq2Seq.Configuration;

/// <summary>Finds the valid name a user probably meant, by edit distance.</summary>
public static class KeySuggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="given"/> when it is close: same letters up to case,
    /// '_' and '-' (learningRate, Learning-Rate), or an edit distance of at most a third of the length
    /// (at least 1, at most 3). Null when nothing is close.
    /// </summary>
    public static string? Nearest(string given, IEnumerable<string> candidates)
    {
        var normalizedGiven = Normalize(given);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Normalize(candidate) == normalizedGiven
                ? 0
                : Levenshtein(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.Clamp(given.Length / 3, 1, 3);
        return bestDistance <= allowed ? best : null;
    }

    private static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

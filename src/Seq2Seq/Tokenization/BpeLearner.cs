namespace Seq2Seq.Tokenization;

/// <summary>
/// Learns byte-pair-encoding merges (Sennrich et al., 2016) from normalized text.
/// <para>
/// Initial symbols are Unicode code points (a surrogate pair is one symbol, matching how
/// Microsoft.ML.Tokenizers' <c>BpeTokenizer</c> splits a word). Each space-separated word is written as
/// <see cref="WordBoundary.MarkWord"/> ("▁" + word) and the marker is attached to the word's first code
/// point, so the first symbol of "▁Haus" is "▁H"; this is expressed as leading "▁ H" merges in the model.
/// Line breaks and unpaired surrogates are never merged and never enter the alphabet: they stay unknown
/// characters (which the subword tokenizer still reproduces exactly).
/// </para>
/// <para>
/// Algorithm: a word-frequency table, then pair counts over word types with, per pair, the list of words
/// containing it; each merge only rewrites those words and updates the counts incrementally. The best pair
/// is taken from a lazy max-heap (stale entries are re-queued with their current count). Ties are broken
/// deterministically: higher count first, then the left symbol in ordinal order, then the right one.
/// </para>
/// <para>Joint BPE (one model for source and target) = learning on the concatenation of both sides;
/// separate BPE = calling <see cref="Learn"/> once per side.</para>
/// </summary>
public static class BpeLearner
{
    /// <summary>Learns up to <paramref name="mergeCount"/> merges (fewer when no pair occurs
    /// <paramref name="minPairFrequency"/> times any more). Leading "▁ x" merges are not counted.</summary>
    /// <param name="cancel">checked before each merge</param>
    public static BpeModel Learn(IEnumerable<string> normalizedLines, int mergeCount, int minPairFrequency = 2, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(normalizedLines);
        ArgumentOutOfRangeException.ThrowIfNegative(mergeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPairFrequency, 1);
        return LearnFromWordCounts(CountWords(normalizedLines), mergeCount, minPairFrequency, cancel);
    }

    /// <summary>One model for both sides of a parallel corpus.</summary>
    public static BpeModel LearnJoint(IEnumerable<string> sourceLines, IEnumerable<string> targetLines, int mergeCount, int minPairFrequency = 2,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(sourceLines);
        ArgumentNullException.ThrowIfNull(targetLines);
        return Learn(sourceLines.Concat(targetLines), mergeCount, minPairFrequency, cancel);
    }

    /// <summary>How often each space-separated word occurs.</summary>
    public static Dictionary<string, int> CountWords(IEnumerable<string> normalizedLines)
    {
        ArgumentNullException.ThrowIfNull(normalizedLines);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in normalizedLines)
        {
            foreach (string word in WordBoundary.SplitWords(line))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return counts;
    }

    /// <summary>Learns merges from a word-frequency table (words must not contain spaces).</summary>
    public static BpeModel LearnFromWordCounts(IReadOnlyDictionary<string, int> wordCounts, int mergeCount, int minPairFrequency = 2,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(wordCounts);
        var state = new State(minPairFrequency);
        var bootstrap = new SortedSet<string>(StringComparer.Ordinal);
        var alphabet = new SortedSet<string>(StringComparer.Ordinal) { WordBoundary.MarkerString };

        foreach (KeyValuePair<string, int> entry in wordCounts.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entry.Value <= 0 || entry.Key.Length == 0)
            {
                continue;
            }

            if (entry.Key.Contains(' '))
            {
                throw new ArgumentException($"Word '{entry.Key}' contains a space.", nameof(wordCounts));
            }

            List<string> symbols = InitialSymbols(WordBoundary.MarkWord(entry.Key), alphabet, bootstrap);
            state.AddWord(symbols, entry.Value);
        }

        var merges = new List<(string, string)>(bootstrap.Count + mergeCount);
        foreach (string first in bootstrap)
        {
            merges.Add((WordBoundary.MarkerString, first));
        }

        state.CountPairs();
        for (int m = 0; m < mergeCount; m++)
        {
            cancel.ThrowIfCancellationRequested();
            if (!state.TryMergeBest(out string left, out string right))
            {
                break;
            }

            merges.Add((left, right));
        }

        return new BpeModel(alphabet.ToList(), merges);
    }

    /// <summary>Whether a code point may take part in merges (line breaks and lone surrogates may not).</summary>
    internal static bool IsMergeable(string codePoint) =>
        !(codePoint.Length == 1 && (codePoint[0] is '\r' or '\n' || char.IsSurrogate(codePoint[0])));

    /// <summary>Code points of a marked word, with each "▁" attached to the code point after it.</summary>
    private static List<string> InitialSymbols(string markedWord, SortedSet<string> alphabet, SortedSet<string> bootstrap)
    {
        var codePoints = new List<string>(markedWord.Length);
        for (int i = 0; i < markedWord.Length; i++)
        {
            if (char.IsHighSurrogate(markedWord[i]) && i + 1 < markedWord.Length && char.IsLowSurrogate(markedWord[i + 1]))
            {
                codePoints.Add(markedWord.Substring(i, 2));
                i++;
            }
            else
            {
                codePoints.Add(markedWord[i].ToString());
            }
        }

        var symbols = new List<string>(codePoints.Count);
        for (int i = 0; i < codePoints.Count; i++)
        {
            string cp = codePoints[i];
            if (IsMergeable(cp))
            {
                alphabet.Add(cp);
            }

            if (cp == WordBoundary.MarkerString && i + 1 < codePoints.Count && IsMergeable(codePoints[i + 1]))
            {
                string next = codePoints[i + 1];
                alphabet.Add(next);
                bootstrap.Add(next);
                symbols.Add(cp + next);
                i++;
            }
            else
            {
                symbols.Add(cp);
            }
        }

        return symbols;
    }

    /// <summary>Word types as symbol-id arrays, pair statistics and the lazy priority queue.</summary>
    private sealed class State
    {
        private readonly int _minPairFrequency;
        private readonly List<string> _symbols = new();
        private readonly List<bool> _mergeable = new();
        private readonly Dictionary<string, int> _symbolIds = new(StringComparer.Ordinal);
        private readonly List<int[]> _words = new();
        private readonly List<int> _wordFreqs = new();
        private readonly Dictionary<long, int> _pairCounts = new();
        private readonly Dictionary<long, List<int>> _pairWords = new();
        private readonly PriorityQueue<long, (int Count, long Pair)> _queue;

        public State(int minPairFrequency)
        {
            _minPairFrequency = minPairFrequency;
            _queue = new PriorityQueue<long, (int Count, long Pair)>(Comparer<(int Count, long Pair)>.Create(Compare));
        }

        public void AddWord(List<string> symbols, int freq)
        {
            var ids = new int[symbols.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = SymbolId(symbols[i]);
            }

            _words.Add(ids);
            _wordFreqs.Add(freq);
        }

        public void CountPairs()
        {
            for (int w = 0; w < _words.Count; w++)
            {
                AddPairs(w, null);
            }

            foreach (KeyValuePair<long, int> e in _pairCounts)
            {
                if (e.Value >= _minPairFrequency)
                {
                    _queue.Enqueue(e.Key, (e.Value, e.Key));
                }
            }
        }

        public bool TryMergeBest(out string left, out string right)
        {
            while (_queue.TryDequeue(out long pair, out (int Count, long Pair) priority))
            {
                int current = _pairCounts.GetValueOrDefault(pair);
                if (current != priority.Count)
                {
                    if (current < priority.Count && current >= _minPairFrequency)
                    {
                        _queue.Enqueue(pair, (current, pair));
                    }

                    continue;
                }

                (int a, int b) = Split(pair);
                left = _symbols[a];
                right = _symbols[b];
                Merge(pair, a, b);
                return true;
            }

            left = right = "";
            return false;
        }

        private void Merge(long pair, int a, int b)
        {
            int merged = SymbolId(_symbols[a] + _symbols[b]);
            var increased = new HashSet<long>();
            List<int> words = _pairWords[pair];
            _pairWords.Remove(pair);
            foreach (int w in words)
            {
                int[] ids = _words[w];
                if (!Contains(ids, a, b))
                {
                    continue; // stale entry or duplicate
                }

                RemovePairs(w);
                var rewritten = new List<int>(ids.Length);
                for (int i = 0; i < ids.Length; i++)
                {
                    if (i + 1 < ids.Length && ids[i] == a && ids[i + 1] == b)
                    {
                        rewritten.Add(merged);
                        i++;
                    }
                    else
                    {
                        rewritten.Add(ids[i]);
                    }
                }

                _words[w] = rewritten.ToArray();
                AddPairs(w, (merged, increased));
            }

            _pairCounts.Remove(pair);
            foreach (long p in increased)
            {
                int count = _pairCounts.GetValueOrDefault(p);
                if (count >= _minPairFrequency)
                {
                    _queue.Enqueue(p, (count, p));
                }
            }
        }

        private static bool Contains(int[] ids, int a, int b)
        {
            for (int i = 0; i + 1 < ids.Length; i++)
            {
                if (ids[i] == a && ids[i + 1] == b)
                {
                    return true;
                }
            }

            return false;
        }

        private void RemovePairs(int w)
        {
            int[] ids = _words[w];
            int freq = _wordFreqs[w];
            for (int i = 0; i + 1 < ids.Length; i++)
            {
                if (_mergeable[ids[i]] && _mergeable[ids[i + 1]])
                {
                    _pairCounts[Key(ids[i], ids[i + 1])] -= freq;
                }
            }
        }

        /// <summary>Adds the word's pairs; with <paramref name="track"/>, pairs containing the new symbol are
        /// recorded as increased and the word is listed under them (other pairs already list it).</summary>
        private void AddPairs(int w, (int Merged, HashSet<long> Increased)? track)
        {
            int[] ids = _words[w];
            int freq = _wordFreqs[w];
            for (int i = 0; i + 1 < ids.Length; i++)
            {
                int x = ids[i], y = ids[i + 1];
                if (!_mergeable[x] || !_mergeable[y])
                {
                    continue;
                }

                long key = Key(x, y);
                _pairCounts[key] = _pairCounts.GetValueOrDefault(key) + freq;
                if (track is { } t)
                {
                    if (x != t.Merged && y != t.Merged)
                    {
                        continue;
                    }

                    t.Increased.Add(key);
                }

                if (!_pairWords.TryGetValue(key, out List<int>? list))
                {
                    list = new List<int>();
                    _pairWords[key] = list;
                }

                if (list.Count == 0 || list[^1] != w)
                {
                    list.Add(w);
                }
            }
        }

        private int SymbolId(string symbol)
        {
            if (!_symbolIds.TryGetValue(symbol, out int id))
            {
                id = _symbols.Count;
                _symbols.Add(symbol);
                _mergeable.Add(IsMergeable(symbol));
                _symbolIds[symbol] = id;
            }

            return id;
        }

        private int Compare((int Count, long Pair) x, (int Count, long Pair) y)
        {
            int c = y.Count.CompareTo(x.Count);
            if (c != 0)
            {
                return c;
            }

            (int xa, int xb) = Split(x.Pair);
            (int ya, int yb) = Split(y.Pair);
            c = string.CompareOrdinal(_symbols[xa], _symbols[ya]);
            return c != 0 ? c : string.CompareOrdinal(_symbols[xb], _symbols[yb]);
        }

        private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

        private static (int, int) Split(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
    }
}

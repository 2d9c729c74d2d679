using Seq2Seq.Files;
using System.Collections.Concurrent;

namespace Seq2Seq.Decoding;

/// <summary>
/// Translation of a stream whose end is not known (a pipe, a terminal): a reader thread takes lines
/// as they arrive; the decoder takes every line already waiting (at most <see cref="MaxChunkLines"/>),
/// translates them as one call, hands the results on, and waits for more only when none is left. A
/// line typed alone is answered alone, at once; a pipe full of lines is decoded in large sorted
/// batches. The translations equal those of the whole input decoded at once (batched search is exact
/// under padding), only the grouping differs.
/// </summary>
internal static class StreamTranslation
{
    /// <summary>Most lines decoded in one call; more only wait for the next call.</summary>
    public const int MaxChunkLines = 256;

    /// <summary>Lines read ahead of the decoder at most, so a fast producer cannot fill memory.</summary>
    private const int ReadAhead = 4 * MaxChunkLines;

    public static void Run(Translator translator, LineReader input, SearchOptions options, Action<int, IReadOnlyList<Translator.Result>> onResults,
        int? batchTokens, Action<Translator.Truncation>? onTruncated, CancellationToken cancel)
    {
        using var lines = new BlockingCollection<string>(ReadAhead);
        Exception? readError = null;
        var reader = new Thread(() =>
        {
            try
            {
                while (input.ReadLine() is { } line) lines.Add(line);
            }
            catch (Exception e)
            {
                readError = e;
            }
            finally
            {
                lines.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "seq2seq input reader" };
        reader.Start();

        int first = 0;
        while (TakeChunk(lines, cancel) is { } chunk)
        {
            int offset = first;
            // Sampling keys each sentence's draws by its line in the whole stream, as for a file.
            var chunkOptions = options.Sampling is { } sampling ? options with { Sampling = sampling with { FirstLine = sampling.FirstLine + offset } } : options;
            var results = translator.TranslateDetailed(chunk, chunkOptions, batchTokens, null,
                onTruncated is null ? null : t => onTruncated(t with { Line = t.Line + offset }), cancel);
            onResults(first, results);
            first += chunk.Count;
        }
        reader.Join();
        if (readError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readError);
    }

    /// <summary>Waits for one line, then takes the others already waiting; null at the end of the input.</summary>
    private static List<string>? TakeChunk(BlockingCollection<string> lines, CancellationToken cancel)
    {
        if (!lines.TryTake(out var line, Timeout.Infinite, cancel)) return null;
        var chunk = new List<string> { line };
        while (chunk.Count < MaxChunkLines && lines.TryTake(out var next)) chunk.Add(next);
        return chunk;
    }
}

namespace Seq2Seq.Serving;

/// <summary>Limits of a <see cref="BatchingTranslator"/>: how large a batch grows, how long it waits, how much may queue.</summary>
public sealed record ServingOptions
{
    /// <summary>A batch is closed once its sentences hold this many source tokens (one longer sentence alone may exceed it).</summary>
    public int MaxBatchTokens { get; init; } = 4000;

    /// <summary>How long the first waiting request waits for others to join its batch.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Sentences waiting at most; a request that would exceed it is refused (<see cref="QueueFullException"/>).</summary>
    public int MaxQueuedSentences { get; init; } = 4096;
}

/// <summary>The queue holds <see cref="ServingOptions.MaxQueuedSentences"/> already: try again later.</summary>
public sealed class QueueFullException(int queued, int limit)
    : Exception($"the translation queue is full ({queued:N0} sentences waiting, limit {limit:N0}); try again later");

/// <summary>The translator is stopping and takes no new requests.</summary>
public sealed class StoppingException() : Exception("the server is shutting down");

using Seq2Seq.Decoding;
using System.Diagnostics;

namespace Seq2Seq.Serving;

/// <summary>The translations of one request, in its order, and the lines that were cut to the model's source length limit.</summary>
public sealed record ServedTranslation(IReadOnlyList<Translator.Result> Results, IReadOnlyList<Translator.Truncation> Truncations);

/// <summary>
/// Dynamic batching for a server: requests from many threads wait in one bounded queue, and one
/// worker thread, the only user of the <see cref="Translator"/> (which is not thread-safe), takes
/// what is waiting and decodes it as one length-sorted call. A batch holds requests with the same
/// search settings, up to <see cref="ServingOptions.MaxBatchTokens"/> source tokens; the first
/// request waits at most <see cref="ServingOptions.MaxWait"/> for others. A sentence's translation
/// does not depend on the others in its batch (batched search is exact under padding), so batching
/// changes only speed. A full queue refuses (<see cref="QueueFullException"/>) instead of growing;
/// <see cref="Stop"/> takes no new requests and finishes the queued ones.
/// </summary>
public sealed class BatchingTranslator : IDisposable
{
    private sealed class Job(IReadOnlyList<string> lines, SearchOptions search)
    {
        private int tokens = -1;

        public IReadOnlyList<string> Lines { get; } = lines;

        /// <summary>Source tokens (cut to the model's limit), counted once, on the worker: tokenizers are not shared across threads.</summary>
        public int Tokens(Translator translator) =>
            tokens >= 0 ? tokens : tokens = Lines.Sum(l => Math.Min(translator.Source.Tokenize(l).Count, translator.MaxSourceLength));

        public SearchOptions Search { get; } = search;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public List<Translator.Truncation> Truncations { get; } = [];
        public TaskCompletionSource<ServedTranslation> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Translator translator;
    private readonly ServingOptions options;
    private readonly object gate = new();
    private readonly LinkedList<Job> queue = new();
    private readonly Thread worker;
    private int queuedSentences;
    private bool stopping;

    public ServingMetrics Metrics { get; } = new();

    /// <summary>The translator the worker uses; only its read-only properties may be used from other threads.</summary>
    public Translator Translator => translator;

    public BatchingTranslator(Translator translator, ServingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuedSentences, 1);
        (this.translator, this.options) = (translator, options);
        worker = new Thread(Work) { IsBackground = true, Name = "seq2seq decoding worker" };
        worker.Start();
    }

    /// <summary>
    /// Queues <paramref name="lines"/> for translation with <paramref name="search"/>. A request
    /// cancelled while it waits leaves the queue; one already being decoded finishes.
    /// </summary>
    /// <exception cref="QueueFullException">the queue holds too many sentences</exception>
    /// <exception cref="StoppingException">the translator is stopping</exception>
    public Task<ServedTranslation> TranslateAsync(IReadOnlyList<string> lines, SearchOptions search, CancellationToken cancel = default)
    {
        var job = new Job(lines, search);
        LinkedListNode<Job> node;
        lock (gate)
        {
            if (stopping) throw new StoppingException();
            if (queuedSentences + lines.Count > options.MaxQueuedSentences)
            {
                Metrics.Refused();
                throw new QueueFullException(queuedSentences, options.MaxQueuedSentences);
            }
            node = queue.AddLast(job);
            queuedSentences += lines.Count;
            Metrics.QueuedSentences = queuedSentences;
            Monitor.PulseAll(gate);
        }
        if (cancel.CanBeCanceled)
        {
            var registration = cancel.Register(() => Withdraw(node, cancel));
            job.Done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return job.Done.Task;
    }

    private void Withdraw(LinkedListNode<Job> node, CancellationToken cancel)
    {
        lock (gate)
        {
            if (node.List is null) return; // taken by the worker already
            queue.Remove(node);
            queuedSentences -= node.Value.Lines.Count;
            Metrics.QueuedSentences = queuedSentences;
        }
        node.Value.Done.TrySetCanceled(cancel);
    }

    /// <summary>Takes no new requests and decodes the queued ones now, without waiting for more to join them; returns at once.</summary>
    public void BeginStop()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Takes no new requests, finishes the queued ones and waits for the worker.</summary>
    public void Stop()
    {
        BeginStop();
        worker.Join();
    }

    public void Dispose() => Stop();

    private void Work()
    {
        while (NextBatch() is { } batch) Decode(batch);
    }

    /// <summary>The next batch, once it is full or its first request has waited long enough; null when stopping with an empty queue.</summary>
    private List<Job>? NextBatch()
    {
        lock (gate)
        {
            while (queue.Count == 0 && !stopping) Monitor.Wait(gate);
            if (queue.Count == 0) return null;
            var first = queue.First!.Value;
            while (!stopping && CompatibleTokens(first) < options.MaxBatchTokens)
            {
                var left = options.MaxWait - first.Clock.Elapsed;
                if (left <= TimeSpan.Zero) break;
                Monitor.Wait(gate, left);
                if (queue.First?.Value != first) break; // withdrawn while waiting
            }
            var batch = new List<Job>();
            int tokens = 0;
            for (var node = queue.First; node is not null;)
            {
                var next = node.Next;
                var job = node.Value;
                if (batch.Count == 0 || (job.Search == batch[0].Search && tokens + job.Tokens(translator) <= options.MaxBatchTokens))
                {
                    batch.Add(job);
                    tokens += job.Tokens(translator);
                    queue.Remove(node);
                    queuedSentences -= job.Lines.Count;
                }
                node = next;
            }
            Metrics.QueuedSentences = queuedSentences;
            return batch;
        }
    }

    /// <summary>Source tokens waiting with the same search settings as <paramref name="first"/>.</summary>
    private int CompatibleTokens(Job first) => queue.Where(j => j.Search == first.Search).Sum(j => j.Tokens(translator));

    private void Decode(List<Job> batch)
    {
        var lines = batch.SelectMany(j => j.Lines).ToArray();
        var owner = batch.SelectMany(j => j.Lines.Select((_, i) => (Job: j, Line: i))).ToArray();
        try
        {
            var results = translator.TranslateDetailed(lines, batch[0].Search,
                onTruncated: t => owner[t.Line].Job.Truncations.Add(t with { Line = owner[t.Line].Line }));
            Metrics.Batch(lines.Length);
            int at = 0;
            foreach (var job in batch)
            {
                var mine = results.Skip(at).Take(job.Lines.Count).ToArray();
                at += job.Lines.Count;
                Metrics.Completed(job.Lines.Count, job.Clock.Elapsed);
                job.Done.TrySetResult(new ServedTranslation(mine, job.Truncations));
            }
        }
        catch (Exception e)
        {
            foreach (var job in batch)
            {
                Metrics.Failed();
                job.Done.TrySetException(e);
            }
        }
    }
}

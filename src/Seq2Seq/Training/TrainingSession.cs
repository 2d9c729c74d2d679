using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Model;
using Seq2Seq.Packaging;
using Seq2Seq.Terminal;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>
/// One training run in an open run folder: the model, its optimizer and schedule, where training
/// stands (<see cref="TrainingState"/>), the metrics log and the kept checkpoints. <see cref="Train"/>
/// is the update loop: each training.accumulate consecutive batches are one <see cref="Update"/>, logged every log_frequency updates;
/// every validation_frequency updates (or at the end of each epoch) <see cref="ValidateAndSave"/>
/// validates, decides whether to stop and writes the checkpoint.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    private readonly ExperimentConfig config;
    private readonly LoadedConfig loaded;
    private readonly RunDirectory run;
    private readonly PreparedCorpus corpus;
    private readonly TextWriter log;
    private readonly TranslationModel model;
    private readonly TorchSharp.Modules.OptimizerHelper optimizer;
    private readonly LearningRateSchedule schedule;
    private readonly MetricsLog metrics;
    private readonly CheckpointKeeper checkpoints;
    private readonly Stopwatch clock = new();
    private readonly Stopwatch windowClock = new();
    private TrainingState state;
    private TrainingWindow window = new();
    private GuardedUpdate update = null!;
    private AccumulatedUpdate step = null!;
    private TensorBoardLog? tensorBoard;
    private ProgressBar progress = null!;
    private double elapsedBefore;
    private string? stopReason;

    private TrainingConfig Settings => config.Training;

    public TrainingSession(LoadedConfig loaded, RunDirectory run, PreparedCorpus corpus, int threads, TextWriter log)
    {
        (this.loaded, config, this.run, this.corpus, this.log) = (loaded, loaded.Config, run, corpus, log);
        var m = config.Model;
        ModelMemory.Check(m, corpus.Source.Vocabulary.Count, corpus.Target.Vocabulary.Count, ModelMemory.Training, loaded.DisplayPath);
        model = new TranslationModel(m, corpus.Source.Vocabulary.Count, corpus.Target.Vocabulary.Count);
        log.WriteLine($"model: {model.ParameterCount:N0} parameters ({m.RnnType.ToString().ToLowerInvariant()}, embedding {m.EmbeddingSize}, encoder {m.EncoderLayers}x{m.EncoderHiddenSize}x2, decoder {m.DecoderLayers}x{m.DecoderHiddenSize}, attention {m.AttentionSize}); {threads} thread{(threads == 1 ? "" : "s")}");
        optimizer = OptimizerFactory.Create(model.parameters(), Settings);
        schedule = new LearningRateSchedule(Settings);
        state = new TrainingState { Schedule = schedule.State };
        metrics = new MetricsLog(run.Metrics);
        checkpoints = new CheckpointKeeper(run, Settings.KeepBestCheckpoints, Settings.EarlyStoppingMetric);
    }

    /// <summary>
    /// Brings back everything that influences the rest of the run: weights, the optimizer's moments
    /// and step counts, the schedule, the data position (the batch plan is a function of seed and
    /// epoch), dropout's random state, the best-score and early-stopping bookkeeping, the kept
    /// checkpoints, the skip counters and the logging window. Returns the summary when the run had
    /// finished and stays finished under the config given now; null when training goes on.
    /// </summary>
    public TrainingSummary? Resume(ModelFile checkpoint)
    {
        ModelLoader.LoadWeights(model, checkpoint.Weights, run.LastCheckpoint);
        if (TrainingCheckpoint.OptimizerState(checkpoint) is { } saved) LoadOptimizerState(optimizer, saved, run.LastCheckpoint);
        state = TrainingCheckpoint.State(checkpoint, run.LastCheckpoint) ?? state;
        if (state.SavedSchedule is { } scheduleState) schedule.Restore(scheduleState);
        if (state.RandomState.Length > 0)
        {
            using var rng = tensor(Convert.FromBase64String(state.RandomState));
            torch.random.set_rng_state(rng);
        }
        metrics.TruncateAfter(state.Step);
        checkpoints.Restore(state.KeptCheckpoints);
        log.WriteLine($"resumed from {run.LastCheckpoint} at step {state.Step}, epoch {state.Epoch + 1}");
        if (!state.Finished) return null;
        if (StillFinished() is string reason)
        {
            log.WriteLine($"this run had already finished: {reason}");
            return Summary(TimeSpan.FromSeconds(state.ElapsedSeconds), reason);
        }
        log.WriteLine("this run had finished; under the config given now it goes on");
        state = state with { Finished = false };
        metrics.RemoveStopRecords();
        return null;
    }

    /// <summary>
    /// The update loop, from where the state stands to a stop condition. A cancel (Ctrl+C) is taken
    /// between updates: the current one finishes, last.ckpt records where training stands, and
    /// <see cref="TrainingInterruptedException"/> says so; --resume continues exactly from there.
    /// </summary>
    public TrainingSummary Train(CancellationToken cancel = default)
    {
        var validator = new Validator(model, corpus, config, log);
        elapsedBefore = state.ElapsedSeconds;
        update = new GuardedUpdate(model.parameters().ToArray(), optimizer, Settings.ClipGradNorm)
        {
            Skipped = state.SkippedUpdates,
            ConsecutiveSkipped = state.ConsecutiveSkippedUpdates,
        };
        step = new AccumulatedUpdate(model, update, Settings);
        if (Settings.Tensorboard) tensorBoard = new TensorBoardLog(run.Path, state.Step + 1);
        long plannedSteps = Settings.MaxSteps > 0 ? Settings.MaxSteps : 0;
        progress = new ProgressBar("train", plannedSteps, "steps");
        window = state.Window;
        clock.Start();
        windowClock.Start();
        for (int epoch = state.Epoch; epoch < Settings.MaxEpochs && stopReason is null; epoch++)
        {
            var batches = BatchPlan.Make(corpus.Train, Settings.BatchType, Settings.BatchSize, Settings.Seed, epoch, shuffle: true);
            int accumulate = Settings.Accumulate;
            if (plannedSteps == 0) progress.Total = (long)((batches.Count + accumulate - 1) / accumulate) * Settings.MaxEpochs;
            int first = epoch == state.Epoch ? state.BatchInEpoch : 0;
            for (int b = first; b < batches.Count && stopReason is null; b += accumulate)
            {
                if (cancel.IsCancellationRequested) Interrupt(cancel);
                double rate = schedule.RateAt(state.Step);
                int end = Math.Min(b + accumulate, batches.Count);
                string status = Update(batches.Take(b..end).ToArray(), rate, epoch, end);
                bool endOfEpoch = end == batches.Count;
                if (Settings.MaxSteps > 0 && state.Step >= Settings.MaxSteps) stopReason = MaxStepsReason;
                else if (endOfEpoch && epoch == Settings.MaxEpochs - 1) stopReason = EpochsReason;
                bool validate = Settings.ValidationFrequency > 0 ? state.Step % Settings.ValidationFrequency == 0 : endOfEpoch;
                if (validate || stopReason is not null) ValidateAndSave(validator, epoch, rate, status);
            }
        }
        stopReason ??= EpochsReason;
        log.WriteLine($"training stopped: {stopReason}");
        return Summary(TimeSpan.FromSeconds(Elapsed), stopReason);
    }

    private double Elapsed => elapsedBefore + clock.Elapsed.TotalSeconds;

    /// <summary>One update on a group of batches (see <see cref="AccumulatedUpdate"/>), then the bookkeeping. <paramref name="batchesDone"/> is the epoch's batch count after it. Returns the progress status.</summary>
    private string Update(IReadOnlyList<IReadOnlyList<TokenizedPair>> group, double rate, int epoch, int batchesDone)
    {
        model.train();
        OptimizerFactory.SetLearningRate(optimizer, rate);
        var (lossValue, tokens, padded, positions, outcome) = step.Apply(group);
        window = window with { Padding = window.Padding + padded, Positions = window.Positions + positions };
        state = state with
        {
            Step = state.Step + 1,
            Epoch = epoch,
            BatchInEpoch = batchesDone,
            SkippedUpdates = update.Skipped,
            ConsecutiveSkippedUpdates = update.ConsecutiveSkipped,
        };
        if (outcome.Applied)
        {
            window = window with
            {
                Loss = window.Loss + lossValue,
                Tokens = window.Tokens + tokens,
                GradNorm = window.GradNorm + outcome.GradNorm,
                Steps = window.Steps + 1,
            };
        }
        else
        {
            Skipped(lossValue, outcome);
        }
        return LogProgress(epoch, rate);
    }

    /// <summary>A metrics record goes to metrics.jsonl and, when training.tensorboard is on, to the event file.</summary>
    private void Record(MetricsRecord record)
    {
        metrics.Append(record);
        tensorBoard?.Write(record);
    }

    /// <summary>A skipped update is logged; too many in a row end the run as diverged.</summary>
    private void Skipped(double lossValue, UpdateOutcome outcome)
    {
        log.WriteLine($"step {state.Step}: loss or gradient not finite (loss {lossValue}, gradient norm {outcome.GradNorm}); update skipped ({update.Skipped} so far)");
        if (!update.Diverged) return;
        Record(new StoppedRecord { Step = state.Step, Reason = "diverged", Skipped = update.Skipped });
        progress.Finish(state.Step);
        throw new UserError($"training diverged: the last {update.ConsecutiveSkipped} updates (up to step {state.Step}) had a non-finite loss or gradient and were skipped; "
            + "lower training.learning_rate or set training.clip_grad_norm, and start over (--overwrite)");
    }

    /// <summary>The progress bar after every update, and a metrics record at the end of each logging window.</summary>
    private string LogProgress(int epoch, double rate)
    {
        double seconds = windowClock.Elapsed.TotalSeconds;
        string status = window.Tokens > 0 ? $"epoch {epoch + 1} loss {window.Loss / window.Tokens:F3} lr {rate:G3} {window.Tokens / Math.Max(seconds, 1e-9):F0} tok/s" : "";
        progress.Report(state.Step, status);
        if (state.Step % Settings.LogFrequency != 0 || window.Steps == 0) return status;
        Record(new TrainRecord
        {
            Step = state.Step, Epoch = epoch + 1,
            Loss = window.Loss / window.Tokens, LearningRate = rate,
            GradNorm = window.GradNorm / window.Steps, TargetTokensPerS = window.Tokens / seconds,
            Padding = window.Padding / window.Positions, Skipped = state.SkippedUpdates,
            ResidentMb = ProcessMemory.ResidentMemory.Bytes() / (1024.0 * 1024.0),
            ManagedMb = GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
            ElapsedS = Elapsed,
        });
        window = new TrainingWindow();
        windowClock.Restart();
        return status;
    }

    /// <summary>Validation, the stop decision and the checkpoint. They are not training: the window's tokens/s leaves them out.</summary>
    private void ValidateAndSave(Validator validator, int epoch, double rate, string status)
    {
        windowClock.Stop();
        progress.Finish(state.Step, status);
        var result = validator.Validate(state.Step);
        double score = result.Score(Settings.EarlyStoppingMetric);
        state = state.Validated(score, result.Bleu, Settings.EarlyStoppingMetric, out bool improved);
        schedule.Validated(improved);
        state = state with { Schedule = schedule.State };
        Record(new ValidationRecord
        {
            Step = state.Step, Epoch = epoch + 1, Loss = result.Loss, Perplexity = result.Perplexity,
            Bleu = result.Bleu, LearningRate = rate, Best = improved, ElapsedS = Elapsed,
        });
        log.WriteLine($"validation at step {state.Step}: loss {result.Loss:F4}, ppl {result.Perplexity:F2}, BLEU {result.Bleu:F2}{(improved ? " (new best)" : "")}");
        TrainingCurves.Draw(run.Metrics, run.Curves, $"{config.Name}: training curves");

        if (state.PatienceExhausted(Settings.EarlyStoppingPatience)) stopReason = PatienceReason;
        if (schedule.BelowMinimum(state.Step)) stopReason = MinimumRateReason;
        if (stopReason is not null) Record(new StoppedRecord { Step = state.Step, Reason = stopReason, Skipped = state.SkippedUpdates });
        var kept = checkpoints.Plan(state.Step, score);
        state = WithRunState(kept) with { Finished = stopReason is not null };
        SaveCheckpoint(kept);
        ReleaseCheckpointBuffers();
        windowClock.Start();
    }

    /// <summary>Writes last.ckpt where training stands (between two updates, without validating) and stops the run.</summary>
    private void Interrupt(CancellationToken cancel)
    {
        windowClock.Stop();
        progress.Finish(state.Step);
        state = WithRunState(checkpoints.Kept);
        SaveLastCheckpoint();
        ReleaseCheckpointBuffers();
        log.WriteLine($"interrupted at step {state.Step}: {run.LastCheckpoint} holds where training stands");
        throw new TrainingInterruptedException(state.Step, run.LastCheckpoint, cancel);
    }

    /// <summary>The state with what a checkpoint records besides the counters: time, random state, kept checkpoints, the logging window.</summary>
    private TrainingState WithRunState(IReadOnlyList<KeptCheckpoint> kept)
    {
        using var randomState = torch.random.get_rng_state();
        return state with
        {
            ElapsedSeconds = Elapsed,
            RandomState = Convert.ToBase64String(randomState.data<byte>().ToArray()),
            KeptCheckpoints = kept,
            Window = window,
        };
    }

    /// <summary>
    /// Why a finished run stays finished under the config given now, or null when it may go on (a
    /// larger training.max_steps or max_epochs, more patience, a lower minimum rate).
    /// </summary>
    private string? StillFinished()
    {
        if (Settings.MaxSteps > 0 && state.Step >= Settings.MaxSteps) return MaxStepsReason;
        if (state.Epoch >= Settings.MaxEpochs - 1)
        {
            int batches = BatchPlan.Make(corpus.Train, Settings.BatchType, Settings.BatchSize, Settings.Seed, state.Epoch, shuffle: true).Count;
            if (state.Epoch >= Settings.MaxEpochs || state.BatchInEpoch >= batches) return EpochsReason;
        }
        if (state.PatienceExhausted(Settings.EarlyStoppingPatience)) return PatienceReason;
        if (schedule.BelowMinimum(state.Step)) return MinimumRateReason;
        return null;
    }

    private string EpochsReason => $"reached {Count(Settings.MaxEpochs, "epoch")}";

    private string MaxStepsReason => $"reached {Count(Settings.MaxSteps, "step")}";

    private string PatienceReason =>
        $"no improvement of {Settings.EarlyStoppingMetric.ToString().ToLowerInvariant()} in {Count(Settings.EarlyStoppingPatience, "validation")}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private string MinimumRateReason => $"learning rate fell below {Settings.MinLearningRate:G3}";

    /// <summary>
    /// Restores the optimizer's moments and step counts. Their number must match the model's
    /// parameters; it does not for checkpoints of tie_output_embedding models written before the
    /// tied matrix was given to the optimizer once (it held it twice).
    /// </summary>
    private static void LoadOptimizerState(TorchSharp.Modules.OptimizerHelper optimizer, byte[] saved, string checkpointPath)
    {
        try
        {
            optimizer.load_state_dict(new BinaryReader(new MemoryStream(saved)));
        }
        catch (ArgumentException e)
        {
            throw new UserError($"{checkpointPath}: its optimizer state does not fit this model ({e.Message}); "
                + "it was probably written by an older version with model.tie_output_embedding; start over with --overwrite");
        }
    }

    /// <summary>
    /// Writing a checkpoint allocates several copies of the weights and of Adam's moments as .NET
    /// arrays on the large-object heap (about 36 MB for a 1M-parameter model, 3 x 12 bytes per
    /// parameter). Training steps allocate almost nothing managed, so no full collection comes to
    /// free them and resident memory grew by that much at every validation (measured: 1.06M
    /// parameters, validation every 100 steps: 326 -> 451 MB over 400 steps, all of it .NET heap).
    /// One full blocking collection per validation (a few ms, next to the seconds of validation)
    /// returns it, and keeps the step loop free of collections. It is an aggressive collection, which
    /// also gives the freed regions back to the system instead of keeping them committed.
    /// </summary>
    private static void ReleaseCheckpointBuffers()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // The native side too: validation decodes the dev set with batch shapes that training never
        // uses again, and NativeHeap keeps freed buffers for reuse. Measured on Multi30k (12.9M
        // parameters, a validation every 40 updates): with a forced (not aggressive) collection and
        // no trim, resident memory went 1,152 -> 1,604 -> 1,883 -> 1,965 MB over three validations;
        // with both, 1,180 -> 1,329 -> 1,339 -> 1,368 MB.
        ProcessMemory.NativeHeap.Release();
    }

    private TrainingSummary Summary(TimeSpan wall, string reason) =>
        new(state.Step, state.BestStep, state.BestScore, state.BestBleu, Settings.EarlyStoppingMetric, wall, reason, run.BestCheckpoint, run.Path);

    /// <summary>
    /// Builds and writes the checkpoint in a frame of its own, so that nothing in
    /// <see cref="Train"/> refers to its buffers (weights and Adam's moments, about 12 bytes per
    /// parameter) once it is written. Inlined into the loop, the checkpoint stayed reachable from a stack
    /// slot of Run's loop (Run executes once, so it runs as unoptimized, on-stack-replaced code whose
    /// locals live until overwritten) until the next validation replaced it: on Multi30k (12.9 M
    /// parameters) the .NET heap held 34 MB before the first validation and 183 MB after it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void SaveCheckpoint(IReadOnlyList<KeptCheckpoint> kept) => checkpoints.Save(MakeCheckpoint(), state.Step, kept);

    /// <inheritdoc cref="SaveCheckpoint"/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void SaveLastCheckpoint() => checkpoints.SaveLast(MakeCheckpoint());

    private ModelFile MakeCheckpoint()
    {
        using var optimizerState = new MemoryStream();
        using (var writer = new BinaryWriter(optimizerState, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }
        var weights = new ModelFile
        {
            ConfigJson = ConfigWriter.ToJson(config, pathsRelativeTo: config.Training.RunDir),
            SourcePipeline = corpus.Source.ToFiles(),
            TargetPipeline = corpus.Target.ToFiles(),
            Weights = ModelWeights.Save(model),
        };
        return TrainingCheckpoint.Create(weights, optimizerState.ToArray(), state);
    }

    public void Dispose()
    {
        tensorBoard?.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }
}

using System.Diagnostics;
using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Model;
using Seq2Seq.Packaging;
using Seq2Seq.Reporting;
using Seq2Seq.Tokenization;
using TorchSharp;
using static TorchSharp.torch;
using Seq2Seq.Files;

namespace Seq2Seq.Training;

/// <summary>The outcome of a training run.</summary>
public sealed record TrainingSummary(int Steps, int BestStep, double BestScore, double BestBleu, ValidationMetric Metric, TimeSpan WallTime,
    string StopReason, string BestCheckpoint, string RunDirectory)
{
    /// <summary>One line: steps, wall time, why training stopped, the best validation and where its checkpoint is.</summary>
    public string Line()
    {
        string best = Metric == ValidationMetric.Bleu
            ? $"best dev BLEU {BestScore:F2} at step {BestStep}"
            : $"best dev {Metric.ToString().ToLowerInvariant()} {BestScore:F4} at step {BestStep} (BLEU {(double.IsNaN(BestBleu) ? "n/a" : BestBleu.ToString("F2"))})";
        return $"trained {Steps} steps in {Reporting.ProgressBar.Format(WallTime)} ({StopReason}); {best}; best model {BestCheckpoint}";
    }
}

/// <summary>
/// Trains a <see cref="TranslationModel"/> from a config: teacher forcing, label-smoothed loss,
/// gradient-norm clipping, the learning-rate schedule, validation every N updates (loss,
/// perplexity, greedy BLEU), best/last checkpoints, early stopping and exact resume.
/// </summary>
public sealed class Trainer(LoadedConfig loaded, TextWriter log)
{
    private readonly ExperimentConfig config = loaded.Config;
    private TrainingConfig Settings => config.Training;

    /// <summary>Trains in the config's run folder, holding its lock for the time of the run.</summary>
    public TrainingSummary Run(RunDirectory.Mode mode)
    {
        using var run = new RunDirectory(config.Training.RunDir!);
        return Run(run, mode);
    }

    /// <summary>Trains in <paramref name="run"/>, which stays open (and locked) afterwards, for the caller's next steps.</summary>
    public TrainingSummary Run(RunDirectory run, RunDirectory.Mode mode)
    {
        mode = run.Open(mode, log, InputFiles());
        int threads = Settings.Threads > 0 ? Settings.Threads : Environment.ProcessorCount;
        Platform.NativeHeap.Configure();
        torch.set_num_threads(threads);
        torch.manual_seed(Settings.Seed);

        ModelFile? resumeFrom = mode == RunDirectory.Mode.Resume ? ModelFile.Load(run.LastCheckpoint) : null;
        if (resumeFrom is not null)
        {
            var trainedWith = ModelLoader.Config(resumeFrom, run.LastCheckpoint);
            ResumeCompatibility.Check(trainedWith, loaded, run.LastCheckpoint, log);
        }
        (TextPipeline, TextPipeline)? pipelines = resumeFrom is null ? null
            : (TextPipeline.FromFiles(resumeFrom.SourcePipeline, config.Data), TextPipeline.FromFiles(resumeFrom.TargetPipeline, config.Data));
        var corpus = PreparedCorpus.Prepare(config, log, pipelines, run.CacheFolder);
        log.WriteLine($"data prepared in {corpus.Elapsed.TotalSeconds:F1} s: vocabulary {corpus.Source.Vocabulary.Count:N0} source / {corpus.Target.Vocabulary.Count:N0} target; dev {corpus.Dev.Count:N0} pairs");

        ModelMemory.Check(config.Model, corpus.Source.Vocabulary.Count, corpus.Target.Vocabulary.Count, ModelMemory.Training, loaded.DisplayPath);
        using var model = new TranslationModel(config.Model, corpus.Source.Vocabulary.Count, corpus.Target.Vocabulary.Count);
        log.WriteLine($"model: {model.ParameterCount:N0} parameters ({config.Model.RnnType.ToString().ToLowerInvariant()}, embedding {config.Model.EmbeddingSize}, encoder {config.Model.EncoderLayers}x{config.Model.EncoderHiddenSize}x2, decoder {config.Model.DecoderLayers}x{config.Model.DecoderHiddenSize}, attention {config.Model.AttentionSize}); {threads} thread{(threads == 1 ? "" : "s")}");
        using var optimizer = OptimizerFactory.Create(model.parameters(), Settings);
        var schedule = new LearningRateSchedule(Settings);
        var state = new TrainingState { PlateauRate = Settings.LearningRate };
        var metrics = new MetricsLog(run.Metrics);
        var checkpoints = new CheckpointKeeper(run, Settings.KeepBestCheckpoints, Settings.EarlyStoppingMetric);
        if (resumeFrom is not null)
        {
            // Everything that influences the rest of the run comes back: weights, the optimizer's
            // moments and step counts, the schedule, the data position (the batch plan is a function
            // of seed and epoch), dropout's random state, the best-score and early-stopping
            // bookkeeping, the kept checkpoints, the skip counters and the logging window.
            ModelLoader.LoadWeights(model, resumeFrom.Weights, run.LastCheckpoint);
            if (TrainingCheckpoint.OptimizerState(resumeFrom) is { } saved) LoadOptimizerState(optimizer, saved, run.LastCheckpoint);
            state = TrainingCheckpoint.State(resumeFrom, run.LastCheckpoint) ?? state;
            schedule.PlateauRate = state.PlateauRate;
            schedule.BadValidations = state.PlateauBadValidations;
            if (state.RandomState.Length > 0)
            {
                using var rng = tensor(Convert.FromBase64String(state.RandomState));
                torch.random.set_rng_state(rng);
            }
            metrics.TruncateAfter(state.Step);
            checkpoints.Restore(state.KeptCheckpoints);
            log.WriteLine($"resumed from {run.LastCheckpoint} at step {state.Step}, epoch {state.Epoch + 1}");
            if (state.Finished)
            {
                if (StillFinished(state, schedule, corpus) is string reason)
                {
                    log.WriteLine($"this run had already finished: {reason}");
                    return Summary(state, run, TimeSpan.FromSeconds(state.ElapsedSeconds), reason);
                }
                log.WriteLine("this run had finished; under the config given now it goes on");
                state = state with { Finished = false };
                metrics.RemoveStopRecords();
            }
        }

        var validator = new Validator(model, corpus, config, log);
        var clock = Stopwatch.StartNew();
        double elapsedBefore = state.ElapsedSeconds;
        var parameters = model.parameters().ToArray();
        var update = new GuardedUpdate(parameters, optimizer, Settings.ClipGradNorm)
        {
            Skipped = state.SkippedUpdates,
            ConsecutiveSkipped = state.ConsecutiveSkippedUpdates,
        };
        long plannedSteps = Settings.MaxSteps > 0 ? Settings.MaxSteps : 0;
        var progress = new ProgressBar("train", plannedSteps, "steps");
        var window = state.Window;
        var windowClock = Stopwatch.StartNew();
        string stopReason = EpochsReason;
        bool stop = false;

        for (int epoch = state.Epoch; epoch < Settings.MaxEpochs && !stop; epoch++)
        {
            var batches = BatchPlan.Make(corpus.Train, Settings.BatchType, Settings.BatchSize, Settings.Seed, epoch, shuffle: true);
            if (plannedSteps == 0) progress.Total = (long)batches.Count * Settings.MaxEpochs;
            int first = epoch == state.Epoch ? state.BatchInEpoch : 0;
            for (int b = first; b < batches.Count && !stop; b++)
            {
                model.train();
                double rate = schedule.RateAt(state.Step);
                OptimizerFactory.SetLearningRate(optimizer, rate);
                double lossValue;
                UpdateOutcome outcome;
                int tokens;
                using (var scope = NewDisposeScope())
                {
                    using var batch = new Batch(batches[b]);
                    tokens = batch.TargetTokens;
                    window = window with { Padding = window.Padding + batch.PaddedPositions, Positions = window.Positions + batch.TotalPositions };
                    var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
                    var (smoothed, nll) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, Settings.LabelSmoothing);
                    double denominator = Settings.LossNormalization switch
                    {
                        LossNormalization.Tokens => batch.TargetTokens,
                        LossNormalization.Sentences => batch.Size,
                        _ => 1.0,
                    };
                    lossValue = smoothed.item<float>();
                    outcome = update.Apply(smoothed / denominator);
                }
                state = state with
                {
                    Step = state.Step + 1, Epoch = epoch, BatchInEpoch = b + 1,
                    SkippedUpdates = update.Skipped, ConsecutiveSkippedUpdates = update.ConsecutiveSkipped,
                };
                if (outcome.Applied)
                {
                    window = window with
                    {
                        Loss = window.Loss + lossValue, Tokens = window.Tokens + tokens,
                        GradNorm = window.GradNorm + outcome.GradNorm, Steps = window.Steps + 1,
                    };
                }
                else
                {
                    log.WriteLine($"step {state.Step}: loss or gradient not finite (loss {lossValue}, gradient norm {outcome.GradNorm}); update skipped ({update.Skipped} so far)");
                    if (update.Diverged)
                    {
                        string message = $"training diverged: the last {update.ConsecutiveSkipped} updates (up to step {state.Step}) had a non-finite loss or gradient and were skipped; "
                            + "lower training.learning_rate or set training.clip_grad_norm, and start over (--overwrite)";
                        metrics.Append(new { kind = "stopped", step = state.Step, reason = "diverged", skipped = update.Skipped });
                        progress.Finish(state.Step);
                        throw new UserError(message);
                    }
                }

                double seconds = windowClock.Elapsed.TotalSeconds;
                string status = window.Tokens > 0 ? $"epoch {epoch + 1} loss {window.Loss / window.Tokens:F3} lr {rate:G3} {window.Tokens / Math.Max(seconds, 1e-9):F0} tok/s" : "";
                progress.Report(state.Step, status);
                if (state.Step % Settings.LogFrequency == 0 && window.Steps > 0)
                {
                    metrics.Append(new
                    {
                        kind = "train", step = state.Step, epoch = epoch + 1,
                        loss = window.Loss / window.Tokens, learning_rate = rate,
                        grad_norm = window.GradNorm / window.Steps, target_tokens_per_s = window.Tokens / seconds,
                        padding = window.Padding / window.Positions, skipped = state.SkippedUpdates,
                        resident_mb = Platform.ProcessMemory.ResidentBytes() / (1024.0 * 1024.0),
                        managed_mb = GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
                        elapsed_s = elapsedBefore + clock.Elapsed.TotalSeconds,
                    });
                    window = new TrainingWindow();
                    windowClock.Restart();
                }

                bool endOfEpoch = b == batches.Count - 1;
                bool validate = Settings.ValidationFrequency > 0 ? state.Step % Settings.ValidationFrequency == 0 : endOfEpoch;
                bool lastStep = Settings.MaxSteps > 0 && state.Step >= Settings.MaxSteps;
                if (lastStep) { stop = true; stopReason = MaxStepsReason; }
                if (endOfEpoch && epoch == Settings.MaxEpochs - 1) stop = true;
                if (!validate && !stop) continue;

                // Validation and the checkpoint are not training: the window's tokens/s leaves them out.
                windowClock.Stop();
                progress.Finish(state.Step, status);
                var result = validator.Validate(state.Step);
                double score = result.Score(Settings.EarlyStoppingMetric);
                state = state.Validated(score, result.Bleu, Settings.EarlyStoppingMetric, out bool improved);
                schedule.Validated(improved);
                state = state with { PlateauRate = schedule.PlateauRate, PlateauBadValidations = schedule.BadValidations };
                metrics.Append(new
                {
                    kind = "validation", step = state.Step, epoch = epoch + 1, loss = result.Loss, perplexity = result.Perplexity,
                    bleu = result.Bleu, learning_rate = rate, best = improved,
                    elapsed_s = elapsedBefore + clock.Elapsed.TotalSeconds,
                });
                log.WriteLine($"validation at step {state.Step}: loss {result.Loss:F4}, ppl {result.Perplexity:F2}, BLEU {result.Bleu:F2}{(improved ? " (new best)" : "")}");
                TrainingCurves.Draw(run.Metrics, run.Curves, $"{config.Name}: training curves");

                if (state.PatienceExhausted(Settings.EarlyStoppingPatience))
                {
                    stop = true;
                    stopReason = PatienceReason;
                }
                if (schedule.BelowMinimum(state.Step))
                {
                    stop = true;
                    stopReason = MinimumRateReason;
                }
                if (stop) metrics.Append(new { kind = "stopped", step = state.Step, reason = stopReason, skipped = state.SkippedUpdates });
                var kept = checkpoints.Plan(state.Step, score);
                using var randomState = torch.random.get_rng_state();
                state = state with
                {
                    Finished = stop,
                    ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds,
                    RandomState = Convert.ToBase64String(randomState.data<byte>().ToArray()),
                    KeptCheckpoints = kept,
                    Window = window,
                };
                SaveCheckpoint(checkpoints, model, optimizer, corpus, state, kept);
                ReleaseCheckpointBuffers();
                windowClock.Start();
            }
        }
        log.WriteLine($"training stopped: {stopReason}");
        return Summary(state, run, TimeSpan.FromSeconds(elapsedBefore + clock.Elapsed.TotalSeconds), stopReason);
    }

    /// <summary>The files the run reads, which starting it over must not delete: the config, every file a split may be read from, a SentencePiece model.</summary>
    private List<string> InputFiles()
    {
        var data = config.Data;
        var files = new List<string> { loaded.ConfigPath };
        foreach (var split in new[] { data.Train, data.Dev, data.Test }.Where(s => !string.IsNullOrEmpty(s)))
        {
            foreach (var extension in new[] { data.SrcLang, data.TrgLang, "tsv" }) files.AddRange([$"{split}.{extension}", $"{split}.{extension}.gz"]);
        }
        if (config.Tokenizer.SentencepieceModel is { Length: > 0 } model) files.Add(model);
        return files;
    }

    /// <summary>
    /// Why a finished run stays finished under the config given now, or null when it may go on (a
    /// larger training.max_steps or max_epochs, more patience, a lower minimum rate).
    /// </summary>
    private string? StillFinished(TrainingState state, LearningRateSchedule schedule, PreparedCorpus corpus)
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
        Platform.NativeHeap.Release();
    }

    private TrainingSummary Summary(TrainingState state, RunDirectory run, TimeSpan wall, string stopReason) =>
        new(state.Step, state.BestStep, state.BestScore, state.BestBleu, Settings.EarlyStoppingMetric, wall, stopReason, run.BestCheckpoint, run.Path);

    /// <summary>
    /// Builds and writes the checkpoint in a frame of its own, so that nothing in
    /// <see cref="Run"/> refers to its buffers (weights and Adam's moments, about 12 bytes per
    /// parameter) once it is written. Inlined into Run, the checkpoint stayed reachable from a stack
    /// slot of Run's loop (Run executes once, so it runs as unoptimized, on-stack-replaced code whose
    /// locals live until overwritten) until the next validation replaced it: on Multi30k (12.9 M
    /// parameters) the .NET heap held 34 MB before the first validation and 183 MB after it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void SaveCheckpoint(CheckpointKeeper checkpoints, TranslationModel model, TorchSharp.Modules.OptimizerHelper optimizer, PreparedCorpus corpus, TrainingState state,
        IReadOnlyList<KeptCheckpoint> kept) =>
        checkpoints.Save(MakeCheckpoint(model, optimizer, corpus, state), state.Step, kept);

    private ModelFile MakeCheckpoint(TranslationModel model, TorchSharp.Modules.OptimizerHelper optimizer, PreparedCorpus corpus, TrainingState state)
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
}

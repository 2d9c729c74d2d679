using System.Diagnostics;
using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Model;
using Seq2Seq.Reporting;
using Seq2Seq.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>The outcome of a training run.</summary>
public sealed record TrainingSummary(int Steps, int BestStep, double BestScore, ValidationMetric Metric, TimeSpan WallTime, string BestCheckpoint, string RunDirectory);

/// <summary>
/// Trains a <see cref="TranslationModel"/> from a config: teacher forcing, label-smoothed loss,
/// gradient-norm clipping, the learning-rate schedule, validation every N updates (loss,
/// perplexity, greedy BLEU), best/last checkpoints, early stopping and exact resume.
/// </summary>
public sealed class Trainer(LoadedConfig loaded, TextWriter log)
{
    private readonly ExperimentConfig config = loaded.Config;
    private TrainingConfig Settings => config.Training;

    public TrainingSummary Run(RunDirectory.Mode mode)
    {
        var run = new RunDirectory(config.Training.RunDir!);
        run.Open(mode);
        int threads = Settings.Threads > 0 ? Settings.Threads : Environment.ProcessorCount;
        Platform.NativeHeap.Configure();
        torch.set_num_threads(threads);
        torch.manual_seed(Settings.Seed);

        Checkpoint? resumeFrom = mode == RunDirectory.Mode.Resume ? Checkpoint.Load(run.LastCheckpoint) : null;
        (TextPipeline, TextPipeline)? pipelines = resumeFrom is null ? null
            : (TextPipeline.FromFiles(resumeFrom.SourcePipeline, config.Data), TextPipeline.FromFiles(resumeFrom.TargetPipeline, config.Data));
        var corpus = PreparedCorpus.Prepare(config, log, pipelines, run.CacheFolder);
        log.WriteLine($"data prepared in {corpus.Elapsed.TotalSeconds:F1} s: vocabulary {corpus.Source.Vocabulary.Count:N0} source / {corpus.Target.Vocabulary.Count:N0} target; dev {corpus.Dev.Count:N0} pairs");

        using var model = new TranslationModel(config.Model, corpus.Source.Vocabulary.Count, corpus.Target.Vocabulary.Count);
        log.WriteLine($"model: {model.ParameterCount:N0} parameters ({config.Model.RnnType.ToString().ToLowerInvariant()}, embedding {config.Model.EmbeddingSize}, encoder {config.Model.EncoderLayers}x{config.Model.EncoderHiddenSize}x2, decoder {config.Model.DecoderLayers}x{config.Model.DecoderHiddenSize}, attention {config.Model.AttentionSize}); {threads} threads");
        using var optimizer = OptimizerFactory.Create(model.parameters(), Settings);
        var schedule = new LearningRateSchedule(Settings);
        var state = new TrainingState { PlateauRate = Settings.LearningRate };
        var metrics = new MetricsLog(run.Metrics);
        var checkpoints = new CheckpointKeeper(run, Settings.KeepBestCheckpoints, Settings.EarlyStoppingMetric);
        if (resumeFrom is not null)
        {
            model.load(new MemoryStream(resumeFrom.Weights));
            if (resumeFrom.OptimizerState is not null) optimizer.load_state_dict(new BinaryReader(new MemoryStream(resumeFrom.OptimizerState)));
            state = resumeFrom.TrainingState ?? state;
            schedule.PlateauRate = state.PlateauRate;
            schedule.BadValidations = state.PlateauBadValidations;
            if (state.RandomState.Length > 0)
            {
                using var rng = tensor(Convert.FromBase64String(state.RandomState));
                torch.random.set_rng_state(rng);
            }
            metrics.TruncateAfter(state.Step);
            checkpoints.Restore();
            log.WriteLine($"resumed from {run.LastCheckpoint} at step {state.Step}, epoch {state.Epoch + 1}");
            if (state.Finished)
            {
                log.WriteLine("this run had already finished");
                return Summary(state, run, TimeSpan.FromSeconds(state.ElapsedSeconds));
            }
        }

        var validator = new Validator(model, corpus, config, log);
        var clock = Stopwatch.StartNew();
        double elapsedBefore = state.ElapsedSeconds;
        var parameters = model.parameters().ToArray();
        long epochTokens = corpus.Train.Sum(p => p.Target.Length + 1L);
        long plannedSteps = Settings.MaxSteps > 0 ? Settings.MaxSteps : 0;
        var progress = new ProgressBar("train", plannedSteps, "steps");
        double windowLoss = 0, windowTokens = 0, windowPadding = 0, windowPositions = 0, windowNorm = 0;
        int windowSteps = 0, consecutiveBad = 0;
        var windowClock = Stopwatch.StartNew();
        string stopReason = $"reached {Settings.MaxEpochs} epochs";
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
                double lossValue, norm;
                int tokens;
                using (var scope = NewDisposeScope())
                {
                    using var batch = new Batch(batches[b]);
                    tokens = batch.TargetTokens;
                    windowPadding += batch.PaddedPositions;
                    windowPositions += batch.TotalPositions;
                    var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
                    var (smoothed, nll) = TranslationLoss.Sum(model.Decoder, attentional, batch.PackedTargets, Settings.LabelSmoothing);
                    double denominator = Settings.LossNormalization switch
                    {
                        LossNormalization.Tokens => batch.TargetTokens,
                        LossNormalization.Sentences => batch.Size,
                        _ => 1.0,
                    };
                    var loss = smoothed / denominator;
                    lossValue = smoothed.item<float>();
                    optimizer.zero_grad();
                    if (!double.IsFinite(lossValue))
                    {
                        norm = double.NaN;
                    }
                    else
                    {
                        loss.backward();
                        norm = Settings.ClipGradNorm > 0
                            ? nn.utils.clip_grad_norm_(parameters, Settings.ClipGradNorm)
                            : TotalNorm(parameters);
                    }
                    if (double.IsFinite(lossValue) && double.IsFinite(norm))
                    {
                        optimizer.step();
                        consecutiveBad = 0;
                    }
                    else
                    {
                        optimizer.zero_grad();
                        state = state with { SkippedUpdates = state.SkippedUpdates + 1 };
                        consecutiveBad++;
                        log.WriteLine($"step {state.Step + 1}: loss or gradient not finite ({lossValue}, norm {norm}); update skipped");
                        if (consecutiveBad >= 10)
                        {
                            throw new UserError($"training diverged: {consecutiveBad} updates in a row had a non-finite loss or gradient; lower training.learning_rate or training.clip_grad_norm");
                        }
                    }
                }
                state = state with { Step = state.Step + 1, Epoch = epoch, BatchInEpoch = b + 1 };
                if (double.IsFinite(lossValue))
                {
                    windowLoss += lossValue;
                    windowTokens += tokens;
                    windowNorm += norm;
                    windowSteps++;
                }

                double seconds = windowClock.Elapsed.TotalSeconds;
                string status = windowTokens > 0 ? $"epoch {epoch + 1} loss {windowLoss / windowTokens:F3} lr {rate:G3} {windowTokens / Math.Max(seconds, 1e-9):F0} tok/s" : "";
                progress.Report(state.Step, status);
                if (state.Step % Settings.LogFrequency == 0 && windowSteps > 0)
                {
                    metrics.Append(new
                    {
                        kind = "train", step = state.Step, epoch = epoch + 1,
                        loss = windowLoss / windowTokens, learning_rate = rate,
                        grad_norm = windowNorm / windowSteps, target_tokens_per_s = windowTokens / seconds,
                        padding = windowPadding / windowPositions, skipped = state.SkippedUpdates,
                        elapsed_s = elapsedBefore + clock.Elapsed.TotalSeconds,
                    });
                    windowLoss = windowTokens = windowPadding = windowPositions = windowNorm = 0;
                    windowSteps = 0;
                    windowClock.Restart();
                }

                bool endOfEpoch = b == batches.Count - 1;
                bool validate = Settings.ValidationFrequency > 0 ? state.Step % Settings.ValidationFrequency == 0 : endOfEpoch;
                bool lastStep = Settings.MaxSteps > 0 && state.Step >= Settings.MaxSteps;
                if (lastStep) { stop = true; stopReason = $"reached {Settings.MaxSteps} steps"; }
                if (endOfEpoch && epoch == Settings.MaxEpochs - 1) stop = true;
                if (!validate && !stop) continue;

                progress.Finish(state.Step, status);
                var result = validator.Validate(state.Step);
                double score = result.Score(Settings.EarlyStoppingMetric);
                bool improved = double.IsNaN(state.BestScore) || (Settings.EarlyStoppingMetric == ValidationMetric.Bleu ? score > state.BestScore : score < state.BestScore);
                schedule.Validated(improved);
                state = state with
                {
                    BestScore = improved ? score : state.BestScore,
                    BestStep = improved ? state.Step : state.BestStep,
                    ValidationsWithoutImprovement = improved ? 0 : state.ValidationsWithoutImprovement + 1,
                    PlateauRate = schedule.PlateauRate,
                    PlateauBadValidations = schedule.BadValidations,
                };
                metrics.Append(new
                {
                    kind = "validation", step = state.Step, epoch = epoch + 1, loss = result.Loss, perplexity = result.Perplexity,
                    bleu = result.Bleu, learning_rate = rate, best = improved,
                    elapsed_s = elapsedBefore + clock.Elapsed.TotalSeconds,
                });
                log.WriteLine($"validation at step {state.Step}: loss {result.Loss:F4}, ppl {result.Perplexity:F2}, BLEU {result.Bleu:F2}{(improved ? " (new best)" : "")}");
                TrainingCurves.Draw(run.Metrics, run.Curves, $"{config.Name}: training curves");

                if (Settings.EarlyStoppingPatience > 0 && state.ValidationsWithoutImprovement >= Settings.EarlyStoppingPatience)
                {
                    stop = true;
                    stopReason = $"no improvement of {Settings.EarlyStoppingMetric.ToString().ToLowerInvariant()} in {Settings.EarlyStoppingPatience} validations";
                }
                if (schedule.RateAt(state.Step) < Settings.MinLearningRate)
                {
                    stop = true;
                    stopReason = $"learning rate fell below {Settings.MinLearningRate:G3}";
                }
                state = state with
                {
                    Finished = stop,
                    ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds,
                    RandomState = Convert.ToBase64String(torch.random.get_rng_state().data<byte>().ToArray()),
                };
                var checkpoint = MakeCheckpoint(model, optimizer, corpus, state);
                checkpoint.Save(run.LastCheckpoint);
                checkpoints.Offer(checkpoint, state.Step, score);
            }
        }
        log.WriteLine($"training stopped: {stopReason}");
        return Summary(state, run, TimeSpan.FromSeconds(elapsedBefore + clock.Elapsed.TotalSeconds));
    }

    private TrainingSummary Summary(TrainingState state, RunDirectory run, TimeSpan wall) =>
        new(state.Step, state.BestStep, state.BestScore, Settings.EarlyStoppingMetric, wall, run.BestCheckpoint, run.Path);

    private Checkpoint MakeCheckpoint(TranslationModel model, TorchSharp.Modules.OptimizerHelper optimizer, PreparedCorpus corpus, TrainingState state)
    {
        using var weights = new MemoryStream();
        model.save(weights);
        using var optimizerState = new MemoryStream();
        using (var writer = new BinaryWriter(optimizerState, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }
        return new Checkpoint
        {
            ConfigJson = ConfigWriter.ToJson(config),
            SourcePipeline = corpus.Source.ToFiles(),
            TargetPipeline = corpus.Target.ToFiles(),
            Weights = weights.ToArray(),
            OptimizerState = optimizerState.ToArray(),
            TrainingState = state,
        };
    }

    private static double TotalNorm(IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        double sum = 0;
        foreach (var p in parameters)
        {
            if (p.grad is { } g) sum += g.pow(2).sum().item<float>();
        }
        return Math.Sqrt(sum);
    }
}

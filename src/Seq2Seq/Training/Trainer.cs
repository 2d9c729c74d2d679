using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Packaging;
using Seq2Seq.Tokenization;
using System.Globalization;
using TorchSharp;

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
            : $"best dev {Metric.ToString().ToLowerInvariant()} {BestScore:F4} at step {BestStep} (BLEU {(double.IsNaN(BestBleu) ? "n/a" : BestBleu.ToString("F2", CultureInfo.InvariantCulture))})";
        return $"trained {Steps} steps in {Terminal.ProgressBar.Format(WallTime)} ({StopReason}); {best}; best model {BestCheckpoint}";
    }
}

/// <summary>
/// Trains a <see cref="Model.TranslationModel"/> from a config: teacher forcing, label-smoothed loss,
/// gradient-norm clipping, the learning-rate schedule, validation every N updates (loss,
/// perplexity, greedy BLEU), best/last checkpoints, early stopping and exact resume. This class
/// opens the run and prepares its inputs; <see cref="TrainingSession"/> runs the updates.
/// </summary>
public sealed class Trainer(LoadedConfig loaded, TextWriter log)
{
    private readonly ExperimentConfig config = loaded.Config;
    private TrainingConfig Settings => config.Training;

    /// <summary>Trains in the config's run folder, holding its lock for the time of the run.</summary>
    /// <inheritdoc cref="Run(RunDirectory, RunDirectory.Mode, CancellationToken)"/>
    public TrainingSummary Run(RunDirectory.Mode mode, CancellationToken cancel = default)
    {
        using var run = new RunDirectory(config.Training.RunDir!);
        return Run(run, mode, cancel);
    }

    /// <summary>Trains in <paramref name="run"/>, which stays open (and locked) afterwards, for the caller's next steps.</summary>
    /// <param name="cancel">
    /// stops the run between two updates, after writing last.ckpt
    /// (<see cref="TrainingInterruptedException"/>); before training starts (while the data is
    /// prepared) it stops with <see cref="OperationCanceledException"/> and nothing to resume from
    /// </param>
    public TrainingSummary Run(RunDirectory run, RunDirectory.Mode mode, CancellationToken cancel = default)
    {
        mode = run.Open(mode, log, InputFiles());
        int threads = ConfigureTorch();
        var resumeFrom = mode == RunDirectory.Mode.Resume ? ResumePoint(run) : null;
        var corpus = PrepareCorpus(run, resumeFrom, cancel);
        cancel.ThrowIfCancellationRequested();
        using var session = new TrainingSession(loaded, run, corpus, threads, log);
        if (resumeFrom is not null && session.Resume(resumeFrom) is { } finished) return finished;
        return session.Train(cancel);
    }

    /// <summary>Threads and the seed, before anything random happens; returns the thread count.</summary>
    private int ConfigureTorch()
    {
        int threads = Settings.Threads > 0 ? Settings.Threads : Environment.ProcessorCount;
        ProcessMemory.NativeHeap.Configure();
        torch.set_num_threads(threads);
        torch.manual_seed(Settings.Seed);
        return threads;
    }

    /// <summary>The run's last checkpoint, once the config given now is known to continue it.</summary>
    private ModelFile ResumePoint(RunDirectory run)
    {
        var checkpoint = ModelFile.Load(run.LastCheckpoint);
        ResumeCompatibility.Check(ModelLoader.Config(checkpoint, run.LastCheckpoint), loaded, run.LastCheckpoint, log);
        return checkpoint;
    }

    /// <summary>The corpus: a resumed run keeps the tokenizers and vocabularies of its checkpoint.</summary>
    private PreparedCorpus PrepareCorpus(RunDirectory run, ModelFile? resumeFrom, CancellationToken cancel)
    {
        (TextPipeline, TextPipeline)? pipelines = resumeFrom is null ? null
            : (TextPipeline.FromFiles(resumeFrom.SourcePipeline, config.Data), TextPipeline.FromFiles(resumeFrom.TargetPipeline, config.Data));
        var corpus = PreparedCorpus.Prepare(config, log, pipelines, run.CacheFolder, cancel);
        log.WriteLine($"data prepared in {corpus.Elapsed.TotalSeconds:F1} s: vocabulary {corpus.Source.Vocabulary.Count:N0} source / {corpus.Target.Vocabulary.Count:N0} target; dev {corpus.Dev.Count:N0} pairs");
        return corpus;
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
}

using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Decoding;
using Seq2Seq.Files;
using Seq2Seq.Terminal;
using Seq2Seq.Training;
using System.Diagnostics;

namespace Seq2Seq.Workflow;

/// <summary>What a whole experiment produced: the training summary and the test evaluation.</summary>
public sealed record ExperimentResult(TrainingSummary Training, TestResult? Test)
{
    public IEnumerable<string> SummaryLines()
    {
        var t = Training;
        yield return t.Line();
        if (Test is { } test)
        {
            yield return test.BleuLine;
            yield return $"translations: {test.TranslationsPath}";
            if (test.ReportPath is not null) yield return $"report:       {test.ReportPath}";
            var run = new RunDirectory(t.RunDirectory);
            yield return $"curves:       {run.Curves}";
            yield return $"attention:    {run.AttentionFolder}/ (first {Experiment.AttentionPlots} test sentences)";
        }
    }
}

/// <summary>The test split translated with beam search and scored.</summary>
public sealed record TestResult(double Bleu, string BleuLine, string TranslationsPath, string? ReportPath, TimeSpan DecodingTime);

/// <summary>
/// The main job: train from a config, then translate the config's test split with the best
/// checkpoint and beam search, score it and write the report into the run folder.
/// </summary>
public static class Experiment
{
    /// <summary>Test sentences whose attention is drawn into the run folder.</summary>
    public const int AttentionPlots = 5;

    /// <param name="cancel">stops training as <see cref="Trainer.Run(RunDirectory, RunDirectory.Mode, CancellationToken)"/> does, or the test decoding before anything is written</param>
    public static ExperimentResult TrainAndTest(LoadedConfig loaded, RunDirectory.Mode mode, TextWriter log, CancellationToken cancel = default)
    {
        var config = loaded.Config;
        using var run = new RunDirectory(config.Training.RunDir!);
        var summary = new Trainer(loaded, log).Run(run, mode, cancel);
        if (string.IsNullOrEmpty(config.Data.Test)) return new ExperimentResult(summary, null);
        var test = TextFileReader.ReadParallel(config.Data.Test, config.Data.SrcLang, config.Data.TrgLang);
        var clock = Stopwatch.StartNew();
        using var translator = Translator.Load(summary.BestCheckpoint);
        var progress = new ProgressBar("test", test.Source.Count, "sent");
        var results = translator.TranslateDetailed(test.Source, translator.DefaultOptions with { KeepAttention = true }, progress: progress, cancel: cancel);
        progress.Finish(test.Source.Count);
        var decoding = clock.Elapsed;
        var translations = results.Select(r => r.Text).ToArray();
        AttentionOutput.WritePlots(run.AttentionFolder, results, limit: AttentionPlots);
        string hypPath = run.TestTranslations(config.Data.TrgLang);
        DurableFile.WriteAllLines(hypPath, translations);
        var evaluation = TestEvaluation.Evaluate(translations, test.Target, test.Source, config.Evaluation, run.ReportFolder);
        log.WriteLine($"test: {test.Source.Count} sentences translated in {decoding.TotalSeconds:F1} s ({test.Source.Count / decoding.TotalSeconds:F1} sent/s, beam {translator.Config.Decoding.BeamSize})");
        return new ExperimentResult(summary, new TestResult(evaluation.Bleu, evaluation.Line, hypPath, evaluation.ReportPath, decoding));
    }
}

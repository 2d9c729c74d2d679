namespace Seq2Seq.Training;

/// <summary>
/// The folder of one training run and the names of everything in it. A finished or started run is
/// never silently overwritten: training refuses, or resumes (--resume), or starts over (--overwrite).
/// </summary>
public sealed class RunDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string LastCheckpoint => Combine("last.ckpt");
    public string BestCheckpoint => Combine("best.ckpt");
    public string CheckpointFolder => Combine("checkpoints");
    public string Metrics => Combine("metrics.jsonl");
    public string Log => Combine("train.log");
    public string Curves => Combine("curves.png");
    public string TestTranslations(string language) => Combine($"test.hyp.{language}");
    public string ReportFolder => Combine("report");
    public string AttentionFolder => Combine("attention");

    /// <summary>Prepared corpora, keyed by their inputs (kept across --overwrite: a key never goes stale).</summary>
    public string CacheFolder => Combine("cache");

    public string StepCheckpoint(int step) => System.IO.Path.Combine(CheckpointFolder, $"step-{step:D8}.ckpt");

    public bool HasStarted => File.Exists(LastCheckpoint) || File.Exists(Metrics);

    private string Combine(string name) => System.IO.Path.Combine(Path, name);

    public enum Mode { New, Resume, Overwrite }

    /// <summary>
    /// Prepares the folder for a run in the given mode, or explains why it cannot, and returns the
    /// mode to run in: resuming a run that was stopped before it wrote any checkpoint (its folder
    /// exists, but holds no *.ckpt) starts it over, which is what continuing it means, since nothing
    /// of it was kept. Without the folder (another name or run_dir?) resuming is refused.
    /// </summary>
    public Mode Open(Mode mode, TextWriter log)
    {
        if (mode == Mode.Resume)
        {
            if (File.Exists(LastCheckpoint)) return Mode.Resume;
            bool anyCheckpoint = Directory.Exists(Path) && Directory.EnumerateFiles(Path, "*.ckpt", SearchOption.AllDirectories).Any();
            if (!Directory.Exists(CheckpointFolder) || anyCheckpoint)
                throw new UserError($"{LastCheckpoint}: no checkpoint to resume from");
            log.WriteLine($"{LastCheckpoint}: no checkpoint yet (the run stopped before its first validation); starting from the beginning");
            mode = Mode.Overwrite;
        }
        if (HasStarted)
        {
            if (mode != Mode.Overwrite)
            {
                throw new UserError($"{Path}: a run already exists here; use --resume to continue it, --overwrite to start over, or set training.run_dir");
            }
            foreach (var file in Directory.GetFiles(Path)) File.Delete(file);
            if (Directory.Exists(CheckpointFolder)) Directory.Delete(CheckpointFolder, recursive: true);
            if (Directory.Exists(ReportFolder)) Directory.Delete(ReportFolder, recursive: true);
            if (Directory.Exists(AttentionFolder)) Directory.Delete(AttentionFolder, recursive: true);
        }
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(CheckpointFolder);
        return mode;
    }
}

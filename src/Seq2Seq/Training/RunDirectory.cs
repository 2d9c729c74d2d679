using Seq2Seq.Files;

namespace Seq2Seq.Training;

/// <summary>
/// The folder of one training run and the names of everything in it. A finished or started run is
/// never silently overwritten: training refuses, or resumes (--resume), or starts over (--overwrite).
/// While a run has the folder open, it holds the folder's lock: a second run into the same folder
/// is refused. A folder is a run folder when it holds <see cref="Marker"/>; --overwrite deletes
/// only the files and folders named here, only in a run folder, and never an input of the run.
/// </summary>
public sealed class RunDirectory(string path) : IDisposable
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string LastCheckpoint => Combine("last.ckpt");
    public string BestCheckpoint => Combine("best.ckpt");
    public string CheckpointFolder => Combine("checkpoints");
    public string Metrics => Combine("metrics.jsonl");
    public string Curves => Combine("curves.png");
    public string TestTranslations(string language) => Combine($"test.hyp.{language}");
    public string ReportFolder => Combine("report");
    public string AttentionFolder => Combine("attention");

    /// <summary>Prepared corpora, keyed by their inputs (rebuilt after --overwrite).</summary>
    public string CacheFolder => Combine("cache");

    /// <summary>Marks a folder that training made: the only kind --overwrite empties.</summary>
    public string Marker => Combine("seq2seq-run.json");

    /// <summary>Held (locked) by the process that trains in the folder.</summary>
    public string LockFile => Combine("run.lock");

    public string StepCheckpoint(int step) => System.IO.Path.Combine(CheckpointFolder, $"step-{step:D8}.ckpt");

    public bool HasStarted => File.Exists(LastCheckpoint) || File.Exists(Metrics);

    private ExclusiveLock? held;

    private string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>What --overwrite deletes: every file and folder of the run (not the marker and lock, which stay).</summary>
    private IEnumerable<string> OwnedPaths()
    {
        string[] files = [LastCheckpoint, BestCheckpoint, Metrics, Curves];
        var translations = Directory.Exists(Path) ? Directory.GetFiles(Path, "test.hyp.*") : [];
        var events = Directory.Exists(Path) ? Directory.GetFiles(Path, TensorBoardLog.FilePrefix + "*") : [];
        return files.Concat(translations).Concat(events).Concat([CheckpointFolder, ReportFolder, AttentionFolder, CacheFolder])
            .Where(p => File.Exists(p) || Directory.Exists(p));
    }

    public enum Mode { New, Resume, Overwrite }

    /// <summary>
    /// Takes the folder's lock and prepares the folder for a run in the given mode, or explains why
    /// it cannot, and returns the mode to run in: resuming a run that was stopped before it wrote
    /// any checkpoint (its folder exists, but holds no *.ckpt) starts it over, which is what
    /// continuing it means, since nothing of it was kept. Without the folder (another name or
    /// run_dir?) resuming is refused.
    /// </summary>
    /// <param name="inputs">the files the run reads (config, corpora), which --overwrite must not delete</param>
    public Mode Open(Mode mode, TextWriter log, IReadOnlyCollection<string>? inputs = null)
    {
        if (mode == Mode.Resume && !Directory.Exists(Path)) throw new UserError($"{LastCheckpoint}: no checkpoint to resume from");
        // Only a folder training makes (new or empty) is marked as a run folder: in a folder that
        // already holds other files, such as the config's own, --overwrite must never delete a
        // report/ or cache/ of the user's, so it is refused there.
        bool fresh = !Directory.Exists(Path) || !Directory.EnumerateFileSystemEntries(Path).Any();
        CreateFolder(Path);
        Lock();
        if (mode == Mode.Resume)
        {
            if (File.Exists(LastCheckpoint)) return Ready(Mode.Resume, markFolder: true);
            bool anyCheckpoint = File.Exists(BestCheckpoint)
                || (Directory.Exists(CheckpointFolder) && Directory.EnumerateFiles(CheckpointFolder, "step-*.ckpt").Any());
            if (!Directory.Exists(CheckpointFolder) || anyCheckpoint)
                throw new UserError($"{LastCheckpoint}: no checkpoint to resume from");
            log.WriteLine($"{LastCheckpoint}: no checkpoint yet (the run stopped before its first validation); starting from the beginning");
            mode = Mode.Overwrite;
        }
        if (HasStarted && mode != Mode.Overwrite)
        {
            throw new UserError($"{Path}: a run already exists here; use --resume to continue it, --overwrite to start over, or set training.run_dir");
        }
        if (mode == Mode.Overwrite) DeleteRun(inputs ?? []);
        return Ready(mode, fresh);
    }

    private Mode Ready(Mode mode, bool markFolder)
    {
        foreach (var folder in new[] { Path, CheckpointFolder, ReportFolder, AttentionFolder, CacheFolder }) DurableFile.RemoveStale(folder);
        if (markFolder && !File.Exists(Marker)) DurableFile.WriteAllText(Marker, "{\"format\": \"seq2seq-run\", \"version\": 1}\n");
        CreateFolder(CheckpointFolder);
        return mode;
    }

    private void DeleteRun(IReadOnlyCollection<string> inputs)
    {
        var owned = OwnedPaths().ToList();
        if (owned.Count == 0) return;
        if (!File.Exists(Marker))
        {
            throw new UserError($"{Path}: not a run folder (it has no {System.IO.Path.GetFileName(Marker)}), so --overwrite deletes nothing here; "
                + "delete its run files yourself or set training.run_dir to a folder of its own");
        }
        foreach (var input in inputs.Select(System.IO.Path.GetFullPath))
        {
            if (owned.FirstOrDefault(o => input == o || input.StartsWith(o + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)) is { } clash)
            {
                throw new UserError($"{input}: an input of this run lies where --overwrite would delete {clash}; move it out of the run folder or set training.run_dir");
            }
        }
        foreach (var item in owned)
        {
            try
            {
                if (Directory.Exists(item)) Directory.Delete(item, recursive: true);
                else File.Delete(item);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError($"{item}: --overwrite cannot delete it ({e.Message})");
            }
        }
    }

    private void Lock()
    {
        if (held is not null) return;
        held = ExclusiveLock.TryAcquire(LockFile)
            ?? throw new UserError($"{Path}: another process is training in this run folder (it holds {System.IO.Path.GetFileName(LockFile)}); "
                + "wait for it to finish or set another training.run_dir");
    }

    private static void CreateFolder(string folder)
    {
        if (File.Exists(folder)) throw new UserError($"{folder}: training.run_dir names a file, not a folder");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{folder}: cannot create the run folder ({e.Message})");
        }
    }

    /// <summary>Releases the folder's lock.</summary>
    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }
}

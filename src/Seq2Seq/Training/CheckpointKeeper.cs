using Seq2Seq.Configuration;
using Seq2Seq.Files;
using System.Globalization;

namespace Seq2Seq.Training;

/// <summary>
/// Keeps the best N checkpoints (by the validation metric) in the run's checkpoints folder and
/// best.ckpt as a copy of the best one; worse ones are deleted.
/// <para>
/// Crash safety: the list of kept checkpoints is part of the trainer state inside last.ckpt, and
/// last.ckpt is written after the new step checkpoint and before anything is deleted or copied
/// (<see cref="Save"/>). Whatever moment a crash hits, the list in last.ckpt names files that
/// exist, and <see cref="Restore"/> removes what the dead run wrote after it and rewrites best.ckpt
/// and index.tsv from it, so a resumed run keeps exactly what an uninterrupted one would.
/// </para>
/// </summary>
public sealed class CheckpointKeeper(RunDirectory run, int keep, ValidationMetric metric)
{
    private List<KeptCheckpoint> kept = [];
    private string Index => Path.Combine(run.CheckpointFolder, "index.tsv");

    /// <summary>The kept checkpoints, best first (ties: the earlier step first).</summary>
    public IReadOnlyList<KeptCheckpoint> Kept => kept;

    /// <summary>Best first (NaN scores last), ties by the earlier step.</summary>
    private int Compare(KeptCheckpoint x, KeptCheckpoint y)
    {
        bool xNaN = double.IsNaN(x.Score), yNaN = double.IsNaN(y.Score);
        if (xNaN != yNaN) return xNaN ? 1 : -1;
        if (!xNaN && x.Score != y.Score) return ScoreOrder.Compare(x.Score, y.Score, metric);
        return x.Step.CompareTo(y.Step);
    }

    /// <summary>The list as it will be after offering a checkpoint of this step and score; nothing changes yet.</summary>
    public IReadOnlyList<KeptCheckpoint> Plan(int step, double score)
    {
        var next = kept.Where(k => k.Step != step).ToList();
        next.Add(new KeptCheckpoint(step, score));
        next.Sort(Compare);
        if (next.Count > keep) next.RemoveRange(keep, next.Count - keep);
        return next;
    }

    /// <summary>
    /// Writes a validated checkpoint: its step checkpoint if <paramref name="next"/> (from
    /// <see cref="Plan"/>, and recorded in the checkpoint's trainer state) keeps it, then last.ckpt
    /// (the commit point), then deletes dropped checkpoints and updates best.ckpt and index.tsv.
    /// </summary>
    public void Save(Packaging.ModelFile checkpoint, int step, IReadOnlyList<KeptCheckpoint> next)
    {
        if (next.Any(k => k.Step == step)) checkpoint.Save(run.StepCheckpoint(step));
        checkpoint.Save(run.LastCheckpoint);
        int? oldBest = kept.Count > 0 ? kept[0].Step : null;
        kept = [.. next];
        RemoveUnlisted();
        if (kept.Count > 0 && (oldBest != kept[0].Step || !File.Exists(run.BestCheckpoint))) CopyBest();
        WriteIndex();
    }

    /// <summary>An unvalidated checkpoint (training interrupted between validations): last.ckpt only; the kept list stays as it is.</summary>
    public void SaveLast(Packaging.ModelFile checkpoint) => checkpoint.Save(run.LastCheckpoint);

    /// <summary>
    /// After a resume: takes the list recorded in last.ckpt (or, for checkpoints of older versions,
    /// index.tsv), deletes step checkpoints the list does not name (written after last.ckpt by
    /// the run that died) and rewrites best.ckpt and index.tsv from the list.
    /// </summary>
    public void Restore(IReadOnlyList<KeptCheckpoint>? recorded)
    {
        kept = recorded is not null ? [.. recorded] : ReadIndex();
        kept.RemoveAll(k => !File.Exists(run.StepCheckpoint(k.Step)));
        kept.Sort(Compare);
        DurableFile.RemoveStale(run.CheckpointFolder);
        if (recorded is not null) RemoveUnlisted();
        if (kept.Count > 0) CopyBest();
        WriteIndex();
    }

    private void RemoveUnlisted()
    {
        if (!Directory.Exists(run.CheckpointFolder)) return;
        var listed = kept.Select(k => Path.GetFileName(run.StepCheckpoint(k.Step))).ToHashSet();
        foreach (var file in Directory.GetFiles(run.CheckpointFolder, "step-*.ckpt"))
        {
            if (!listed.Contains(Path.GetFileName(file))) File.Delete(file);
        }
    }

    private void CopyBest() => DurableFile.Copy(run.StepCheckpoint(kept[0].Step), run.BestCheckpoint);

    private void WriteIndex() =>
        DurableFile.WriteAllLines(Index, kept.Select(k => FormattableString.Invariant($"{k.Step}\t{k.Score:R}")));

    private List<KeptCheckpoint> ReadIndex()
    {
        if (!File.Exists(Index)) return [];
        return File.ReadAllLines(Index).Where(l => l.Length > 0).Select(line =>
        {
            var parts = line.Split('\t');
            return new KeptCheckpoint(int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToList();
    }
}

using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>
/// Keeps the best N checkpoints (by the validation metric) in the run's checkpoints folder and
/// best.ckpt as a copy of the best one; worse ones are deleted.
/// </summary>
public sealed class CheckpointKeeper(RunDirectory run, int keep, ValidationMetric metric)
{
    private readonly List<(int Step, double Score)> kept = [];
    private string Index => Path.Combine(run.CheckpointFolder, "index.tsv");

    public IReadOnlyList<(int Step, double Score)> Kept => kept;

    private bool Better(double a, double b) => metric == ValidationMetric.Bleu ? a > b : a < b;

    /// <summary>Reads the list of kept checkpoints after a resume.</summary>
    public void Restore()
    {
        kept.Clear();
        if (!File.Exists(Index)) return;
        foreach (var line in File.ReadAllLines(Index))
        {
            var parts = line.Split('\t');
            int step = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            if (File.Exists(run.StepCheckpoint(step)))
            {
                kept.Add((step, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    public void Offer(Checkpoint checkpoint, int step, double score)
    {
        bool qualifies = kept.Count < keep || Better(score, kept[^1].Score);
        if (!qualifies) return;
        checkpoint.Save(run.StepCheckpoint(step));
        kept.Add((step, score));
        kept.Sort((x, y) => Better(x.Score, y.Score) ? -1 : Better(y.Score, x.Score) ? 1 : x.Step.CompareTo(y.Step));
        while (kept.Count > keep)
        {
            File.Delete(run.StepCheckpoint(kept[^1].Step));
            kept.RemoveAt(kept.Count - 1);
        }
        if (kept[0].Step == step)
        {
            string temp = run.BestCheckpoint + ".tmp";
            File.Copy(run.StepCheckpoint(step), temp, overwrite: true);
            File.Move(temp, run.BestCheckpoint, overwrite: true);
        }
        string indexTemp = Index + ".tmp";
        File.WriteAllLines(indexTemp, kept.Select(k => FormattableString.Invariant($"{k.Step}\t{k.Score:R}")));
        File.Move(indexTemp, Index, overwrite: true);
    }
}

using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>
/// Where training stands, saved in every checkpoint so that a resumed run continues exactly:
/// update count, data position, best validation result, early-stopping and schedule state, the
/// kept checkpoints, the skip counters, the partly filled logging window and the random state.
/// (Model weights and the optimizer's moments and step counts are saved beside it.)
/// </summary>
public sealed record TrainingState
{
    public int Step { get; init; }
    public int Epoch { get; init; }

    /// <summary>Batches of the current epoch already trained on.</summary>
    public int BatchInEpoch { get; init; }

    public double BestScore { get; init; } = double.NaN;
    public int BestStep { get; init; }

    /// <summary>Dev BLEU of the best validation (whatever the early-stopping metric), for the summary.</summary>
    public double BestBleu { get; init; } = double.NaN;
    public int ValidationsWithoutImprovement { get; init; }

    /// <summary>The learning-rate schedule's own state (<see cref="LearningRateSchedule.State"/>).</summary>
    public LearningRateSchedule.ScheduleState? Schedule { get; init; }

    /// <summary>Where checkpoints written before the schedule saved its own state kept it; read on resume, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public double PlateauRate { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int PlateauBadValidations { get; init; }

    /// <summary>The schedule state to resume with: the saved one, or that of an older checkpoint.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public LearningRateSchedule.ScheduleState? SavedSchedule => Schedule ?? (PlateauRate > 0 ? new(PlateauRate, PlateauBadValidations) : null);

    /// <summary>Updates skipped because the loss or the gradient was not finite, in all and in a row.</summary>
    public int SkippedUpdates { get; init; }
    public int ConsecutiveSkippedUpdates { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>libtorch's default generator state (dropout), base64.</summary>
    public string RandomState { get; init; } = "";

    /// <summary>The checkpoints kept in checkpoints/, best first (null in checkpoints of older versions: then index.tsv is read).</summary>
    public IReadOnlyList<KeptCheckpoint>? KeptCheckpoints { get; init; }

    /// <summary>Sums of the training steps since the last metrics line, so a resumed run logs the same numbers.</summary>
    public TrainingWindow Window { get; init; } = new();

    public bool Finished { get; init; }

    /// <summary>Whether a validation score improves on the best so far (higher BLEU, lower loss or perplexity).</summary>
    public static bool Improves(double score, double best, ValidationMetric metric) =>
        double.IsNaN(best) || (!double.IsNaN(score) && ScoreOrder.Compare(score, best, metric) < 0);

    /// <summary>The bookkeeping after a validation: best score, step and BLEU, validations without improvement.</summary>
    public TrainingState Validated(double score, double bleu, ValidationMetric metric, out bool improved)
    {
        improved = Improves(score, BestScore, metric);
        return this with
        {
            BestScore = improved ? score : BestScore,
            BestStep = improved ? Step : BestStep,
            BestBleu = improved ? bleu : BestBleu,
            ValidationsWithoutImprovement = improved ? 0 : ValidationsWithoutImprovement + 1,
        };
    }

    /// <summary>Early stopping: <paramref name="patience"/> validations in a row without improvement (0: never).</summary>
    public bool PatienceExhausted(int patience) => patience > 0 && ValidationsWithoutImprovement >= patience;
}

/// <summary>A checkpoint kept in the run's checkpoints folder and its validation score.</summary>
public sealed record KeptCheckpoint(int Step, double Score);

/// <summary>Running sums of the training steps of one logging window.</summary>
public sealed record TrainingWindow
{
    public double Loss { get; init; }
    public double Tokens { get; init; }
    public double Padding { get; init; }
    public double Positions { get; init; }
    public double GradNorm { get; init; }
    public int Steps { get; init; }
}

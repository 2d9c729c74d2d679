namespace Seq2Seq.Training;

/// <summary>
/// Where training stands, saved in every checkpoint so that a resumed run continues exactly:
/// update count, data position, best validation result, schedule state and the random state.
/// </summary>
public sealed record TrainingState
{
    public int Step { get; init; }
    public int Epoch { get; init; }

    /// <summary>Batches of the current epoch already trained on.</summary>
    public int BatchInEpoch { get; init; }

    public double BestScore { get; init; } = double.NaN;
    public int BestStep { get; init; }
    public int ValidationsWithoutImprovement { get; init; }
    public double PlateauRate { get; init; }
    public int PlateauBadValidations { get; init; }
    public int SkippedUpdates { get; init; }
    public double ElapsedSeconds { get; init; }

    /// <summary>libtorch's default generator state (dropout), base64.</summary>
    public string RandomState { get; init; } = "";

    public bool Finished { get; init; }
}

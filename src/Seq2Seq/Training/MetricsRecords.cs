using System.Text.Json.Serialization;

namespace Seq2Seq.Training;

/// <summary>
/// One line of metrics.jsonl. The "kind" field says which record it is; names are snake_case
/// (<c>learning_rate</c>, <c>elapsed_s</c>). Written and read only through <see cref="MetricsLog"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TrainRecord), "train")]
[JsonDerivedType(typeof(ValidationRecord), "validation")]
[JsonDerivedType(typeof(StoppedRecord), "stopped")]
public abstract record MetricsRecord
{
    [JsonPropertyOrder(-1)] // first after "kind", as the files have always had it
    public required int Step { get; init; }
}

// Fields missing from a line (hand-written, or from another version) read as NaN, 0 or false.

/// <summary>The averages of one logging window of training steps.</summary>
public sealed record TrainRecord : MetricsRecord
{
    public int Epoch { get; init; }

    /// <summary>Label-smoothed loss per target token.</summary>
    public double Loss { get; init; } = double.NaN;
    public double LearningRate { get; init; } = double.NaN;
    public double GradNorm { get; init; } = double.NaN;
    public double TargetTokensPerS { get; init; } = double.NaN;

    /// <summary>Share of padded positions in the window's batches.</summary>
    public double Padding { get; init; } = double.NaN;
    public int Skipped { get; init; }
    public double ResidentMb { get; init; } = double.NaN;
    public double ManagedMb { get; init; } = double.NaN;
    public double ElapsedS { get; init; } = double.NaN;
}

/// <summary>A validation on the dev set.</summary>
public sealed record ValidationRecord : MetricsRecord
{
    public int Epoch { get; init; }
    public double Loss { get; init; } = double.NaN;
    public double Perplexity { get; init; } = double.NaN;
    public double Bleu { get; init; } = double.NaN;
    public double LearningRate { get; init; } = double.NaN;

    /// <summary>Whether this validation improved the early-stopping metric.</summary>
    public bool Best { get; init; }
    public double ElapsedS { get; init; } = double.NaN;

    /// <summary>The value of a validation metric.</summary>
    public double Value(Configuration.ValidationMetric metric) => metric switch
    {
        Configuration.ValidationMetric.Bleu => Bleu,
        Configuration.ValidationMetric.Loss => Loss,
        _ => Perplexity,
    };
}

/// <summary>Why training stopped (removed again when a finished run goes on).</summary>
public sealed record StoppedRecord : MetricsRecord
{
    public string Reason { get; init; } = "";
    public int Skipped { get; init; }
}

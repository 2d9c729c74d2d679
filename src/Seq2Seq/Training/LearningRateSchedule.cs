using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>
/// The learning rate as a function of the update count and of validation results:
/// constant; plateau (multiply by decay_factor after plateau_patience validations without
/// improvement); warmup_inverse_sqrt (linear warmup, then lr·sqrt(warmup/step));
/// warmup_exponential (linear warmup, then lr·decay_factor^((step-warmup)/decay_steps)).
/// Its state is two numbers, saved in checkpoints. Training stops when a decayed rate falls below
/// min_learning_rate (<see cref="BelowMinimum"/>).
/// </summary>
public sealed class LearningRateSchedule(TrainingConfig config)
{
    /// <summary>Current plateau-decayed base rate.</summary>
    public double PlateauRate { get; set; } = config.LearningRate;

    /// <summary>Validations since the last improvement (plateau schedule).</summary>
    public int BadValidations { get; set; }

    public double RateAt(int step) => config.Schedule switch
    {
        ScheduleType.Constant => config.LearningRate,
        ScheduleType.Plateau => PlateauRate,
        ScheduleType.WarmupInverseSqrt => step < config.WarmupSteps
            ? config.LearningRate * (step + 1) / Math.Max(1, config.WarmupSteps)
            : config.LearningRate * Math.Sqrt(Math.Max(1, config.WarmupSteps) / (double)(step + 1)),
        ScheduleType.WarmupExponential => step < config.WarmupSteps
            ? config.LearningRate * (step + 1) / Math.Max(1, config.WarmupSteps)
            : config.LearningRate * Math.Pow(config.DecayFactor, (step - config.WarmupSteps) / (double)config.DecaySteps),
        _ => throw new InvalidOperationException($"unknown schedule {config.Schedule}"),
    };

    /// <summary>
    /// Whether training should stop because the decayed rate for <paramref name="step"/> fell below
    /// training.min_learning_rate. Only a decayed rate counts: never for the constant schedule, and
    /// not during warmup (where the rate starts near 0 and rises).
    /// </summary>
    public bool BelowMinimum(int step) => config.Schedule switch
    {
        ScheduleType.Constant => false,
        ScheduleType.Plateau => RateAt(step) < config.MinLearningRate,
        _ => step >= config.WarmupSteps && RateAt(step) < config.MinLearningRate,
    };

    /// <summary>Tells the schedule whether the last validation improved the metric.</summary>
    public void Validated(bool improved)
    {
        if (config.Schedule != ScheduleType.Plateau) return;
        if (improved)
        {
            BadValidations = 0;
            return;
        }
        BadValidations++;
        if (BadValidations > config.PlateauPatience)
        {
            PlateauRate *= config.DecayFactor;
            BadValidations = 0;
        }
    }
}

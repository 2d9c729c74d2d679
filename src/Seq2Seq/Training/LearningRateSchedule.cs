using Seq2Seq.Configuration;

namespace Seq2Seq.Training;

/// <summary>
/// The learning rate as a function of the update count and of validation results:
/// constant; plateau (multiply by decay_factor after plateau_patience validations without
/// improvement); warmup_inverse_sqrt (linear warmup, then lr·sqrt(warmup/step));
/// warmup_exponential (linear warmup, then lr·decay_factor^((step-warmup)/decay_steps)).
/// Its state (<see cref="ScheduleState"/>) is saved in checkpoints and restored on resume. Training
/// stops when a decayed rate falls below min_learning_rate (<see cref="BelowMinimum"/>).
/// </summary>
public sealed class LearningRateSchedule(TrainingConfig config)
{
    /// <summary>The plateau schedule's state: the decayed base rate and the validations since the last improvement.</summary>
    public sealed record ScheduleState(double PlateauRate, int BadValidations);

    /// <summary>What a checkpoint saves and <see cref="Restore"/> takes back.</summary>
    public ScheduleState State { get; private set; } = new(config.LearningRate, 0);

    /// <summary>Current plateau-decayed base rate.</summary>
    public double PlateauRate => State.PlateauRate;

    /// <summary>Validations since the last improvement (plateau schedule).</summary>
    public int BadValidations => State.BadValidations;

    public void Restore(ScheduleState state) => State = state;

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
            State = State with { BadValidations = 0 };
            return;
        }
        int bad = State.BadValidations + 1;
        State = bad > config.PlateauPatience ? new(State.PlateauRate * config.DecayFactor, 0) : State with { BadValidations = bad };
    }
}

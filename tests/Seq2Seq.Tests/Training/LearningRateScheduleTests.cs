using Seq2Seq.Configuration;
using Seq2Seq.Training;

namespace Seq2Seq.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void ConstantNeverChangesNorStops()
    {
        var schedule = new LearningRateSchedule(new TrainingConfig { Schedule = ScheduleType.Constant, LearningRate = 0.5, MinLearningRate = 1 });
        for (int i = 0; i < 5; i++) schedule.Validated(improved: false);
        Assert.Equal(0.5, schedule.RateAt(0));
        Assert.Equal(0.5, schedule.RateAt(100_000));
        Assert.False(schedule.BelowMinimum(100_000));
    }

    [Fact]
    public void PlateauDecaysAfterPatienceValidationsWithoutImprovement()
    {
        var schedule = new LearningRateSchedule(new TrainingConfig
        {
            Schedule = ScheduleType.Plateau, LearningRate = 1.0, DecayFactor = 0.5, PlateauPatience = 2, MinLearningRate = 0.2,
        });
        schedule.Validated(false);
        schedule.Validated(false);
        Assert.Equal(1.0, schedule.RateAt(10));        // two bad validations: still patient
        schedule.Validated(true);                       // an improvement resets the count
        schedule.Validated(false);
        schedule.Validated(false);
        Assert.Equal(1.0, schedule.RateAt(20));
        schedule.Validated(false);                      // the third in a row decays
        Assert.Equal(0.5, schedule.RateAt(30));
        Assert.Equal(0, schedule.BadValidations);
        Assert.False(schedule.BelowMinimum(30));
        for (int i = 0; i < 3; i++) schedule.Validated(false);
        Assert.Equal(0.25, schedule.RateAt(40));
        Assert.False(schedule.BelowMinimum(40));
        for (int i = 0; i < 3; i++) schedule.Validated(false);
        Assert.Equal(0.125, schedule.RateAt(50));
        Assert.True(schedule.BelowMinimum(50));         // min-lr stop
    }

    [Fact]
    public void WarmupInverseSqrtRisesLinearlyThenFallsAsInverseSquareRoot()
    {
        var schedule = new LearningRateSchedule(new TrainingConfig { Schedule = ScheduleType.WarmupInverseSqrt, LearningRate = 1.0, WarmupSteps = 100, MinLearningRate = 0.2 });
        Assert.Equal(0.01, schedule.RateAt(0), 12);
        Assert.Equal(0.5, schedule.RateAt(49), 12);
        Assert.Equal(1.0, schedule.RateAt(99), 12);
        Assert.Equal(Math.Sqrt(100 / 400.0), schedule.RateAt(399), 12);
        Assert.Equal(0.1, schedule.RateAt(9999), 12);
        Assert.False(schedule.BelowMinimum(0));      // below the minimum, but warming up
        Assert.False(schedule.BelowMinimum(2000));   // 0.2236
        Assert.True(schedule.BelowMinimum(2600));    // 0.1961
        schedule.Validated(false);                   // validations do not matter
        Assert.Equal(0.5, schedule.RateAt(399), 12);
    }

    [Fact]
    public void WarmupExponentialRisesLinearlyThenDecaysByTheFactorEveryDecaySteps()
    {
        var schedule = new LearningRateSchedule(new TrainingConfig
        {
            Schedule = ScheduleType.WarmupExponential, LearningRate = 2.0, WarmupSteps = 10, DecayFactor = 0.5, DecaySteps = 100, MinLearningRate = 0.3,
        });
        Assert.Equal(0.2, schedule.RateAt(0), 12);
        Assert.Equal(2.0, schedule.RateAt(9), 12);
        Assert.Equal(2.0, schedule.RateAt(10), 12);
        Assert.Equal(1.0, schedule.RateAt(110), 12);
        Assert.Equal(2.0 * Math.Pow(0.5, 0.5), schedule.RateAt(60), 12);
        Assert.Equal(0.25, schedule.RateAt(310), 12);
        Assert.False(schedule.BelowMinimum(5));
        Assert.False(schedule.BelowMinimum(210));
        Assert.True(schedule.BelowMinimum(310));
    }
}

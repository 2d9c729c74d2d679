using Seq2Seq.Configuration;
using Seq2Seq.Packaging;
using Seq2Seq.Training;
using System.Text.Json;

namespace Seq2Seq.Tests.Training;

public class TrainingStateTests
{
    [Fact]
    public void EarlyStoppingCountsValidationsWithoutImprovement()
    {
        var state = new TrainingState();
        int patience = 2;
        foreach (var (step, loss, improves, stops) in new[] { (10, 3.0, true, false), (20, 2.5, true, false), (30, 2.6, false, false), (40, 2.4, true, false), (50, 2.4, false, false), (60, 2.45, false, true) })
        {
            state = (state with { Step = step }).Validated(loss, 100 - loss, ValidationMetric.Loss, out bool improved);
            Assert.Equal(improves, improved);
            Assert.Equal(stops, state.PatienceExhausted(patience));
        }
        Assert.Equal(40, state.BestStep);
        Assert.Equal(2.4, state.BestScore);
        Assert.False(state.PatienceExhausted(0)); // 0: no early stopping
        Assert.True(state.PatienceExhausted(1));
    }

    [Fact]
    public void BleuImprovesUpwardsAndLossDownwards()
    {
        Assert.True(TrainingState.Improves(20, 10, ValidationMetric.Bleu));
        Assert.False(TrainingState.Improves(10, 20, ValidationMetric.Bleu));
        Assert.True(TrainingState.Improves(1.5, 2.0, ValidationMetric.Perplexity));
        Assert.False(TrainingState.Improves(2.0, 2.0, ValidationMetric.Loss));
        Assert.True(TrainingState.Improves(5, double.NaN, ValidationMetric.Loss)); // the first validation
    }

    [Fact]
    public void EveryFieldSurvivesTheCheckpointRoundTrip()
    {
        var state = new TrainingState
        {
            Step = 7, Epoch = 2, BatchInEpoch = 3, BestScore = double.NaN, BestStep = 5, ValidationsWithoutImprovement = 1,
            Schedule = new(0.25, 1), SkippedUpdates = 4, ConsecutiveSkippedUpdates = 2, ElapsedSeconds = 1.5,
            RandomState = "AAEC", KeptCheckpoints = [new(5, 1.25), new(7, 2.5)], Window = new TrainingWindow { Loss = 1.5, Tokens = 10, Steps = 2, GradNorm = 0.5, Padding = 1, Positions = 12 },
            Finished = true,
        };
        using var folder = new TempFolder();
        var checkpoint = TrainingCheckpoint.Create(new ModelFile
        {
            ConfigJson = "{}", SourcePipeline = new Dictionary<string, string>(), TargetPipeline = new Dictionary<string, string>(),
            Weights = [1, 2, 3],
        }, [], state);
        checkpoint.Save(folder.File("a.ckpt"));
        var loaded = TrainingCheckpoint.LoadState(folder.File("a.ckpt"))!;
        Assert.Equal(JsonSerializer.Serialize(state, Options), JsonSerializer.Serialize(loaded, Options));
        Assert.Equal(state.KeptCheckpoints, loaded.KeptCheckpoints!);
        Assert.Equal(state.Window, loaded.Window);
    }

    [Fact]
    public void ACheckpointWrittenBeforeTheScheduleSavedItsOwnStateResumesItsSchedule()
    {
        // trainer.json as version 2 files before the change wrote it: the schedule's numbers at the top level.
        var old = JsonSerializer.Deserialize<TrainingState>("""{"Step": 40, "PlateauRate": 0.00025, "PlateauBadValidations": 1, "BestScore": "NaN"}""", Options)!;
        Assert.Equal(new LearningRateSchedule.ScheduleState(0.00025, 1), old.SavedSchedule);
        var written = JsonSerializer.Serialize(new TrainingState { Schedule = new(0.5, 0) }, Options);
        Assert.DoesNotContain("PlateauRate\":", written.Replace("\"Schedule\":{\"PlateauRate\"", ""));
        Assert.Null(new TrainingState().SavedSchedule);
    }

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}

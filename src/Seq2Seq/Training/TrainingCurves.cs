using Seq2Seq.Plotting;

namespace Seq2Seq.Training;

/// <summary>
/// Draws the run's curves from metrics.jsonl: training and validation loss per step, and
/// validation BLEU per step, side by side in one PNG (curves.png), refreshed at each validation.
/// </summary>
public static class TrainingCurves
{
    public static void Draw(string metricsPath, string pngPath, string title)
    {
        var trainLoss = new List<ChartPoint>();
        var devLoss = new List<ChartPoint>();
        var devBleu = new List<ChartPoint>();
        foreach (var (_, record) in MetricsLog.Read(metricsPath))
        {
            switch (record)
            {
                case TrainRecord train:
                    Add(trainLoss, train.Step, train.Loss);
                    break;
                case ValidationRecord validation:
                    Add(devLoss, validation.Step, validation.Loss);
                    Add(devBleu, validation.Step, validation.Bleu);
                    break;
            }
        }
        // A diverging run's infinite or NaN values are left out of the picture.
        static void Add(List<ChartPoint> series, double step, double value)
        {
            if (double.IsFinite(value)) series.Add(new ChartPoint(step, value));
        }
        LineChart.Write(pngPath, title,
        [
            new ChartPanel("step", "loss per target token",
                [new ChartSeries("training (label-smoothed)", trainLoss), new ChartSeries("dev (cross-entropy)", devLoss)], "Loss"),
            new ChartPanel("step", "BLEU", [new ChartSeries("dev BLEU (greedy)", devBleu)], "Dev BLEU"),
        ]);
    }
}

using System.Text.Json;
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
        foreach (var line in File.ReadLines(metricsPath))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            double step = root.GetProperty("step").GetDouble();
            switch (root.GetProperty("kind").GetString())
            {
                case "train":
                    Add(trainLoss, step, MetricsLog.Number(root.GetProperty("loss")));
                    break;
                case "validation":
                    Add(devLoss, step, MetricsLog.Number(root.GetProperty("loss")));
                    Add(devBleu, step, MetricsLog.Number(root.GetProperty("bleu")));
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

namespace Seq2Seq.Plotting;

/// <summary>One (x, y) sample of a series, e.g. (step, loss). Non-finite values are gaps in the line.</summary>
public readonly record struct ChartPoint(double X, double Y);

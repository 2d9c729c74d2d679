using System.Globalization;

namespace Seq2Seq.Plotting;

/// <summary>
/// A linear axis: its limits, its "nice" tick values (1, 2 or 5 times a power of ten) and their labels.
/// </summary>
internal sealed class AxisScale
{
    private readonly int decimals;
    private readonly double labelDivisor;
    private readonly string labelSuffix;

    private AxisScale(double min, double max, double step, IReadOnlyList<double> ticks)
    {
        Min = min;
        Max = max;
        Step = step;
        Ticks = ticks;
        var largest = Math.Max(Math.Abs(min), Math.Abs(max));
        (labelDivisor, labelSuffix) = largest >= 1e6 ? (1e6, "M") : largest >= 1e4 ? (1e3, "k") : (1.0, "");
        decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step / labelDivisor) + 1e-9), 0, 10);
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>
    /// An axis covering [<paramref name="dataMin"/>, <paramref name="dataMax"/>] whose limits are rounded
    /// outwards to ticks. An empty or non-finite range becomes [0, 1]; a single value v becomes v ± 10 %
    /// (or ± 1 for zero), so one point sits in the middle of the axis.
    /// </summary>
    /// <param name="integer">Steps of at least 1, for counts.</param>
    public static AxisScale Nice(double dataMin, double dataMax, int targetTickCount = 6, bool integer = false)
    {
        (dataMin, dataMax) = Sanitize(dataMin, dataMax);
        var step = NiceStep((dataMax - dataMin) / Math.Max(1, targetTickCount - 1));
        if (integer)
            step = Math.Max(1, step);
        var min = Math.Floor(dataMin / step + 1e-9) * step;
        var max = Math.Ceiling(dataMax / step - 1e-9) * step;
        if (max <= min)
            max = min + step;
        return new AxisScale(min, max, step, TicksBetween(min, max, step));
    }

    /// <summary>An axis with exactly the limits [<paramref name="min"/>, <paramref name="max"/>] and nice ticks inside.</summary>
    public static AxisScale Fixed(double min, double max, int targetTickCount = 6)
    {
        (min, max) = Sanitize(min, max);
        var step = NiceStep((max - min) / Math.Max(1, targetTickCount - 1));
        return new AxisScale(min, max, step, TicksBetween(Math.Ceiling(min / step - 1e-9) * step, max, step));
    }

    /// <summary>Maps a value to a pixel coordinate between <paramref name="pixelAtMin"/> and <paramref name="pixelAtMax"/>.</summary>
    public float Map(double value, float pixelAtMin, float pixelAtMax)
        => (float)(pixelAtMin + (value - Min) / (Max - Min) * (pixelAtMax - pixelAtMin));

    /// <summary>Tick label: invariant culture, as many decimals as the step needs, "k"/"M" for large values.</summary>
    public string Format(double value)
    {
        var scaled = value / labelDivisor;
        if (Math.Abs(scaled) < Math.Pow(10, -decimals) / 2)
            return "0"; // neither "-0" nor "0k"
        return scaled.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + labelSuffix;
    }

    /// <summary>1, 2 or 5 times a power of ten, closest to <paramref name="rough"/> from above-ish.</summary>
    internal static double NiceStep(double rough)
    {
        if (!(rough > 0) || double.IsInfinity(rough))
            return 1;
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        var nice = fraction <= 1.5 ? 1 : fraction <= 3 ? 2 : fraction <= 7 ? 5 : 10;
        return nice * power;
    }

    private static (double Min, double Max) Sanitize(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
            return (0, 1);
        if (max - min <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12)
        {
            var delta = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return (min - delta, max + delta);
        }
        return (min, max);
    }

    private static double[] TicksBetween(double first, double last, double step)
    {
        // Round away binary noise (0.6000000000000001) to one digit below the step's.
        var digits = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var ticks = new List<double>();
        for (var i = 0; i <= 1000; i++)
        {
            var value = first + i * step;
            if (value > last + step * 1e-6)
                break;
            ticks.Add(Math.Round(value, digits));
        }
        return [.. ticks];
    }
}

using Seq2Seq.Plotting;

namespace Seq2Seq.Tests.Plotting;

public sealed class AxisScaleTests
{
    [Fact]
    public void NiceLimitsEncloseTheDataOnTicks()
    {
        var scale = AxisScale.Nice(0.3, 9.7);
        Assert.Equal(0, scale.Min);
        Assert.Equal(10, scale.Max);
        Assert.Equal([0.0, 2, 4, 6, 8, 10], scale.Ticks);
        Assert.Equal(["0", "2", "4", "6", "8", "10"], scale.Ticks.Select(scale.Format));
    }

    [Fact]
    public void DecimalStepsHaveNoBinaryNoiseAndEnoughDecimals()
    {
        var scale = AxisScale.Nice(0.1, 0.9, 5);
        Assert.Contains(0.6, scale.Ticks);
        Assert.Equal("0.6", scale.Format(0.6000000000000001));
        Assert.Equal("0", scale.Format(-1e-17));
    }

    [Fact]
    public void LargeValuesUseThousandsSuffix()
    {
        var scale = AxisScale.Nice(0, 20000, 5);
        Assert.Equal(["0", "5k", "10k", "15k", "20k"], scale.Ticks.Select(scale.Format));
        var millions = AxisScale.Nice(0, 1e7);
        Assert.Equal(["0", "2M", "4M", "6M", "8M", "10M"], millions.Ticks.Select(millions.Format));
        var steps = AxisScale.Nice(0, 1.5e6, 4);
        Assert.Equal(["0", "0.5M", "1.0M", "1.5M"], steps.Ticks.Select(steps.Format));
    }

    [Fact]
    public void DegenerateRangesBecomeUsableAxes()
    {
        var single = AxisScale.Nice(3.2, 3.2);
        Assert.True(single.Min < 3.2 && single.Max > 3.2);
        var zero = AxisScale.Nice(0, 0);
        Assert.True(zero.Min < 0 && zero.Max > 0);
        var nan = AxisScale.Nice(double.NaN, 1);
        Assert.Equal((0.0, 1.0), (nan.Min, nan.Max));
    }

    [Fact]
    public void IntegerAxesNeverUseFractionalSteps()
    {
        var scale = AxisScale.Nice(0, 1, 6, integer: true);
        Assert.Equal(1, scale.Step);
        Assert.All(scale.Ticks, t => Assert.Equal(Math.Round(t), t));
    }

    [Fact]
    public void FixedKeepsTheLimitsAndMapsLinearly()
    {
        var scale = AxisScale.Fixed(0, 100);
        Assert.Equal((0.0, 100.0), (scale.Min, scale.Max));
        Assert.Equal([0.0, 20, 40, 60, 80, 100], scale.Ticks);
        Assert.Equal(150f, scale.Map(50, 100, 200));
        Assert.Equal(200f, scale.Map(50, 300, 100));
    }
}

using Seq2Seq.Terminal;
using System.Globalization;

namespace Seq2Seq.Tests.Terminal;

public class ProgressBarTests
{
    [Fact]
    public void ALineShowsDoneTotalBarRateEtaAndStatus()
    {
        var writer = new StringWriter();
        var bar = new ProgressBar("train", 100, "steps", writer);
        bar.Report(0);
        Thread.Sleep(100);
        bar.Finish(50, "epoch 1 loss 2.000");
        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        // 50 steps in at least 0.1 s: at most 500 steps/s; the ETA is the other 50 at that rate.
        var match = System.Text.RegularExpressions.Regex.Match(lines[1],
            @"^train \[#{12}\.{12}\] 50/100 (\d+\.\d) steps/s ETA (\d\d):(\d\d) epoch 1 loss 2\.000$");
        Assert.True(match.Success, lines[1]);
        double rate = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rate, 0.1, 500);
        int eta = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.InRange(eta, Math.Floor(50 / rate) - 1, Math.Ceiling(50 / rate) + 1);
    }

    [Fact]
    public void WithoutATerminalLinesComeAtMostEveryTenSeconds()
    {
        var writer = new StringWriter();
        var bar = new ProgressBar("test", 10, "sent", writer);
        for (int i = 0; i <= 10; i++) bar.Report(i);
        Assert.Single(writer.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("test [........................] 0/10 ", writer.ToString());
    }

    [Theory]
    [InlineData(65, "01:05")]
    [InlineData(3599, "59:59")]
    [InlineData(3725, "1:02:05")]
    [InlineData(90061, "25:01:01")]
    public void DurationsAreMinutesSecondsOrHours(int seconds, string expected) =>
        Assert.Equal(expected, ProgressBar.Format(TimeSpan.FromSeconds(seconds)));
}

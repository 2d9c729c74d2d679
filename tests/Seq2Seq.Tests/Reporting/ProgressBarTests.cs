using Seq2Seq.Reporting;

namespace Seq2Seq.Tests.Reporting;

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
        // 50 steps in about 0.1 s: hundreds of steps/s, so the other 50 take under a second.
        var match = System.Text.RegularExpressions.Regex.Match(lines[1],
            @"^train \[#{12}\.{12}\] 50/100 (\d+\.\d) steps/s ETA 00:00 epoch 1 loss 2\.000$");
        Assert.True(match.Success, lines[1]);
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 20, 600);
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

using Seq2Seq.Tests.Decoding;
using Seq2Seq.Tests.Training;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Seq2Seq.Tests.Serving;

/// <summary>seq2seq serve as a program: it listens where it says, answers, and stops cleanly on SIGTERM.</summary>
public class ServeProcessTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SigtermFinishesTheRequestInFlightAndExitsZero()
    {
        using var server = new CliProcess("serve", "--model", fixture.Package, "--urls", "http://127.0.0.1:0", "--threads", "1", "--max-wait-ms", "1000");
        string address = WaitForAddress(server);
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = Bound };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // This request waits up to a second for company in the queue; SIGTERM comes meanwhile.
        var inFlight = client.PostAsync("/translate", new StringContent("""{"text": "a b c"}""", Encoding.UTF8, "application/json"));
        await Task.Delay(300);
        server.Terminate();
        using var response = await inFlight.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, server.Wait(Bound));
        Assert.Contains("stopped after 1 requests (1 sentences)", server.Error);
    }

    [Fact]
    public void BadOptionsAndAnAddressInUseAreOneLineErrors()
    {
        var (code, _, error) = CliProcess.Run(Bound, "serve", "--model", fixture.Package, "--max-sentences", "10", "--max-queue", "5");
        Assert.Equal(1, code);
        Assert.Contains("--max-sentences 10 is more than --max-queue 5", error);
        (code, _, error) = CliProcess.Run(Bound, "serve");
        Assert.Equal(1, code);
        Assert.Contains("Option '--model' is required", error);
        (code, _, error) = CliProcess.Run(Bound, "serve", "--model", fixture.Package, "--urls", "foo");
        Assert.Equal(1, code);
        Assert.Contains("--urls: 'foo' is not an address like http://127.0.0.1:8080", error);
    }

    private static string WaitForAddress(CliProcess server)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            var match = Regex.Match(server.Error, @" on (http://127\.0\.0\.1:[0-9]+)");
            if (match.Success) return match.Groups[1].Value;
            if (server.HasExited) throw new InvalidOperationException($"serve exited: {server.Error}");
            Thread.Sleep(50);
        }
        throw new TimeoutException($"serve did not say where it listens: {server.Error}");
    }
}

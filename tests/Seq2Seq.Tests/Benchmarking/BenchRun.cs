using Seq2Seq.Cli;
using System.Text.Json;

namespace Seq2Seq.Tests.Benchmarking;

/// <summary>Runs the bench verb in-process (restoring libtorch's thread count after it) and parses its JSON lines.</summary>
internal static class BenchRun
{
    public static (int Code, JsonElement[] Records, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int before = TorchSharp.torch.get_num_threads();
        int code;
        try
        {
            code = CommandLine.Run(["bench", .. args], output, error);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(before);
        }
        var records = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        return (code, records, error.ToString());
    }
}

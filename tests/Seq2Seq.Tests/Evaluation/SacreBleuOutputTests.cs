using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Compatibility;
using Seq2Seq.Evaluation.Output;

namespace Seq2Seq.Tests.Evaluation;

public class SacreBleuOutputTests
{
    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(59.25536475041394, "59.25536475041394")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(100.00000000000004, "100.00000000000004")]
    [InlineData(1e-16, "1e-16")]
    public void ReprIsPythons(double value, string expected) => Assert.Equal(expected, PythonFormat.Repr(value));

    [Fact]
    public void JsonIsLaidOutAsPythonsJsonDumps()
    {
        var o = new PythonJson.Object
        {
            { "name", "BLEU \"x\"\n" },
            { "score", 20.0 },
            { "counts", new List<object?> { 1L, 2.5 } },
            { "empty", new List<object?>() },
            { "p", null },
            { "ok", true },
        };
        Assert.Equal("{\n \"name\": \"BLEU \\\"x\\\"\\n\",\n \"score\": 20.0,\n \"counts\": [\n  1,\n  2.5\n ],\n \"empty\": [],\n" +
                     " \"p\": null,\n \"ok\": true\n}", PythonJson.Dumps(o, 1));
        Assert.Equal("{\"name\": \"BLEU \\\"x\\\"\\n\", \"score\": 20.0, \"counts\": [1, 2.5], \"empty\": [], \"p\": null, \"ok\": true}",
            PythonJson.Dumps(o, null));
        Assert.Equal("\"μ ± \\u001f\"", PythonJson.Dumps("μ ± \u001f", 1));
    }

    [Fact]
    public void GridCentresCellsAndRightAlignsTheFirstColumn()
    {
        string grid = SacreBleuOutput.Grid(["System", "BLEU"], [["Baseline: a", "10.0"], ["b", "9.0\n(p = 0.5000)"]]);
        Assert.Equal(string.Join("\n",
            "╒═════════════╤══════════════╕",
            "│      System │     BLEU     │",
            "╞═════════════╪══════════════╡",
            "│ Baseline: a │     10.0     │",
            "├─────────────┼──────────────┤",
            "│           b │     9.0      │",
            "│             │ (p = 0.5000) │",
            "╘═════════════╧══════════════╛"), grid);
    }
}

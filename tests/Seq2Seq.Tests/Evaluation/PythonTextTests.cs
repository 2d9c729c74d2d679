using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Compatibility;

namespace Seq2Seq.Tests.Evaluation;

public class PythonTextTests
{
    [Fact]
    public void WhitespaceIsPythons()
    {
        foreach (char c in "\t\n\v\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000")
        {
            Assert.True(PythonText.IsWhiteSpace(c), $"U+{(int)c:X4} should be whitespace");
        }
        foreach (char c in "\u200B\u2060\uFEFFa\u0000\u180E")
        {
            Assert.False(PythonText.IsWhiteSpace(c), $"U+{(int)c:X4} should not be whitespace");
        }
    }

    [Fact]
    public void SplitStripAndCollapse()
    {
        Assert.Equal(["a", "b\u200Bc", "d"], PythonText.Split("\u001Ea  b\u200Bc\u3000d\u2029"));
        Assert.Empty(PythonText.Split(" \t "));
        Assert.Equal(" x", PythonText.RStrip(" x\u001F\u00A0"));
        Assert.Equal("x y", PythonText.Strip("\u2000x y\u0085"));
        Assert.Equal("a b c", PythonText.CollapseWhiteSpace("  a \t b\u001Cc  "));
    }

    [Theory]
    [InlineData("İ", "i\u0307")]          // two code points, unlike .NET's ToLowerInvariant
    [InlineData("ΑΣ", "ας")]              // final sigma
    [InlineData("ΑΣ.", "ας.")]            // '.' is case-ignorable: still final
    [InlineData("ΑΣΑ", "ασα")]            // inside a word
    [InlineData("Σ", "σ")]                // no cased letter before
    [InlineData("Α'Σ", "α'ς")]            // the apostrophe is skipped looking back
    [InlineData("ΑΣ\u0301Α", "ασ\u0301α")] // a combining mark is skipped looking forward
    [InlineData("ẞ Ǆ ǅ ABC", "ß ǆ ǆ abc")]
    [InlineData("plain ascii", "plain ascii")]
    public void LowerIsPythonStrLower(string input, string expected) =>
        Assert.Equal(expected, PythonText.Lower(input));

    [Fact]
    public void CodePointsCountSurrogatePairsOnce()
    {
        Assert.Equal(3, PythonText.CodePointCount("a😀b"));
        Assert.Equal([0, 1, 3, 4], PythonText.CodePointBoundaries("a😀b"));
    }

    [Theory]
    [InlineData(12.25, 1, "12.2")]      // exact tie: half to even (.NET "F1" gives 12.3)
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.675, 2, "2.67")]      // 2.675 is really 2.67499999...
    [InlineData(100.00000000000004, 2, "100.00")]
    [InlineData(-0.0001, 2, "-0.00")]
    [InlineData(48.530827009929865, 2, "48.53")]
    [InlineData(0.0, 3, "0.000")]
    [InlineData(1234.5, 0, "1234")]
    public void FixedFormatsLikePython(double value, int digits, string expected) =>
        Assert.Equal(expected, PythonFormat.Fixed(value, digits));
}

using Seq2Seq.Configuration;
using Seq2Seq.Tokenization;
using System.Text;

namespace Seq2Seq.Tests.Tokenization;

public class TextNormalizerTests
{
    [Fact]
    public void NfcComposesDecomposedUmlauts()
    {
        var normalizer = new TextNormalizer(UnicodeNormalization.Nfc);
        string decomposed = "Mu\u0308ller sa\u0308gt: Gru\u0308\u00DFe";
        string result = normalizer.Normalize(decomposed);
        Assert.Equal("M\u00FCller s\u00E4gt: Gr\u00FC\u00DFe", result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void NfkcFoldsCompatibilityCharacters()
    {
        var normalizer = new TextNormalizer(UnicodeNormalization.Nfkc);
        Assert.Equal("fi A 1 \u00E4", normalizer.Normalize("\uFB01 \uFF21 \u2460 a\u0308"));
    }

    [Fact]
    public void NoneKeepsDecomposedText()
    {
        var normalizer = new TextNormalizer(UnicodeNormalization.None);
        Assert.Equal("a\u0308", normalizer.Normalize(" a\u0308 "));
    }

    [Theory]
    [InlineData("  Ein   Mann\tläuft. ", "Ein Mann läuft.")]
    [InlineData("a\u00A0b\u2009c\u3000d", "a b c d")]
    [InlineData("line1\r\nline2\n\n", "line1 line2")]
    [InlineData(" \t\u00A0 ", "")]
    [InlineData("", "")]
    public void WhitespaceIsTrimmedAndCollapsed(string input, string expected)
    {
        Assert.Equal(expected, new TextNormalizer().Normalize(input));
    }

    [Fact]
    public void LowercasingUsesInvariantCultureAndRenormalizes()
    {
        var normalizer = new TextNormalizer(UnicodeNormalization.Nfc, lowercase: true);
        Assert.Equal("ärger auf der straße in istanbul", normalizer.Normalize("A\u0308RGER auf der STRASSE".Replace("STRASSE", "Straße") + " in ISTANBUL"));
        Assert.Equal("i", normalizer.Normalize("I")); // not the Turkish dotless ı
        Assert.Equal("Ärger", new TextNormalizer(UnicodeNormalization.Nfc, lowercase: false).Normalize("A\u0308rger"));
    }

    [Fact]
    public void LoneSurrogatesDoNotThrow()
    {
        Assert.Equal("a\uFFFDb \uD83D\uDE00", new TextNormalizer().Normalize("a\uD800b \uD83D\uDE00"));
        Assert.Equal("\uFFFD", new TextNormalizer(UnicodeNormalization.Nfkc).Normalize("\uDC00"));
    }

    [Theory]
    [InlineData(UnicodeNormalization.Nfc, false)]
    [InlineData(UnicodeNormalization.Nfkc, true)]
    [InlineData(UnicodeNormalization.None, true)]
    public void NormalizationIsIdempotent(UnicodeNormalization form, bool lowercase)
    {
        var normalizer = new TextNormalizer(form, lowercase);
        foreach (string s in new[] { "  Mu\u0308ller\t İstanbul  ﬁ  ", "\u1E9B\u0323 \u00C5\u212B", "x \u00A0 y" })
        {
            string once = normalizer.Normalize(s);
            Assert.Equal(once, normalizer.Normalize(once));
        }
    }

    [Fact]
    public void FromConfigUsesDataSettings()
    {
        var normalizer = TextNormalizer.FromConfig(new DataConfig { Normalization = UnicodeNormalization.Nfkc, Lowercase = true });
        Assert.Equal(UnicodeNormalization.Nfkc, normalizer.UnicodeNormalization);
        Assert.True(normalizer.Lowercase);
        Assert.Equal("fi", normalizer.Normalize("\uFB01"));
    }

    [Fact]
    public void SpanOverloadMatchesStringOverload()
    {
        Microsoft.ML.Tokenizers.Normalizer normalizer = new TextNormalizer();
        Assert.Equal("a\u0308b".Normalize(), normalizer.Normalize("  a\u0308b ".AsSpan()));
    }
}

using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Tokenizers;

namespace Seq2Seq.Tests.Evaluation;

/// <summary>Edge cases of the BLEU tokenizers. 13a and zh expectations were checked against Python's <c>re</c>
/// running sacreBLEU's own patterns; intl expectations follow its rules (Unicode categories, no padding).</summary>
public class TokenizerTests
{
    [Theory]
    [InlineData("It costs 1,000.50 dollars.", "It costs 1,000.50 dollars .")]
    [InlineData("A well-known fact: 3-4 people came in 2019.", "A well-known fact : 3 - 4 people came in 2019 .")]
    [InlineData("x...y", "x . . . y")]
    [InlineData("a.,b", "a . , b")]
    [InlineData("1.,2", "1 . , 2")]
    [InlineData("&amp;lt;b&amp;gt; &amp;quot;q&amp;quot; &apos;s &nbsp;", "< b > & quot ; q & quot ; & apos ; s & nbsp ;")]
    [InlineData("end-\nline<skipped>\nnext", "endline next")]
    [InlineData("„Hallo“ «oui» – … ’ €5 😀!", "„Hallo“ «oui» – … ’ €5 😀 !")]
    [InlineData("٣-٤ 3-4 -5", "٣-٤ 3 - 4 -5")]
    [InlineData("http://a.b/c?d=e&f#g", "http : / / a . b / c ? d = e & f # g")]
    [InlineData("", "")]
    public void Tokenizer13aMatchesMteval(string input, string expected) =>
        Assert.Equal(expected, new Tokenizer13a().Tokenize(input));

    [Theory]
    [InlineData("It's 1,000.50 or 3-4.", "It ' s 1,000.50 or 3-4.")]
    [InlineData("in 2019.", "in 2019.")]
    [InlineData("¿Qué?", "¿ Qué ?")]
    [InlineData("hi😀there", "hi 😀 there")]
    [InlineData("$5 + 2€", "$ 5 + 2 €")]
    [InlineData("&amp; <skipped>", "& amp ; < skipped >")]
    [InlineData("„Hallo“", "„ Hallo “")]
    public void TokenizerIntlSplitsUnicodePunctuationAndSymbols(string input, string expected) =>
        Assert.Equal(expected, new TokenizerIntl().Tokenize(input));

    [Fact]
    public void CharTokenizerSplitsCodePointsNotUtf16Units()
    {
        var bleu = new Bleu(new BleuOptions { Tokenize = "char" });
        // 😀 is a surrogate pair (one token); e + U+0301 is two code points (two tokens); ZWJ is a token too.
        var tokens = bleu.Preprocess("a😀 e\u0301 👩\u200D💻");
        Assert.Equal(["a", "😀", "e", "\u0301", "👩", "\u200D", "💻"], tokens);
    }

    [Theory]
    [InlineData("我爱你。", "我 爱 你 。")]
    [InlineData("a–b “q” €5 ™", "a – b “ q ” € 5 ™")] // the U+2001..U+2A6D quirk splits these
    [InlineData("a\U00020000b", "a\U00020000b")]         // real Ext-B ideographs are NOT split
    [InlineData("  北京2019.  ", "北 京 2019.")]          // strip, no padding: final "2019." stays
    [InlineData("Ｈｉ, 3-4", "Ｈ ｉ , 3 - 4")]              // full-width forms are "Chinese"; mteval steps still run
    public void TokenizerZhSplitsChineseCharactersWithItsRangeQuirk(string input, string expected) =>
        Assert.Equal(expected, new TokenizerZh().Tokenize(input));

    [Fact]
    public void ZhRangeQuirkBoundaries()
    {
        Assert.False(TokenizerZh.IsChineseChar('\u2000'));
        Assert.True(TokenizerZh.IsChineseChar('\u2001'));
        Assert.True(TokenizerZh.IsChineseChar('\u2A6D'));
        Assert.False(TokenizerZh.IsChineseChar('\u2A6E'));
        Assert.False(TokenizerZh.IsChineseChar('A'));
    }

    [Fact]
    public void NoneTokenizerOnlySplitsOnPythonWhitespace()
    {
        var bleu = new Bleu(new BleuOptions { Tokenize = "none" });
        Assert.Equal(["Hello,", "world!", "a\u200Bb", "c"], bleu.Preprocess(" Hello,\tworld!\u00A0a\u200Bb\u001Fc "));
    }

    [Fact]
    public void UnknownTokenizerIsRejected() =>
        Assert.Throws<ArgumentException>(() => BleuTokenizers.Create("ja-mecab"));

    [Fact]
    public void TokenizersReportSacreBleuSignatureNames()
    {
        foreach (string name in BleuTokenizers.Names)
        {
            Assert.Equal(name, BleuTokenizers.Create(name).Signature);
        }
    }
}

using Seq2Seq.Cli;

namespace Seq2Seq.Tests.Cli;

public sealed class ShellTests
{
    [Theory]
    [InlineData("configs/x.json", "configs/x.json")]
    [InlineData("training.learning_rate=0.0005", "training.learning_rate=0.0005")]
    [InlineData("my configs/x.json", "'my configs/x.json'")]
    [InlineData("name=\"it's\"", "'name=\"it'\\''s\"'")]
    [InlineData("", "''")]
    public void QuotesOnlyWhatAShellWouldSplitOrExpand(string word, string expected) => Assert.Equal(expected, Shell.Quote(word));
}

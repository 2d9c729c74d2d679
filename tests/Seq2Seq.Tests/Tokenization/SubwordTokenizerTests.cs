using Seq2Seq.Tokenization;

namespace Seq2Seq.Tests.Tokenization;

public class SubwordTokenizerTests
{
    internal static readonly string[] TrickyLines =
    [
        "Straße.",
        "Ein Mann, der \"Hallo!\" sagt.",
        "„Guten Tag“, sagte sie – und ging.",
        "l'homme qu'il voit aujourd'hui's don't",
        "Er ist 42 Jahre alt, 3,5 m groß und 1.000.000 € reich (ca. 10%).",
        "東京は日本の首都です。",
        "😀 Emoji 👍🏽 und 👨‍👩‍👧 Familie 🇩🇪",
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Ça coûte 5 € à l'hôtel « Château ».",
        "a▁b ▁ ▁▁x \uE000 \uE000▁ x\uE000",
        "...!?;:--",
        "a",
        "",
    ];

    private static readonly string[] Training =
    [
        "Ein Mann geht über die Straße.", "Zwei Männer gehen über die Straße.", "Ein Hund läuft auf der Straße.",
        "Eine Frau sagt \"Hallo!\" zu einem Mann.", "Der Mann ist 42 Jahre alt.", "l'homme qu'il voit",
        "東京 日本", "😀 😀 👍🏽",
    ];

    private static SubwordTokenizer Train(IEnumerable<string> lines, int merges = 200) =>
        SubwordTokenizer.FromModel(BpeLearner.Learn(lines, merges));

    [Fact]
    public void RoundTripIsExactOnTrickyStrings()
    {
        SubwordTokenizer tokenizer = Train(Training.Concat(TrickyLines));
        foreach (string line in TrickyLines)
        {
            IReadOnlyList<string> tokens = tokenizer.EncodeToTokens(line);
            Assert.Equal(line, tokenizer.Decode(tokens));
        }
    }

    [Fact]
    public void RoundTripIsExactForCharactersNeverSeenInTraining()
    {
        SubwordTokenizer tokenizer = Train(["ab ab abc abc"], merges: 10);
        foreach (string line in TrickyLines.Append("zzz ab😀 ☃ a\u0308 \uD800 x"))
        {
            Assert.Equal(line, tokenizer.Decode(tokenizer.EncodeToTokens(line)));
        }

        // A run of unseen characters becomes one token spelling them, never dropped.
        Assert.Equal(["▁ab", "😀☃", "a"], tokenizer.EncodeToTokens("ab😀☃a"));
        Assert.Equal(["▁", "☃", "▁ab"], tokenizer.EncodeToTokens("☃ ab"));
    }

    [Fact]
    public void PunctuationStaysAttachedOnDecode()
    {
        SubwordTokenizer tokenizer = Train(Training);
        IReadOnlyList<string> tokens = tokenizer.EncodeToTokens("Straße.");
        Assert.True(tokens.Count >= 1);
        Assert.StartsWith("▁", tokens[0]);
        Assert.Equal("Straße.", tokenizer.Decode(tokens));
        Assert.Equal("Straße. Ein", tokenizer.Decode(["▁Stra", "ße", ".", "▁Ein"]));
    }

    [Fact]
    public void WordBoundaryMarkerInTextIsEscaped()
    {
        Assert.Equal("▁a\uE000▁b", WordBoundary.MarkWord("a▁b"));
        Assert.Equal("▁\uE000\uE000", WordBoundary.MarkWord("\uE000"));
        Assert.Equal("a▁b \uE000", WordBoundary.Decode(["▁a\uE000▁b", "▁\uE000\uE000"]));
    }

    [Fact]
    public void TokenizerFilesRoundTripThroughStringsAndDirectories()
    {
        SubwordTokenizer tokenizer = Train(Training.Concat(TrickyLines));
        IReadOnlyDictionary<string, string> files = tokenizer.ToFiles();
        Assert.Equal(new[] { "merges.txt", "vocab.json" }, files.Keys.Order(StringComparer.Ordinal));

        SubwordTokenizer fromStrings = SubwordTokenizer.FromFiles(files);
        string dir = Path.Combine(Path.GetTempPath(), "seq2seq-tok-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            tokenizer.Save(dir);
            ISubwordTokenizer fromDir = TokenizerFiles.Load(dir);
            Assert.IsType<SubwordTokenizer>(fromDir);
            Assert.Equal(files, fromDir.ToFiles());
            foreach (string line in TrickyLines.Concat(Training))
            {
                IReadOnlyList<string> expected = tokenizer.EncodeToTokens(line);
                Assert.Equal(expected, fromStrings.EncodeToTokens(line));
                Assert.Equal(expected, fromDir.EncodeToTokens(line));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UnrecognizedFilesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => TokenizerFiles.FromFiles(new Dictionary<string, string> { ["x.txt"] = "" }));
        Assert.Throws<ArgumentException>(() => SubwordTokenizer.FromFiles(new Dictionary<string, string> { ["vocab.json"] = "{}" }));
    }

    [Fact]
    public void TokensMapToVocabularyIdsAndBack()
    {
        SubwordTokenizer tokenizer = Train(Training);
        var vocabulary = Vocabulary.Build(Training.Select(tokenizer.EncodeToTokens));
        foreach (string line in Training)
        {
            int[] ids = vocabulary.Encode(tokenizer.EncodeToTokens(line), addBos: true, addEos: true);
            Assert.DoesNotContain(Vocabulary.UnkId, ids);
            Assert.Equal(line, tokenizer.Decode(vocabulary.Decode(ids)));
        }

        int[] unknown = vocabulary.Encode(tokenizer.EncodeToTokens("Straße. ☃"));
        Assert.Equal(Vocabulary.UnkId, unknown[^1]);
        Assert.StartsWith("Straße.", tokenizer.Decode(vocabulary.Decode(unknown)));
        Assert.EndsWith("<unk>", tokenizer.Decode(vocabulary.Decode(unknown)));
    }
}

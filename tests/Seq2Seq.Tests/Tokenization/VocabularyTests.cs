using Seq2Seq.Tokenization;

namespace Seq2Seq.Tests.Tokenization;

public class VocabularyTests
{
    private static readonly Dictionary<string, long> Counts = new()
    {
        ["▁the"] = 10, ["▁a"] = 7, ["s"] = 7, ["▁Haus"] = 3, ["er"] = 3, ["x"] = 1, ["▁ab"] = 7,
    };

    [Fact]
    public void SpecialTokensHaveFixedIds()
    {
        var vocabulary = Vocabulary.Build(Counts);
        Assert.Equal(["<pad>", "<s>", "</s>", "<unk>"], vocabulary.Tokens.Take(4));
        Assert.Equal(0, vocabulary["<pad>"]);
        Assert.Equal(1, vocabulary["<s>"]);
        Assert.Equal(2, vocabulary["</s>"]);
        Assert.Equal(3, vocabulary["<unk>"]);
        Assert.Equal((0, 1, 2, 3), (Vocabulary.PadId, Vocabulary.BosId, Vocabulary.EosId, Vocabulary.UnkId));
    }

    [Fact]
    public void OrderIsFrequencyDescendingThenOrdinal()
    {
        var vocabulary = Vocabulary.Build(Counts);
        Assert.Equal(["▁the", "s", "▁a", "▁ab", "er", "▁Haus", "x"], vocabulary.Tokens.Skip(4));
        Assert.Equal(4, vocabulary["▁the"]);
        Assert.Equal(5, vocabulary["s"]);
    }

    [Fact]
    public void MinimumFrequencyAndMaximumSizeAreApplied()
    {
        Assert.Equal(["▁the", "s", "▁a", "▁ab", "er", "▁Haus"], Vocabulary.Build(Counts, minFrequency: 2).Tokens.Skip(4));
        Vocabulary small = Vocabulary.Build(Counts, maxSize: 6);
        Assert.Equal(6, small.Count);
        Assert.Equal(["▁the", "s"], small.Tokens.Skip(4));
        Assert.Equal(4, Vocabulary.Build(Counts, minFrequency: 100).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Counts, maxSize: 3));
    }

    [Fact]
    public void SpecialTokenStringsInTheDataAreNotDuplicated()
    {
        var vocabulary = Vocabulary.Build(new Dictionary<string, long> { ["<unk>"] = 50, ["<s>"] = 40, ["a"] = 1 });
        Assert.Equal(["<pad>", "<s>", "</s>", "<unk>", "a"], vocabulary.Tokens);
    }

    [Fact]
    public void UnknownTokensEncodeToUnkAndDecodingSkipsPadBosEos()
    {
        var vocabulary = Vocabulary.Build(Counts);
        int[] ids = vocabulary.Encode(["▁the", "☃", "▁Haus"], addBos: true, addEos: true);
        Assert.Equal([1, 4, 3, 9, 2], ids);
        Assert.Equal(["▁the", "<unk>", "▁Haus"], vocabulary.Decode([1, 4, 3, 9, 2, 0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([vocabulary.Count]));
        Assert.False(vocabulary.Contains("☃"));
    }

    [Fact]
    public void BuildFromTokenizedSentencesCountsTokens()
    {
        var vocabulary = Vocabulary.Build([["▁a", "b"], ["▁a"], ["c", "b", "▁a"]]);
        Assert.Equal(["▁a", "b", "c"], vocabulary.Tokens.Skip(4));
    }

    [Fact]
    public void SaveAndLoadGiveTheSameVocabulary()
    {
        var vocabulary = Vocabulary.Build(Counts.Append(new("\"quote\"\\ 😀 \n", 2)).ToDictionary());
        Vocabulary fromString = Vocabulary.FromJson(vocabulary.ToJson());
        Assert.Equal(vocabulary.Tokens, fromString.Tokens);

        string path = Path.Combine(Path.GetTempPath(), "seq2seq-vocab-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            vocabulary.Save(path);
            Vocabulary loaded = Vocabulary.Load(path);
            Assert.Equal(vocabulary.Tokens, loaded.Tokens);
            Assert.Equal(vocabulary.ToJson(), loaded.ToJson());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedFilesAreRejected()
    {
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("{\"format\":\"seq2seq-vocabulary\",\"tokens\":[\"<s>\",\"<pad>\",\"</s>\",\"<unk>\"]}"));
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("{\"format\":\"seq2seq-vocabulary\",\"tokens\":[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"a\",\"a\"]}"));
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("{\"tokens\":[]}"));
    }
}

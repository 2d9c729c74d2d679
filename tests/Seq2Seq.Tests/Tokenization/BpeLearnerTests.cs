using Seq2Seq.Tokenization;

namespace Seq2Seq.Tests.Tokenization;

public class BpeLearnerTests
{
    private static IEnumerable<string> Repeat(string word, int count) => Enumerable.Repeat(word, count);

    private static string[] ClassicCorpus() =>
        [.. Repeat("low", 5), .. Repeat("lower", 2), .. Repeat("newest", 6), .. Repeat("widest", 3)];

    [Fact]
    public void LearnsTheClassicMergesInOrderWithOrdinalTieBreaking()
    {
        BpeModel model = BpeLearner.Learn(ClassicCorpus(), mergeCount: 4);

        // Leading merges attach the boundary marker to every word-initial character.
        Assert.Equal([("▁", "l"), ("▁", "n"), ("▁", "w")], model.Merges.Take(3));
        // e+s and s+t both occur 9 times: "e" < "s" ordinally. Then o+w (7) beats ▁l+o (7) since "o" < "▁l".
        Assert.Equal([("e", "s"), ("es", "t"), ("o", "w"), ("▁l", "ow")], model.Merges.Skip(3));
        Assert.Equal(["d", "e", "i", "l", "n", "o", "r", "s", "t", "w", "▁"], model.Alphabet);
    }

    [Fact]
    public void LearnedMergesAreUsedByTheTokenizer()
    {
        var tokenizer = SubwordTokenizer.FromModel(BpeLearner.Learn(ClassicCorpus(), mergeCount: 4));
        Assert.Equal(["▁low"], tokenizer.EncodeToTokens("low"));
        Assert.Equal(["▁low", "est", "▁n", "e", "w", "est"], tokenizer.EncodeToTokens("lowest newest"));
    }

    [Fact]
    public void StopsWhenNoPairIsFrequentEnough()
    {
        BpeModel model = BpeLearner.Learn(["ab ab cd"], mergeCount: 100);
        Assert.Equal([("▁", "a"), ("▁", "c"), ("▁a", "b")], model.Merges);

        BpeModel all = BpeLearner.Learn(["ab ab cd"], mergeCount: 100, minPairFrequency: 1);
        Assert.Equal([("▁", "a"), ("▁", "c"), ("▁a", "b"), ("▁c", "d")], all.Merges);
    }

    [Fact]
    public void LearningIsDeterministicAndIndependentOfLineOrder()
    {
        string[] lines =
        [
            "Ein Mann fährt Fahrrad.", "Zwei Hunde spielen im Schnee.", "Eine Frau liest ein Buch.",
            "Ein Kind spielt mit einem Ball.", "Männer arbeiten auf der Straße.", "Ein Hund rennt.",
        ];
        string first = BpeLearner.Learn(lines, 50).ToMergesText();
        string second = BpeLearner.Learn(lines, 50).ToMergesText();
        string reversed = BpeLearner.Learn(lines.Reverse(), 50).ToMergesText();
        Assert.Equal(first, second);
        Assert.Equal(first, reversed);
        Assert.True(first.Split('\n').Length > 20);
    }

    [Fact]
    public void SurrogatePairsAreSingleSymbolsAndLineBreaksAreNeverMerged()
    {
        BpeModel model = BpeLearner.Learn(["😀😀 😀😀 a\nb a\nb"], mergeCount: 10);
        Assert.Contains("😀", model.Alphabet);
        Assert.Contains(("▁😀", "😀"), model.Merges);
        Assert.DoesNotContain("\n", model.Alphabet);
        Assert.DoesNotContain(model.Merges, m => m.Left.Contains('\n') || m.Right.Contains('\n'));
        Assert.All(model.Alphabet, s => Assert.False(s.Length == 1 && char.IsSurrogate(s[0])));
    }

    [Fact]
    public void JointLearningEqualsLearningOnTheConcatenation()
    {
        string[] src = ["ein haus", "das haus"];
        string[] trg = ["a house", "the house"];
        Assert.Equal(BpeLearner.Learn([.. src, .. trg], 20).ToMergesText(), BpeLearner.LearnJoint(src, trg, 20).ToMergesText());
        Assert.NotEqual(BpeLearner.Learn(src, 20).ToMergesText(), BpeLearner.LearnJoint(src, trg, 20).ToMergesText());
    }

    [Fact]
    public void ModelTextsParseBackToTheSameModel()
    {
        BpeModel model = BpeLearner.Learn(["Straße. \"Zitat\" l'homme 42 東京 😀 a▁b \uE000"], 30, minPairFrequency: 1);
        BpeModel parsed = BpeModel.Parse(model.ToVocabJson(), model.ToMergesText());
        Assert.Equal(model.Alphabet, parsed.Alphabet);
        Assert.Equal(model.Merges, parsed.Merges);
        Assert.Equal(model.ToVocabJson(), parsed.ToVocabJson());
    }
}

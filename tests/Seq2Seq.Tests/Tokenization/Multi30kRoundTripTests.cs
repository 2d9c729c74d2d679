using Seq2Seq.Tokenization;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Seq2Seq.Tests.Tokenization;

public class Multi30kRoundTripTests(ITestOutputHelper output)
{
    private static readonly string[] Splits = ["train", "val", "test_2016_flickr"];

    [Multi30kFact]
    public void EveryLineOfEveryLanguageRoundTripsExactly()
    {
        var normalizer = new TextNormalizer();
        foreach (string lang in new[] { "de", "en", "fr", "cs" })
        {
            var watch = Stopwatch.StartNew();
            List<string> train = SharedCorpora.ReadLines($"train.{lang}.gz").Select(normalizer.Normalize).ToList();
            Assert.True(train.Count > 28000, $"train.{lang} has only {train.Count} lines");
            BpeModel model = BpeLearner.Learn(train, 8000);
            long learnMs = watch.ElapsedMilliseconds;
            var tokenizer = SubwordTokenizer.FromModel(model);
            var reloaded = SubwordTokenizer.FromFiles(tokenizer.ToFiles());

            var trainTokens = train.Select(tokenizer.EncodeToTokens).ToList();
            var vocabulary = Vocabulary.Build(trainTokens);
            for (int i = 0; i < train.Count; i++)
            {
                Assert.Equal(train[i], tokenizer.Decode(trainTokens[i]));
                // Every training token has an id, so even the id round trip is exact on training data.
                Assert.Equal(train[i], tokenizer.Decode(vocabulary.Decode(vocabulary.Encode(trainTokens[i], addBos: true, addEos: true))));
            }

            int lines = train.Count, unknownTokens = 0;
            foreach (string split in Splits.Skip(1))
            {
                foreach (string raw in SharedCorpora.ReadLines($"{split}.{lang}.gz"))
                {
                    string line = normalizer.Normalize(raw);
                    IReadOnlyList<string> tokens = tokenizer.EncodeToTokens(line);
                    Assert.Equal(line, tokenizer.Decode(tokens));
                    Assert.Equal(tokens, reloaded.EncodeToTokens(line));
                    unknownTokens += vocabulary.Encode(tokens).Count(id => id == Vocabulary.UnkId);
                    lines++;
                }
            }

            output.WriteLine($"{lang}: 8000 merges learned in {learnMs} ms; {lines} lines round-trip; vocabulary {vocabulary.Count}; " +
                $"<unk> tokens in val+test {unknownTokens}; total {watch.ElapsedMilliseconds} ms");
        }
    }

    [Multi30kFact]
    public void TenThousandMergesAreLearnedOnGermanTrain()
    {
        var normalizer = new TextNormalizer();
        List<string> train = SharedCorpora.ReadLines("train.de.gz").Select(normalizer.Normalize).ToList();
        var watch = Stopwatch.StartNew();
        BpeModel model = BpeLearner.Learn(train, 10000);
        watch.Stop();
        int learned = model.Merges.Count(m => m.Left != WordBoundary.MarkerString);
        output.WriteLine($"{learned} merges on {train.Count} lines in {watch.ElapsedMilliseconds} ms");
        Assert.True(learned >= 9000, $"only {learned} merges learned");
    }
}

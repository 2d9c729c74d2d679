using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Files;
using System.IO.Compression;
using System.Text;

namespace Seq2Seq.Tests.Data;

public class DataPipelineTests
{
    private static void Write(string path, params string[] lines) => File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));

    private static ExperimentConfig Config(string folder, int maxLength = 50) => new()
    {
        Data = new DataConfig
        {
            SrcLang = "en", TrgLang = "de", Train = Path.Combine(folder, "train"), Dev = Path.Combine(folder, "dev"), MaxLength = maxLength,
        },
        Tokenizer = new TokenizerConfig { Merges = 20 },
    };

    [Fact]
    public void UnequalLineCountsNameBothFilesAndCounts()
    {
        using var temp = new TempFolder();
        Write(temp.File("train.en"), "a", "b", "c");
        Write(temp.File("train.de"), "x", "y");
        var e = Assert.Throws<UserError>(() => TextFileReader.ReadParallel(temp.File("train"), "en", "de"));
        Assert.Contains("train.en has 3 lines", e.Message);
        Assert.Contains("train.de has 2", e.Message);
    }

    [Fact]
    public void InvalidUtf8IsReportedWithFileAndLine()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("bad.en"), [.. "good\nalso good\n"u8, 0xC3, 0x28, (byte)'\n']);
        var e = Assert.Throws<UserError>(() => TextFileReader.ReadLines(temp.File("bad.en")));
        Assert.Equal($"{temp.File("bad.en")}:3: invalid UTF-8", e.Message);
    }

    [Fact]
    public void GzipAndPlainReadTheSame()
    {
        using var temp = new TempFolder();
        Write(temp.File("a.en"), "Straße", "Œuvre");
        using (var gz = new GZipStream(File.Create(temp.File("b.en.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("Straße\nŒuvre\n"));
        }
        Assert.Equal(TextFileReader.ReadLines(temp.File("a.en")), TextFileReader.ReadLines(temp.File("b.en.gz")));
    }

    [Fact]
    public void TsvSplitsPairTheColumnsAndRejectOtherColumnCounts()
    {
        using var temp = new TempFolder();
        Write(temp.File("train.tsv"), "hello\thallo", "good day\tguten Tag");
        var (source, target, _, _) = TextFileReader.ReadParallel(temp.File("train"), "en", "de");
        Assert.Equal(["hello", "good day"], source);
        Assert.Equal(["hallo", "guten Tag"], target);
        Write(temp.File("bad.tsv"), "one\ttwo", "three\tfour\tfive");
        var e = Assert.Throws<UserError>(() => TextFileReader.ReadParallel(temp.File("bad"), "en", "de"));
        Assert.Equal($"{temp.File("bad.tsv")}:2: expected 2 tab-separated columns (source, target), found 3", e.Message);
    }

    [Fact]
    public void TrainingPairsAreFilteredWithAReportButDevIsNot()
    {
        using var temp = new TempFolder();
        string longLine = string.Join(' ', Enumerable.Repeat("word", 30));
        Write(temp.File("train.en"), "a b", "", longLine, "c d e", "x");
        Write(temp.File("train.de"), "a b", "leer", "lang", "c d e", "x y z w v u t s r q");
        Write(temp.File("dev.en"), "a b", "", longLine);
        Write(temp.File("dev.de"), "a b", "", "lang");
        var log = new StringWriter();
        var corpus = PreparedCorpus.Prepare(Config(temp.Path, maxLength: 20), log);
        Assert.Equal("kept 2 of 5 training pairs: 1 longer than 20 tokens, 1 over length ratio 3, 1 empty", corpus.FilterReport);
        Assert.Equal([0, 3], corpus.Train.Select(p => p.Index));
        Assert.Equal(3, corpus.Dev.Count);
        Assert.Empty(corpus.Dev[1].Source);
    }

    [Fact]
    public void TheCacheIsUsedOnTheSecondRunAndRebuiltWhenAnInputChanges()
    {
        using var temp = new TempFolder();
        Write(temp.File("train.en"), "the cat", "the dog", "a cat");
        Write(temp.File("train.de"), "die Katze", "der Hund", "eine Katze");
        Write(temp.File("dev.en"), "the cat");
        Write(temp.File("dev.de"), "die Katze");
        string cache = temp.File("cache");
        var first = PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache);
        var second = PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Train.Select(p => string.Join(",", p.Source) + "|" + string.Join(",", p.Target)),
                     second.Train.Select(p => string.Join(",", p.Source) + "|" + string.Join(",", p.Target)));
        Assert.Equal(first.Target.Vocabulary.Tokens, second.Target.Vocabulary.Tokens);

        Write(temp.File("train.de"), "die Katze", "der Hund", "eine kleine Katze");
        Assert.False(PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache).FromCache);
        var lowercase = Config(temp.Path) with { Data = Config(temp.Path).Data with { Lowercase = true } };
        Assert.False(PreparedCorpus.Prepare(lowercase, TextWriter.Null, cacheFolder: cache).FromCache);
        var merges = Config(temp.Path) with { Tokenizer = new TokenizerConfig { Merges = 5 } };
        Assert.False(PreparedCorpus.Prepare(merges, TextWriter.Null, cacheFolder: cache).FromCache);
    }

    private static string SmallCorpus(TempFolder temp)
    {
        Write(temp.File("train.en"), "the cat", "the dog", "a cat");
        Write(temp.File("train.de"), "die Katze", "der Hund", "eine Katze");
        Write(temp.File("dev.en"), "the cat");
        Write(temp.File("dev.de"), "die Katze");
        return temp.File("cache");
    }

    public static TheoryData<string, int> CacheDamage => new()
    {
        { "checksum mismatch", 40 },         // a flipped byte inside the payload
        { "truncated", -1 },                 // the file cut short
        { "not a corpus cache", 0 },         // the magic overwritten
    };

    [Theory]
    [MemberData(nameof(CacheDamage))]
    public void ADamagedCacheIsRebuiltWithANotice(string reason, int damageAt)
    {
        using var temp = new TempFolder();
        string cache = SmallCorpus(temp);
        var first = PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache);
        string file = Assert.Single(Directory.GetFiles(cache));
        var bytes = File.ReadAllBytes(file);
        if (damageAt < 0) bytes = bytes[..^10];
        else bytes[damageAt] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        var log = new StringWriter();
        var again = PreparedCorpus.Prepare(Config(temp.Path), log, cacheFolder: cache);

        Assert.False(again.FromCache);
        Assert.Contains($"{file}: corpus cache not used ({reason}); preparing the data again", log.ToString());
        Assert.Equal(first.Train.Select(p => p.Source), again.Train.Select(p => p.Source));
        Assert.True(PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache).FromCache); // rewritten whole
    }

    [Fact]
    public void ACacheWithTokenIdsOutsideItsVocabularyIsNotUsed()
    {
        using var temp = new TempFolder();
        string cache = SmallCorpus(temp);
        var first = PreparedCorpus.Prepare(Config(temp.Path), TextWriter.Null, cacheFolder: cache);
        string file = Assert.Single(Directory.GetFiles(cache));
        int outside = first.Source.Vocabulary.Count;
        CorpusCache.Save(file, new PreparedCorpus
        {
            Source = first.Source, Target = first.Target, Train = [new TokenizedPair(0, [outside], [1])], Dev = first.Dev,
            DevSourceText = first.DevSourceText, DevTargetText = first.DevTargetText, FilterReport = first.FilterReport, Elapsed = first.Elapsed,
        });

        var log = new StringWriter();
        Assert.False(PreparedCorpus.Prepare(Config(temp.Path), log, cacheFolder: cache).FromCache);
        Assert.Contains($"token id {outside} outside the vocabulary of {outside}", log.ToString());
    }

    [Fact]
    public void AHugeDevLineIsCutToTheDecodingLimitWithAWarning()
    {
        using var temp = new TempFolder();
        SmallCorpus(temp);
        string huge = string.Join(' ', Enumerable.Repeat("cat dog", 50_000)); // 100,000 words
        Write(temp.File("dev.en"), huge, "the cat");
        Write(temp.File("dev.de"), "die Katze", huge);
        var log = new StringWriter();
        var corpus = PreparedCorpus.Prepare(Config(temp.Path, maxLength: 20), log);
        Assert.Equal(256, PreparedCorpus.InputLimit(Config(temp.Path, maxLength: 20).Data));
        Assert.Equal(256, corpus.Dev[0].Source.Length);
        Assert.Equal(256, corpus.Dev[1].Target.Length);
        Assert.Contains($"warning: {temp.File("dev.en")}: 2 dev sentence sides longer than 256 tokens cut to 256 for validation", log.ToString());
        Assert.Equal(huge, corpus.DevSourceText[0]); // the references and sources stay whole
    }

    /// <summary>Pairs of 1-40 tokens whose target length is the source length give or take 2, as in real corpora.</summary>
    private static TokenizedPair[] RandomPairs(int count, int seed)
    {
        var random = new SplitMix64((ulong)seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int length = 1 + random.Next(40);
            int targetLength = Math.Max(1, length + random.Next(5) - 2);
            return new TokenizedPair(i,
                Enumerable.Range(0, length).Select(_ => 4 + random.Next(50)).ToArray(),
                Enumerable.Range(0, targetLength).Select(_ => 4 + random.Next(50)).ToArray());
        }).ToArray();
    }

    [Fact]
    public void TokenBatchesRespectTheBoundKeepEveryPairAndPadLittle()
    {
        var pairs = RandomPairs(1000, 1);
        var batches = BatchPlan.Make(pairs, BatchType.Tokens, 500, seed: 3, epoch: 0, shuffle: true);
        Assert.Equal(1000, batches.Sum(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 1000), batches.SelectMany(b => b.Select(p => p.Index)).Order());
        foreach (var batch in batches)
        {
            int longest = batch.Max(p => Math.Max(p.Source.Length, p.Target.Length + 1));
            Assert.True(batch.Count == 1 || longest * batch.Count <= 500);
        }
        long padded = 0, total = 0;
        foreach (var batch in batches)
        {
            using var b = new Batch(batch);
            padded += b.PaddedPositions;
            total += b.TotalPositions;
        }
        Assert.True(padded < 0.10 * total, $"padding {padded} of {total}");
    }

    [Fact]
    public void SentenceBatchesKeepTheLastPartialBatch()
    {
        var batches = BatchPlan.Make(RandomPairs(103, 2), BatchType.Sentences, 10, seed: 1, epoch: 0, shuffle: false);
        Assert.Equal(11, batches.Count);
        Assert.Equal(3, batches[^1].Count);
    }

    [Fact]
    public void ShuffleIsDeterministicPerSeedAndEpoch()
    {
        var pairs = RandomPairs(300, 4);
        string Order(int seed, int epoch) => string.Join(",", BatchPlan.Make(pairs, BatchType.Tokens, 300, seed, epoch, shuffle: true)
            .SelectMany(b => b.Select(p => p.Index)));
        Assert.Equal(Order(7, 0), Order(7, 0));
        Assert.NotEqual(Order(7, 0), Order(7, 1));
        Assert.NotEqual(Order(7, 0), Order(8, 0));
    }
}

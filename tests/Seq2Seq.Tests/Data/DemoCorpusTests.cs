using Seq2Seq.Data.Demo;
using System.Security.Cryptography;

namespace Seq2Seq.Tests.Data;

public class DemoCorpusTests
{
    /// <summary>
    /// SHA-256 of the six split files as generated with the default seed (in the order of
    /// <see cref="DemoCorpus.FileNames"/>, each file's bytes prefixed by its name and a '\n').
    /// Any change to the lexicon, the grammar or the PRNG changes it: then regenerate corpora/demo
    /// (`seq2seq corpus demo`), check the diff, and update this constant.
    /// </summary>
    private const string ExpectedSha256 = "a32b5cb0518ec6a53d7330aeedc0bbf679541baf2b67bbf8c7f62ac560a3a187";

    private static readonly Lazy<DemoCorpusSplits> Default = new(() => DemoCorpus.Generate());

    private static DemoCorpusSplits Corpus => Default.Value;

    [Fact]
    public void GenerationIsDeterministic()
    {
        DemoCorpusSplits again = DemoCorpus.Generate();
        Assert.Equal(Corpus.Train, again.Train);
        Assert.Equal(Corpus.Dev, again.Dev);
        Assert.Equal(Corpus.Test, again.Test);
    }

    [Fact]
    public void OtherSeedGivesOtherCorpus()
    {
        DemoCorpusSplits other = DemoCorpus.Generate(seed: 7);
        Assert.NotEqual(Corpus.Train.Take(20), other.Train.Take(20));
    }

    [Fact]
    public void OutputHashIsFixed()
    {
        Assert.Equal(ExpectedSha256, Sha256(FileBytes(Corpus)));
    }

    [Fact]
    public void CommittedFilesEqualGeneratorOutput()
    {
        string dir = Path.Combine(RepoRoot(), "corpora", "demo");
        foreach (var (name, expected) in FileBytes(Corpus))
        {
            string path = Path.Combine(dir, name);
            Assert.True(File.Exists(path), $"missing {path}; regenerate with `seq2seq corpus demo`");
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"{path} differs from the generator output; regenerate with `seq2seq corpus demo`");
        }
    }

    [Fact]
    public void WriteToWritesSixUtf8FilesWithoutBomAndNoTempFiles()
    {
        string dir = Path.Combine(Path.GetTempPath(), "democorpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoCorpus.WriteTo(dir);
            Assert.Equal(DemoCorpus.FileNames.Order(StringComparer.Ordinal),
                Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var (name, expected) in FileBytes(Corpus))
            {
                byte[] actual = File.ReadAllBytes(Path.Combine(dir, name));
                Assert.True(expected.AsSpan().SequenceEqual(actual), name);
                Assert.False(actual.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), name);
                Assert.DoesNotContain((byte)'\r', actual);
                Assert.Equal((byte)'\n', actual[^1]);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SplitSizes()
    {
        Assert.Equal(6000, Corpus.Train.Count);
        Assert.Equal(500, Corpus.Dev.Count);
        Assert.Equal(500, Corpus.Test.Count);
    }

    [Fact]
    public void SplitsAreDisjointAndFreeOfDuplicates()
    {
        var train = Corpus.Train.Select(p => p.English).ToHashSet(StringComparer.Ordinal);
        var dev = Corpus.Dev.Select(p => p.English).ToHashSet(StringComparer.Ordinal);
        var test = Corpus.Test.Select(p => p.English).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Corpus.Train.Count, train.Count);
        Assert.Equal(Corpus.Dev.Count, dev.Count);
        Assert.Equal(Corpus.Test.Count, test.Count);
        Assert.Empty(dev.Intersect(train));
        Assert.Empty(test.Intersect(train));
        Assert.Empty(test.Intersect(dev));
    }

    [Fact]
    public void SentencesAreWellFormed()
    {
        foreach (var (en, de) in Corpus.Train.Concat(Corpus.Dev).Concat(Corpus.Test))
        {
            foreach (string s in new[] { en, de })
            {
                Assert.False(string.IsNullOrWhiteSpace(s));
                Assert.True(char.IsUpper(s[0]), s);
                Assert.EndsWith(".", s);
                Assert.Equal(1, s.Count(ch => ch == '.'));
                Assert.DoesNotContain("  ", s);
                Assert.DoesNotContain(" ,", s);
                Assert.DoesNotContain(",.", s);
                int words = s.Split(' ').Length;
                Assert.InRange(words, DemoCorpus.MinWords, DemoCorpus.MaxWords);
            }
        }
    }

    [Fact]
    public void LengthsAndPhenomenaAreRepresented()
    {
        var all = Corpus.Train.Concat(Corpus.Dev).Concat(Corpus.Test).ToList();
        double meanEn = all.Average(p => p.English.Split(' ').Length);
        Assert.InRange(meanEn, 9.0, 11.0);
        // Verb-final subordinate clauses, fronted clauses, relative clauses, reported speech, contractions.
        Assert.True(all.Count(p => p.German.Contains(", weil ")) > 100);
        Assert.True(all.Count(p => p.German.StartsWith("Weil ", StringComparison.Ordinal)) > 30);
        Assert.True(all.Count(p => p.German.Contains(", dass ")) > 300);
        Assert.True(all.Count(p => p.German.Contains(", den ") || p.German.Contains(", der ")) > 200);
        Assert.True(all.Count(p => p.German.Contains(" im ") || p.German.Contains(" zum ") || p.German.Contains(" ins ")) > 100);
        Assert.True(all.Count(p => p.German.Contains(" kein")) > 50);
    }

    // ----- hand-checked phenomena -----

    [Fact]
    public void SubordinateClausePutsTheVerbLast()
    {
        var (en, de) = SentenceForms.MainThenSubordinate(
            Clause(Def("man"), "laughs"), Conj("because"), Clause(Def("woman"), "sees", obj: Def("dog")));
        Assert.Equal("The man laughs because the woman sees the dog.", en);
        Assert.Equal("Der Mann lacht, weil die Frau den Hund sieht.", de);

        (en, de) = SentenceForms.MainThenSubordinate(
            Clause(Def("man"), "sleeps"), Conj("although"), Clause(Def("child", plural: true), "calls", obj: Def("teacher"), perfect: true));
        Assert.Equal("The man sleeps although the children have called the teacher.", en);
        Assert.Equal("Der Mann schläft, obwohl die Kinder den Lehrer angerufen haben.", de);
    }

    [Fact]
    public void FrontedSubordinateClauseInvertsTheMainClause()
    {
        var (en, de) = SentenceForms.SubordinateThenMain(
            Conj("because"), Clause(Def("dog"), "sleeps"), Clause(Def("cat"), "plays"));
        Assert.Equal("Because the dog sleeps, the cat plays.", en);
        Assert.Equal("Weil der Hund schläft, spielt die Katze.", de);
    }

    [Fact]
    public void SeparableVerbSplitsInMainClauseAndJoinsInSubordinateClause()
    {
        Clause call = Clause(Def("woman"), "calls", obj: Def("man"));
        Assert.Equal(("The woman calls the man.", "Die Frau ruft den Mann an."), SentenceForms.Simple(call));
        Assert.Equal(("The girl laughs if the woman calls the man.", "Das Mädchen lacht, wenn die Frau den Mann anruft."),
            SentenceForms.MainThenSubordinate(Clause(Def("girl"), "laughs"), Conj("if"), call));
        Clause pickUp = Clause(Def("child"), "picks", particle: "up", obj: Indef("ball", adjective: "red"));
        Assert.Equal(("The child picks up a red ball.", "Das Kind hebt einen roten Ball auf."), SentenceForms.Simple(pickUp));
        Assert.Equal(("The child has picked up a red ball.", "Das Kind hat einen roten Ball aufgehoben."),
            SentenceForms.Simple(pickUp with { Perfect = true }));
    }

    [Fact]
    public void FrontedAdverbTriggersInversion()
    {
        var (en, de) = SentenceForms.FrontedTime(Time("today"), Clause(Def("woman"), "sees", obj: Def("dog")));
        Assert.Equal("Today the woman sees the dog.", en);
        Assert.Equal("Heute sieht die Frau den Hund.", de);

        (en, de) = SentenceForms.FrontedTime(Time("now"), Clause(Def("man"), "reads", obj: Def("book"), perfect: true));
        Assert.Equal("Now the man has read the book.", en);
        Assert.Equal("Jetzt hat der Mann das Buch gelesen.", de);
    }

    [Fact]
    public void PerfectPutsTheParticipleLastWithTheRightAuxiliary()
    {
        Assert.Equal(("The man has seen the dog.", "Der Mann hat den Hund gesehen."),
            SentenceForms.Simple(Clause(Def("man"), "sees", obj: Def("dog"), perfect: true)));
        Assert.Equal(("The women have gone into the house.", "Die Frauen sind ins Haus gegangen."),
            SentenceForms.Simple(Clause(Def("woman", plural: true), "goes", perfect: true, pp: Pp("into", Def("house")))));
    }

    [Fact]
    public void MitTakesTheDative()
    {
        Assert.Equal(("The child plays with the dog.", "Das Kind spielt mit dem Hund."),
            SentenceForms.Simple(Clause(Def("child"), "plays", pp: Pp("with", Def("dog")))));
        Assert.Equal(("The child plays with a small cat.", "Das Kind spielt mit einer kleinen Katze."),
            SentenceForms.Simple(Clause(Def("child"), "plays", pp: Pp("with", Indef("cat", adjective: "small")))));
        Assert.Equal(("The child plays with small girls.", "Das Kind spielt mit kleinen Mädchen."),
            SentenceForms.Simple(Clause(Def("child"), "plays", pp: Pp("with", Indef("girl", plural: true, adjective: "small")))));
        Assert.Equal(("The child plays with the horses.", "Das Kind spielt mit den Pferden."),
            SentenceForms.Simple(Clause(Def("child"), "plays", pp: Pp("with", Def("horse", plural: true)))));
    }

    [Fact]
    public void DativeVerbsDitransitivesAndPrepositionCases()
    {
        Assert.Equal(("The man helps the woman.", "Der Mann hilft der Frau."),
            SentenceForms.Simple(Clause(Def("man"), "helps", obj: Def("woman"))));
        Assert.Equal(("The woman gives the book to the child.", "Die Frau gibt dem Kind das Buch."),
            SentenceForms.Simple(Clause(Def("woman"), "gives", obj: Def("book"), recipient: Def("child"))));
        Assert.Equal(("The dog runs through the park.", "Der Hund läuft durch den Park."),
            SentenceForms.Simple(Clause(Def("dog"), "runs", pp: Pp("through", Def("park")))));
        Assert.Equal(("The dog sleeps in the garden.", "Der Hund schläft im Garten."),
            SentenceForms.Simple(Clause(Def("dog"), "sleeps", pp: Pp("in", Def("garden")))));
        Assert.Equal(("The girl goes to the school.", "Das Mädchen geht zur Schule."),
            SentenceForms.Simple(Clause(Def("girl"), "goes", pp: Pp("to", Def("school")))));
    }

    [Fact]
    public void AdjectiveEndingsFollowDeterminerCaseAndGender()
    {
        Assert.Equal(("A big dog sees an old woman.", "Ein großer Hund sieht eine alte Frau."),
            SentenceForms.Simple(Clause(Indef("dog", adjective: "big"), "sees", obj: Indef("woman", adjective: "old"))));
        Assert.Equal(("The big dog sees a small horse.", "Der große Hund sieht ein kleines Pferd."),
            SentenceForms.Simple(Clause(Def("dog", adjective: "big"), "sees", obj: Indef("horse", adjective: "small"))));
        Assert.Equal(("The woman sees the big dog.", "Die Frau sieht den großen Hund."),
            SentenceForms.Simple(Clause(Def("woman"), "sees", obj: Def("dog", adjective: "big"))));
        Assert.Equal(("The woman sees big dogs.", "Die Frau sieht große Hunde."),
            SentenceForms.Simple(Clause(Def("woman"), "sees", obj: Indef("dog", plural: true, adjective: "big"))));
    }

    [Fact]
    public void NegationUsesKeinForIndefiniteObjectsAndNichtOtherwise()
    {
        Assert.Equal(("The man does not see a dog.", "Der Mann sieht keinen Hund."),
            SentenceForms.Simple(Clause(Def("man"), "sees", obj: Indef("dog"), negated: true)));
        Assert.Equal(("The men do not see the dog.", "Die Männer sehen den Hund nicht."),
            SentenceForms.Simple(Clause(Def("man", plural: true), "sees", obj: Def("dog"), negated: true)));
    }

    [Fact]
    public void RelativeClauseIsVerbFinalAndAgrees()
    {
        NounPhrase man = Def("man");
        var rel = new RelativeClause(Clause(man, "reads", obj: Def("book")), HeadIsSubject: true);
        Assert.Equal(("The man who reads the book laughs.", "Der Mann, der das Buch liest, lacht."),
            SentenceForms.Simple(Clause(man with { Relative = rel }, "laughs")));

        NounPhrase book = Def("book");
        Verb read = Lexicon.Verbs.Single(v => v.En3Sg == "reads" && v.Frame == Frame.Accusative);
        var objRel = new RelativeClause(new Clause { Subject = Def("woman"), Verb = read, Perfect = true }, HeadIsSubject: false);
        Assert.Equal(("The man finds the book that the woman has read.", "Der Mann findet das Buch, das die Frau gelesen hat."),
            SentenceForms.Simple(Clause(Def("man"), "finds", obj: book with { Relative = objRel })));
    }

    [Fact]
    public void EveryEnglishSentenceHasOneTranslation()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (en, de) in Corpus.Train.Concat(Corpus.Dev).Concat(Corpus.Test))
            Assert.True(map.TryAdd(en, de) || map[en] == de, en);
    }

    [Fact]
    public void SeparableVerbEntriesAreConsistent()
    {
        string[] particles = ["an", "auf", "aus", "ein", "vor", "weg", "zu", "zurück"];
        foreach (Verb v in Lexicon.Verbs)
        {
            if (v.DeParticle.Length > 0)
                Assert.StartsWith(v.DeParticle, v.DeParticiple);
            else
                Assert.DoesNotContain(particles, p => v.DeParticiple.StartsWith(p + "ge", StringComparison.Ordinal));
        }
    }

    // ----- helpers -----

    private static Noun N(string en) => Lexicon.Nouns.Single(n => n.EnSg == en);

    private static Adjective? A(string? en) => en is null ? null : Lexicon.Adjectives.Single(a => a.En == en);

    private static NounPhrase Def(string noun, bool plural = false, string? adjective = null) =>
        new() { Kind = NpKind.Common, Noun = N(noun), Plural = plural, Det = Det.Definite, Adjective = A(adjective) };

    private static NounPhrase Indef(string noun, bool plural = false, string? adjective = null) =>
        new() { Kind = NpKind.Common, Noun = N(noun), Plural = plural, Det = Det.Indefinite, Adjective = A(adjective) };

    private static Conjunction Conj(string en) => Lexicon.Conjunctions.Single(c => c.En == en);

    private static TimePhrase Time(string en) => Lexicon.TimePhrases.Single(t => t.En == en);

    private static PrepPhrase Pp(string prep, NounPhrase np)
    {
        Preposition p = new[] { Lexicon.Into, Lexicon.To, Lexicon.Through, Lexicon.Around, Lexicon.From, Lexicon.With, Lexicon.For, Lexicon.Without }
            .Concat(Lexicon.LocationPrepositions)
            .First(x => x.En == prep);
        return new PrepPhrase(p, np);
    }

    private static Clause Clause(NounPhrase subject, string verb3Sg, string particle = "", NounPhrase? obj = null,
        NounPhrase? recipient = null, bool perfect = false, bool negated = false, PrepPhrase? pp = null)
    {
        Frame? frame = recipient is not null ? Frame.Ditransitive : null;
        Verb v = Lexicon.Verbs.First(x => x.En3Sg == verb3Sg && x.EnParticle == particle
            && (frame is null ? x.Frame != Frame.Ditransitive : x.Frame == frame)
            && (obj is null) == (x.Frame is Frame.Intransitive or Frame.ThatClause));
        return new Clause { Subject = subject, Verb = v, Object = obj, Recipient = recipient, Perfect = perfect, Negated = negated, Pp = pp };
    }

    private static IEnumerable<(string Name, byte[] Bytes)> FileBytes(DemoCorpusSplits s)
    {
        foreach (var (split, pairs) in new[] { ("train", s.Train), ("dev", s.Dev), ("test", s.Test) })
        {
            yield return (split + ".en", DemoCorpusWriter.Encode(pairs.Select(p => p.English)));
            yield return (split + ".de", DemoCorpusWriter.Encode(pairs.Select(p => p.German)));
        }
    }

    private static string Sha256(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string RepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Seq2Seq.sln"))) return dir;
        throw new InvalidOperationException("Seq2Seq.sln not found above " + AppContext.BaseDirectory);
    }
}

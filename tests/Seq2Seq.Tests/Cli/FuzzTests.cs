using Seq2Seq.Configuration;
using Seq2Seq.Tests.Decoding;
using Seq2Seq.Tests.Workflow;
using System.Diagnostics;
using System.Text;

namespace Seq2Seq.Tests.Cli;

/// <summary>
/// Seeded random damage to a valid config, a small corpus and a model file: whatever the bytes,
/// the program succeeds or gives a user error, never an internal error or a crash. Bounded in count
/// and time; SEQ2SEQ_FUZZ_SEED replays a failure.
/// </summary>
[Collection(LibTorchCollection.Name)]
public class FuzzTests(TrainedPackageFixture fixture) : IClassFixture<TrainedPackageFixture>
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SEQ2SEQ_FUZZ_SEED"), out int s) ? s : 20261203;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private static readonly byte[][] Tokens =
        [.. new[] { "1e999", "-1", "0", "null", "\"x\"", "{}", "[]", "true", "NaN", "\"\\u0000\"", "99999999999", ",", "}", "\"", "//" }
            .Select(Encoding.UTF8.GetBytes), [0xC3], [0xFF, 0xFE], [0]];

    /// <summary>One to four edits: a flipped byte, a deleted run, an inserted token, or a cut end.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (int edits = random.Next(1, 5); edits > 0 && bytes.Count > 1; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    private static void AssertNoInternalError(int code, string error, string what, int round) =>
        Assert.True(code is 0 or 1 && !error.Contains("internal error", StringComparison.Ordinal), $"{what}, round {round} (seed {Seed}): exit {code}: {error}");

    [Fact]
    public void DamagedConfigsGiveConfigErrorsOnly()
    {
        using var tiny = ReversalExperiment.Tiny();
        var original = File.ReadAllBytes(tiny.ConfigPath);
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 300 && clock.Elapsed < Budget; round++)
        {
            File.WriteAllBytes(tiny.ConfigPath, Mutate(original, random));
            try
            {
                ConfigLoader.Load(tiny.ConfigPath);
            }
            catch (UserError)
            {
                // what a damaged config should give
            }
            catch (Exception e)
            {
                Assert.Fail($"config round {round} (seed {Seed}): {e}\n{File.ReadAllText(tiny.ConfigPath)}");
            }
        }
    }

    [Fact]
    public void DamagedCorporaGiveUserErrorsOnly()
    {
        using var tiny = ReversalExperiment.Tiny();
        var random = new Random(Seed + 1);
        var clock = Stopwatch.StartNew();
        var originals = new[] { "train.src", "train.trg", "dev.src" }.ToDictionary(f => f, f => File.ReadAllBytes(tiny.Folder.File(f)));
        for (int round = 0; round < 100 && clock.Elapsed < Budget; round++)
        {
            foreach (var (file, bytes) in originals) File.WriteAllBytes(tiny.Folder.File(file), bytes);
            string damaged = originals.Keys.ElementAt(random.Next(originals.Count));
            File.WriteAllBytes(tiny.Folder.File(damaged), Mutate(originals[damaged], random));
            var (code, _, error) = CliRunner.Run("prepare", tiny.ConfigPath);
            AssertNoInternalError(code, error, $"corpus {damaged}", round);
        }
    }

    private static readonly string[] Entries =
        ["weights.bin", "config.json", "format.json", "source/vocab.tokens.json", "source/merges.txt", "source/vocab.json", "target/vocab.tokens.json"];

    [Fact]
    public void DamagedModelFilesGiveUserErrorsOnly()
    {
        using var temp = new TempFolder();
        var original = File.ReadAllBytes(fixture.Package);
        File.WriteAllText(temp.File("in.txt"), "alpha beta\n");
        var random = new Random(Seed + 2);
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 150 && clock.Elapsed < Budget; round++)
        {
            // Half the rounds damage the zip's bytes (its CRCs catch most), half one entry inside it (rezipped, so only our checks stand).
            string model = temp.File("m.s2s"), what = "model bytes";
            if (round % 2 == 0) File.WriteAllBytes(model, Mutate(original, random));
            else
            {
                what = Entries[random.Next(Entries.Length)];
                foreach (var old in Directory.GetFiles(temp.Path, "damaged-*")) File.Delete(old);
                model = TranslatorTests.Damaged(fixture.Package, temp.Path, what, bytes => Mutate(bytes, random));
            }
            var (code, _, error) = CliRunner.Run("translate", "--model", model, "--input", temp.File("in.txt"), "--output", temp.File("out.txt"));
            AssertNoInternalError(code, error, what, round);
        }
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }
}

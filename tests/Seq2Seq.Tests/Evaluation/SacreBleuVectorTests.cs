using Seq2Seq.Evaluation;
using Seq2Seq.Evaluation.Metrics;
using System.Globalization;
using System.Text.Json;

namespace Seq2Seq.Tests.Evaluation;

/// <summary>
/// Runs every case of sacreBLEU 2.6.0's reference vectors through the library and compares every expected field:
/// numbers with a relative tolerance of 1e-9 and no absolute tolerance (so an expected 0.0 must be exactly 0.0),
/// strings exactly. A field of "expected" that this test does not know is itself a failure, so no field is skipped.
/// </summary>
public class SacreBleuVectorTests
{
    private const double RelativeTolerance = 1e-9;

    [SacreBleuVectorsFact]
    public void EveryVectorCaseMatchesSacreBleu()
    {
        string path = SacreBleuVectorFile.Find(out _)!;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = doc.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(cases);

        var failures = new List<string>();
        var ids = new HashSet<string>();
        foreach (var c in cases)
        {
            string id = c.GetProperty("id").GetString() ?? "(no id)";
            Assert.True(ids.Add(id), $"duplicate case id {id}");
            try
            {
                var problems = RunCase(c);
                if (problems.Count > 0)
                {
                    failures.Add($"{id}: {string.Join("; ", problems)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{id}: threw {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases.Count} sacreBLEU vector cases failed ({path}):\n" + string.Join("\n", failures));
    }

    private static List<string> RunCase(JsonElement c)
    {
        string kind = c.GetProperty("kind").GetString()!;
        var hyps = c.GetProperty("hyps").EnumerateArray().Select(h => h.GetString()!).ToList();
        var refs = c.GetProperty("refs").EnumerateArray()
            .Select(stream => (IReadOnlyList<string?>)stream.EnumerateArray()
                .Select(r => r.ValueKind == JsonValueKind.Null ? null : r.GetString()).ToList())
            .ToList();
        var options = c.GetProperty("options");
        var expected = c.GetProperty("expected");
        return kind switch
        {
            "corpus" => CompareBleu(new Bleu(BleuOptionsFrom(options)).CorpusScore(hyps, refs), expected),
            "sentence" => CompareBleu(
                new Bleu(BleuOptionsFrom(options)).SentenceScore(Single(hyps), refs.Select(s => Single(s)).ToList()),
                expected),
            "chrf_corpus" => CompareChrf(new Chrf(ChrfOptionsFrom(options)).CorpusScore(hyps, refs), expected),
            _ => [$"unknown kind '{kind}'"],
        };
    }

    private static T Single<T>(IReadOnlyList<T> list)
    {
        Assert.Single(list);
        return list[0];
    }

    private static BleuOptions BleuOptionsFrom(JsonElement o)
    {
        var value = o.GetProperty("smooth_value");
        return new BleuOptions
        {
            Tokenize = o.GetProperty("tokenize").GetString()!,
            Lowercase = o.GetProperty("lowercase").GetBoolean(),
            Smoothing = BleuSmoothingInfo.Parse(o.GetProperty("smooth_method").GetString()!),
            SmoothValue = value.ValueKind == JsonValueKind.Null ? null : value.GetDouble(),
            EffectiveOrder = o.GetProperty("use_effective_order").GetBoolean(),
        };
    }

    private static ChrfOptions ChrfOptionsFrom(JsonElement o) => new()
    {
        CharOrder = o.GetProperty("char_order").GetInt32(),
        WordOrder = o.GetProperty("word_order").GetInt32(),
        Beta = o.GetProperty("beta").GetInt32(),
        Lowercase = o.GetProperty("lowercase").GetBoolean(),
        Whitespace = o.GetProperty("whitespace").GetBoolean(),
        EpsSmoothing = o.GetProperty("eps_smoothing").GetBoolean(),
    };

    private static List<string> CompareBleu(BleuScore got, JsonElement expected)
    {
        var problems = new List<string>();
        foreach (var field in expected.EnumerateObject())
        {
            var e = field.Value;
            switch (field.Name)
            {
                case "score": Number(problems, field.Name, got.Score, e); break;
                case "bp": Number(problems, field.Name, got.BrevityPenalty, e); break;
                case "sys_len": Number(problems, field.Name, got.SysLen, e); break;
                case "ref_len": Number(problems, field.Name, got.RefLen, e); break;
                case "counts": Numbers(problems, field.Name, got.Counts, e); break;
                case "totals": Numbers(problems, field.Name, got.Totals, e); break;
                case "precisions": Numbers(problems, field.Name, got.Precisions, e); break;
                case "signature": Text(problems, field.Name, got.Signature?.Format(), e); break;
                case "signature_short": Text(problems, field.Name, got.Signature?.Format(shortForm: true), e); break;
                default: problems.Add($"expected field '{field.Name}' is not checked by this test"); break;
            }
        }
        return problems;
    }

    private static List<string> CompareChrf(ChrfScore got, JsonElement expected)
    {
        var problems = new List<string>();
        foreach (var field in expected.EnumerateObject())
        {
            var e = field.Value;
            switch (field.Name)
            {
                case "score": Number(problems, field.Name, got.Score, e); break;
                case "name": Text(problems, field.Name, got.Name, e); break;
                case "stats": Numbers(problems, field.Name, got.Statistics.Select(s => (double)s).ToList(), e); break;
                case "signature": Text(problems, field.Name, got.Signature?.Format(), e); break;
                case "signature_short": Text(problems, field.Name, got.Signature?.Format(shortForm: true), e); break;
                default: problems.Add($"expected field '{field.Name}' is not checked by this test"); break;
            }
        }
        return problems;
    }

    /// <summary>check.py's rule: equal, or |got - expected| ≤ 1e-9 × max(|got|, |expected|).</summary>
    internal static bool Close(double got, double expected)
    {
        if (got == expected)
        {
            return true;
        }
        if (double.IsNaN(got) || double.IsInfinity(got))
        {
            return false;
        }
        return Math.Abs(got - expected) <= RelativeTolerance * Math.Max(Math.Abs(got), Math.Abs(expected));
    }

    private static void Number(List<string> problems, string name, double got, JsonElement expected)
    {
        double e = expected.GetDouble();
        if (!Close(got, e))
        {
            problems.Add($"{name}: expected {R(e)}, got {R(got)}");
        }
    }

    private static void Numbers(List<string> problems, string name, IReadOnlyList<double> got, JsonElement expected)
    {
        var e = expected.EnumerateArray().Select(x => x.GetDouble()).ToList();
        if (got.Count != e.Count || got.Zip(e).Any(p => !Close(p.First, p.Second)))
        {
            problems.Add($"{name}: expected [{string.Join(", ", e.Select(R))}], got [{string.Join(", ", got.Select(R))}]");
        }
    }

    private static void Text(List<string> problems, string name, string? got, JsonElement expected)
    {
        string? e = expected.GetString();
        if (got != e)
        {
            problems.Add($"{name}: expected '{e}', got '{got}'");
        }
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

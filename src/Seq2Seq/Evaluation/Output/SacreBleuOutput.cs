using Seq2Seq.Evaluation.Compatibility;
using Seq2Seq.Evaluation.Metrics;
using Seq2Seq.Evaluation.Significance;
using System.Globalization;
using System.Text;

namespace Seq2Seq.Evaluation.Output;

/// <summary>
/// Prints scores the way sacreBLEU 2.6.0's command line does: score lines aligned on their '=' (text), one JSON
/// object per metric with sacreBLEU's field names and one-space indentation (JSON), and for a paired test a grid
/// table of scores, bootstrap means, 95% intervals and p-values followed by the metric signatures. Numbers in JSON
/// are written as Python writes floats (<c>100.0</c>, <c>1e-05</c>).
/// </summary>
/// <remarks>
/// JSON objects carry sacreBLEU's fields (<c>name</c>, <c>score</c> rounded to the width, <c>signature</c>,
/// <c>confidence_mean</c>/<c>confidence_var</c>/<c>confidence</c>, <c>verbose_score</c>, then every signature field)
/// followed by the exact figures: <c>exact_score</c>, and for BLEU <c>counts</c>, <c>totals</c>, <c>precisions</c>,
/// <c>bp</c>, <c>ratio</c>, <c>sys_len</c>, <c>ref_len</c>, for chrF <c>stats</c>.
/// </remarks>
public static class SacreBleuOutput
{
    /// <summary>p-values up to this are marked significant with '*', as sacreBLEU marks them.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>Single-system text: one line per metric; with several metrics the lines are right-aligned so that
    /// their '=' signs line up.</summary>
    public static string Text(IReadOnlyList<MetricResult> results, int width)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = results.Select(r => r.Format(width)).ToList();
        if (lines.Count == 1)
        {
            return lines[0];
        }
        // sacreBLEU splits each line before the character in front of its first '=' and right-aligns the left parts.
        int column = lines.Max(l => l.IndexOf('=', StringComparison.Ordinal) - 1);
        return string.Join("\n", lines.Select(l =>
        {
            int split = l.IndexOf('=', StringComparison.Ordinal) - 1;
            return l[..split].PadLeft(column) + l[split..];
        }));
    }

    /// <summary>Single-system JSON: the object of the one metric, or a list of objects ("[\n" + objects joined by
    /// ",\n" + "\n]"), each indented by one space as sacreBLEU's <c>json.dumps(indent=1)</c>.</summary>
    public static string Json(IReadOnlyList<MetricResult> results, int width)
    {
        ArgumentNullException.ThrowIfNull(results);
        var objects = results.Select(r => Json(r, width, indented: true)).ToList();
        return objects.Count == 1 ? objects[0] : "[\n" + string.Join(",\n", objects) + "\n]";
    }

    /// <summary>One result as a JSON object, indented by one space or on one line.</summary>
    public static string Json(MetricResult result, int width, bool indented)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = new PythonJson.Object
        {
            { "name", result.Name },
            { "score", Rounded(result.Score, width) },
            { "signature", result.Signature.Format() },
        };
        if (result.Confidence is { } ci)
        {
            o.Add("confidence_mean", Rounded(ci.Mean, width));
            o.Add("confidence_var", Rounded(ci.HalfWidth, width));
            o.Add("confidence", ci.Format(width));
        }
        if (result.Verbose is { } verbose)
        {
            o.Add("verbose_score", verbose);
        }
        foreach (var field in result.Signature.Fields)
        {
            o.Add(field.Name, field.Value);
        }
        o.Add("exact_score", result.Score);
        if (result.Bleu is { } b)
        {
            o.Add("counts", Numbers(b.Counts));
            o.Add("totals", Numbers(b.Totals));
            o.Add("precisions", b.Precisions.Cast<object?>().ToList());
            o.Add("bp", b.BrevityPenalty);
            o.Add("ratio", b.Ratio);
            o.Add("sys_len", b.SysLen);
            o.Add("ref_len", b.RefLen);
        }
        if (result.Chrf is { } c)
        {
            o.Add("stats", c.Statistics.Cast<object?>().ToList());
        }
        return PythonJson.Dumps(o, indented ? 1 : null);
    }

    /// <summary>
    /// The paired test as text: a grid table with a row per system (the first is "Baseline: NAME") and a column per
    /// metric showing <c>score (μ ± 95% CI)</c> and, for the other systems, <c>(p = 0.0123)</c> with '*' when
    /// p ≤ 0.05; then the verdict for each system and metric and the metric signatures.
    /// </summary>
    public static string PairedText(PairedComparison comparison, int width)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var headers = new List<string> { "System" };
        headers.AddRange(comparison.Metrics.Select(m => m.Name + " (μ ± 95% CI)"));
        var rows = new List<List<string>>();
        for (int s = 0; s < comparison.Systems.Count; s++)
        {
            var row = new List<string> { s == 0 ? "Baseline: " + comparison.Systems[0] : comparison.Systems[s] };
            foreach (var m in comparison.Metrics)
            {
                if (s == 0)
                {
                    row.Add(ScoreCell(m.BaselineScore, m.BaselineInterval, width));
                }
                else
                {
                    var r = m.Results[s - 1];
                    row.Add(ScoreCell(r.SystemScore, r.SystemInterval, width) + "\n" + PValueText(r.PValue));
                }
            }
            rows.Add(row);
        }

        var sb = new StringBuilder();
        sb.Append(Grid(headers, rows)).Append("\n\n");
        string title = $"Paired bootstrap resampling test with {comparison.Samples.ToString(CultureInfo.InvariantCulture)} resampling trials";
        string rule = new('-', title.Length);
        sb.Append(rule).Append('\n').Append(title).Append('\n').Append(rule).Append('\n');
        sb.Append(" - Every system is compared with the baseline, ").Append(comparison.Systems[0]).Append(", on the same\n");
        sb.Append("   resampled test sets (seed ").Append(comparison.Seed.ToString(CultureInfo.InvariantCulture))
            .Append("); each cell shows the score, then the bootstrap mean ± half\n");
        sb.Append("   the width of the 95% interval.\n");
        sb.Append(" - p is the estimated chance of an absolute difference at least this large if both\n");
        sb.Append("   systems came from the same process; p <= 0.05 is marked '*' (significant). A significant\n");
        sb.Append("   difference says the systems differ reliably, not which one is better.\n\n");
        for (int s = 1; s < comparison.Systems.Count; s++)
        {
            foreach (var m in comparison.Metrics)
            {
                var r = m.Results[s - 1];
                string delta = (r.Difference >= 0 ? "+" : "") + PythonFormat.Fixed(r.Difference, width);
                sb.Append(" - ").Append(comparison.Systems[s]).Append(": ").Append(m.Name).Append(' ')
                    .Append(PythonFormat.Fixed(r.SystemScore, width)).Append(" vs ")
                    .Append(PythonFormat.Fixed(r.BaselineScore, width)).Append(" (").Append(delta).Append("), ")
                    .Append(PValueText(r.PValue).TrimEnd('*')).Append(": ")
                    .Append(IsSignificant(r.PValue) ? "significant" : "not significant").Append('\n');
            }
        }
        sb.Append('\n');
        sb.Append("-----------------\nMetric signatures\n-----------------\n");
        foreach (var m in comparison.Metrics)
        {
            sb.Append(" - ").Append(m.Name.PadRight(10)).Append(' ').Append(m.Signature.Format()).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The paired test as JSON, laid out as sacreBLEU's multi-system JSON (a list with one object per system, four
    /// spaces of indentation): <c>{"system": NAME, METRIC: {"score", "p_value", "mean", "ci"}}</c>, with two
    /// additions per metric: <c>significant</c> (null for the baseline) and <c>signature</c>.
    /// </summary>
    public static string PairedJson(PairedComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var systems = new List<object?>();
        for (int s = 0; s < comparison.Systems.Count; s++)
        {
            var o = new PythonJson.Object { { "system", s == 0 ? "Baseline: " + comparison.Systems[0] : comparison.Systems[s] } };
            foreach (var m in comparison.Metrics)
            {
                var r = s == 0 ? null : m.Results[s - 1];
                var ci = r?.SystemInterval ?? m.BaselineInterval;
                o.Add(m.Name, new PythonJson.Object
                {
                    { "score", r?.SystemScore ?? m.BaselineScore },
                    { "p_value", r?.PValue },
                    { "mean", ci.Mean },
                    { "ci", ci.HalfWidth },
                    { "significant", r is null ? null : IsSignificant(r.PValue) },
                    { "signature", m.Signature.Format() },
                });
            }
            systems.Add(o);
        }
        return PythonJson.Dumps(systems, 4) + "\n";
    }

    /// <summary>Whether a p-value is marked significant (p ≤ 0.05, sacreBLEU's marking).</summary>
    public static bool IsSignificant(double pValue) => pValue <= SignificanceLevel;

    private static string ScoreCell(double score, ConfidenceInterval ci, int width) =>
        PythonFormat.Fixed(score, width) + " (" + PythonFormat.Fixed(ci.Mean, width) + " ± " +
        PythonFormat.Fixed(ci.HalfWidth, width) + ")";

    private static string PValueText(double p) =>
        "(p = " + PythonFormat.Fixed(p, 4) + ")" + (IsSignificant(p) ? "*" : "");

    /// <summary>A box-drawn grid (the layout of tabulate's fancy_grid, which sacreBLEU uses): the first column
    /// right-aligned, the others centred, every column at least two wider than its header, one blank on each side
    /// of a cell, multi-line cells, and a rule between rows.</summary>
    internal static string Grid(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int columns = headers.Count;
        var widths = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = headers[c].Length + 2;
            foreach (var row in rows)
            {
                foreach (string line in row[c].Split('\n'))
                {
                    widths[c] = Math.Max(widths[c], line.Length);
                }
            }
        }
        var sb = new StringBuilder();
        void Rule(char left, char fill, char middle, char right)
        {
            sb.Append(left);
            for (int c = 0; c < columns; c++)
            {
                sb.Append(fill, widths[c] + 2).Append(c == columns - 1 ? right : middle);
            }
            sb.Append('\n');
        }
        void Row(IReadOnlyList<string> cells)
        {
            var split = cells.Select(cell => cell.Split('\n')).ToList();
            int height = split.Max(l => l.Length);
            for (int i = 0; i < height; i++)
            {
                sb.Append('│');
                for (int c = 0; c < columns; c++)
                {
                    string text = i < split[c].Length ? split[c][i] : "";
                    int pad = widths[c] - text.Length;
                    string aligned = c == 0 ? text.PadLeft(widths[c]) : new string(' ', pad / 2) + text + new string(' ', pad - pad / 2);
                    sb.Append(' ').Append(aligned).Append(" │");
                }
                sb.Append('\n');
            }
        }
        Rule('╒', '═', '╤', '╕');
        Row(headers);
        Rule('╞', '═', '╪', '╡');
        for (int r = 0; r < rows.Count; r++)
        {
            Row(rows[r]);
            if (r < rows.Count - 1)
            {
                Rule('├', '─', '┼', '┤');
            }
        }
        Rule('╘', '═', '╧', '╛');
        return sb.ToString().TrimEnd('\n');
    }

    private static double Rounded(double value, int width) =>
        double.Parse(PythonFormat.Fixed(value, width), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Counts as Python holds them: integers, except fractional add-k counts.</summary>
    private static List<object?> Numbers(IReadOnlyList<double> values) =>
        values.Select(v => v == Math.Floor(v) && Math.Abs(v) < 1e15 ? (object?)(long)v : v).ToList();
}

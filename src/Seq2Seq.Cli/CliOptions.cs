using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Seq2Seq.Cli;

/// <summary>
/// The kinds of option the verbs declare, each with its one way of checking a value: a bad value is
/// one user error naming the option ("--beam: expected an integer >= 1 and <= 100, got 'x'").
/// </summary>
public static class CliOptions
{
    /// <summary>More threads than this is a typo, not a machine.</summary>
    public const int MaxThreads = 1024;

    /// <summary>--threads N: CPU threads for a verb's work (default: all cores).</summary>
    public static Option<int?> Threads(string work) => Int("--threads", "N", $"CPU threads for {work} (default: all cores)", 1, MaxThreads);

    /// <summary>--model FILE, repeatable: one model, or several decoded as an ensemble.</summary>
    public static Option<string[]> Models(bool required = true) => Repeated("--model", "FILE",
        "a checkpoint (runs/<name>/best.ckpt) or exported model (seq2seq export); give it several times for an ensemble " +
        "that averages the models' log-probabilities (they must share the target vocabulary)", required);

    /// <summary>--batch-tokens N: source tokens per decoding batch.</summary>
    public static Option<int?> BatchTokens() =>
        Int("--batch-tokens", "N", "source tokens per batch (default: decoding.batch_tokens)", 1, Configuration.DecodingConfig.MaxBatchTokens);

    /// <summary>train/prepare --set KEY=VALUE: config overrides (see ConfigOverrides).</summary>
    public static Option<string[]> ConfigOverrides() => Repeated("--set", "KEY=VALUE",
        "override a config key after the file and its base configs, e.g. --set training.learning_rate=0.0005 " +
        "(repeatable; the value is JSON when it parses as JSON, else a string)");

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string?> Text(string name, string valueName, string description, bool required = false) =>
        new(name) { HelpName = valueName, Description = description, Required = required };

    /// <summary>An option that may be given several times, one value each time (--model A --model B).</summary>
    public static Option<string[]> Repeated(string name, string valueName, string description, bool required = false) =>
        new(name) { HelpName = valueName, Description = description, Required = required, Arity = ArgumentArity.OneOrMore };

    /// <summary>One of a fixed set of words; the words are also the shell completions.</summary>
    public static Option<string?> OneOf(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { HelpName = string.Join("|", values), Description = description };
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string?>();
            if (value is not null && !values.Contains(value))
            {
                result.AddError($"{name}: expected {Choices(values)}, got '{value}'{Suggestion(value, values)}");
            }
        });
        return option;
    }

    public static Option<int?> Int(string name, string valueName, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name) { HelpName = valueName, Description = description, CustomParser = result => ParseInt(result, name, min, max) };

    /// <summary>A finite number in [min, max]: NaN and infinities are refused like any other bad value.</summary>
    public static Option<double?> Number(string name, string valueName, string description, double min = double.MinValue, double max = double.MaxValue) =>
        new(name) { HelpName = valueName, Description = description, CustomParser = result => ParseNumber(result, name, min, max) };

    /// <summary>"; did you mean 'x'?" when a valid word is close to the given one, else nothing.</summary>
    public static string Suggestion(string given, IEnumerable<string> valid) =>
        Configuration.KeySuggestions.Nearest(given, valid) is string nearest ? $"; did you mean '{nearest}'?" : "";

    private static int? ParseInt(ArgumentResult result, string name, int min, int max)
    {
        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max) return value;
        result.AddError($"{name}: expected an integer {Bounds(min, max)}, got '{text}'");
        return null;
    }

    private static double? ParseNumber(ArgumentResult result, string name, double min, double max)
    {
        string text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"{name}: expected a finite number {Bounds(min, max)}, got '{text}'");
        return null;
    }

    private static string Choices(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";

    private static string Bounds(double min, double max) => (min, max) switch
    {
        (int.MinValue or double.MinValue, int.MaxValue or double.MaxValue) => "",
        (_, int.MaxValue or double.MaxValue) => FormattableString.Invariant($">= {min}"),
        (int.MinValue or double.MinValue, _) => FormattableString.Invariant($"<= {max}"),
        _ => FormattableString.Invariant($">= {min} and <= {max}"),
    };
}

using System.Globalization;

namespace Seq2Seq.Cli;

/// <summary>
/// A verb's arguments: positional values and --options (--name value, or --flag). Unknown options
/// and missing values are user errors naming the option.
/// </summary>
public sealed class Arguments
{
    private readonly string verb;
    private readonly List<string> positional = [];
    private readonly List<(string Name, string? Value)> options = [];
    private readonly HashSet<string> consumed = [];

    public Arguments(string verb, IReadOnlyList<string> args)
    {
        this.verb = verb;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a[2..];
                string? value = null;
                int eq = name.IndexOf('=');
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (i + 1 < args.Count && !(args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2)) value = args[++i];
                options.Add((name, value));
            }
            else positional.Add(a);
        }
    }

    public IReadOnlyList<string> Positional => positional;

    public string RequirePositional(int index, string what) => index < positional.Count
        ? positional[index]
        : throw new UserError($"missing {what} (seq2seq {verb} --help)");

    public bool Flag(string name)
    {
        consumed.Add(name);
        var found = options.Where(o => o.Name == name).ToArray();
        if (found.Length == 0) return false;
        if (found.Any(o => o.Value is not null))
        {
            // A flag followed by a positional value: give the value back.
            foreach (var o in found.Where(o => o.Value is not null)) positional.Add(o.Value!);
        }
        return true;
    }

    public string? Option(string name)
    {
        consumed.Add(name);
        var found = options.Where(o => o.Name == name).ToArray();
        if (found.Length == 0) return null;
        return found[^1].Value ?? throw new UserError($"--{name} needs a value");
    }

    public IReadOnlyList<string> Options(string name)
    {
        consumed.Add(name);
        return options.Where(o => o.Name == name).Select(o => o.Value ?? throw new UserError($"--{name} needs a value")).ToArray();
    }

    public string RequireOption(string name) => Option(name) ?? throw new UserError($"missing --{name} (seq2seq {verb} --help)");

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        string? text = Option(name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UserError($"--{name}: expected an integer {Bounds(min, max)}, got '{text}'");
        }
        return value;
    }

    /// <summary>A finite number in [min, max]: NaN and infinities are refused like any other bad value.</summary>
    public double? Double(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        string? text = Option(name);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < min || value > max)
        {
            throw new UserError($"--{name}: expected a finite number {Bounds(min, max)}, got '{text}'");
        }
        return value;
    }

    private static string Bounds(double min, double max) => (min, max) switch
    {
        (int.MinValue or double.MinValue, int.MaxValue or double.MaxValue) => "",
        (_, int.MaxValue or double.MaxValue) => FormattableString.Invariant($">= {min}"),
        (int.MinValue or double.MinValue, _) => FormattableString.Invariant($"<= {max}"),
        _ => FormattableString.Invariant($">= {min} and <= {max}"),
    };

    /// <summary>Call after reading every option: any option the verb does not know is an error.</summary>
    public void RejectUnknown(int maxPositional)
    {
        var unknown = options.FirstOrDefault(o => !consumed.Contains(o.Name));
        if (unknown.Name is not null) throw new UserError($"unknown option --{unknown.Name} (seq2seq {verb} --help)");
        if (positional.Count > maxPositional) throw new UserError($"unexpected argument '{positional[maxPositional]}' (seq2seq {verb} --help)");
    }
}

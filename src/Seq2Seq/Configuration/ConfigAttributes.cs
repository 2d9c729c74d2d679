namespace Seq2Seq.Configuration;

/// <summary>One-line documentation of a config key; it goes into configs/schema.json and the README.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DocAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>Numeric bounds of a config key. Exclusive bounds exclude the value itself.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(double minimum, double maximum = double.PositiveInfinity) : Attribute
{
    public double Minimum { get; } = minimum;
    public double Maximum { get; } = maximum;
    public bool MinimumExclusive { get; init; }
    public bool MaximumExclusive { get; init; }
}

/// <summary>Marks a string key as a file or folder path, resolved against the config file's folder.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PathAttribute : Attribute;

/// <summary>The key must be set: not null and, for strings, not empty. Checked after loading.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>A string key that only takes one of the given values.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute : Attribute
{
    public OneOfAttribute(params string[] values) => Values = values;

    /// <summary>The values are the static <c>Names</c> list of <paramref name="namesOf"/>: the code that implements them says which exist.</summary>
    public OneOfAttribute(Type namesOf) =>
        Values = namesOf.GetProperty("Names", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as IReadOnlyList<string>
            ?? throw new ArgumentException($"{namesOf.Name} has no public static IReadOnlyList<string> Names", nameof(namesOf));

    public IReadOnlyList<string> Values { get; }
}

/// <summary>
/// A key that a resumed run may take from the new config, because it only says how long to go on,
/// where to write or how to report (<c>Training.ResumeCompatibility</c>); every other key must match.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FreeOnResumeAttribute : Attribute;

namespace Seq2Seq.Configuration;

/// <summary>One key whose value differs between two configs, with both values as JSON text.</summary>
public sealed record ConfigDifference(string Key, string Before, string After, bool IsPath);

/// <summary>
/// The keys (dotted, e.g. "training.learning_rate") whose values differ between two configs, in
/// the order of the config reference. Values compare as the JSON <see cref="ConfigWriter"/> writes.
/// </summary>
public static class ConfigDifferences
{
    public static IReadOnlyList<ConfigDifference> Between(ExperimentConfig before, ExperimentConfig after)
    {
        var differences = new List<ConfigDifference>();
        Compare(ConfigSection.Root, before, after, "", differences);
        return differences;
    }

    private static void Compare(ConfigSection section, object before, object after, string prefix, List<ConfigDifference> differences)
    {
        foreach (var key in section.Keys)
        {
            string name = prefix + key.Name;
            object? a = key.GetValue(before), b = key.GetValue(after);
            if (key.Type.Section is ConfigSection child && a is not null && b is not null)
            {
                Compare(child, a, b, name + ".", differences);
                continue;
            }
            string textA = Text(key.Type, a), textB = Text(key.Type, b);
            if (textA != textB) differences.Add(new ConfigDifference(name, textA, textB, key.IsPath));
        }
    }

    private static string Text(ConfigType type, object? value) =>
        ConfigWriter.Write(writer => ConfigWriter.WriteValue(writer, type, value)).TrimEnd('\n');
}

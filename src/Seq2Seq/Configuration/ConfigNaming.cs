using System.Text.Json;

namespace Seq2Seq.Configuration;

/// <summary>
/// The one naming rule of config files: C# property and enum member names become snake_case
/// (LearningRate -> learning_rate, WarmupInverseSqrt -> warmup_inverse_sqrt).
/// </summary>
public static class ConfigNaming
{
    public static string ToSnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>The JSON string of an enum value, e.g. "warmup_inverse_sqrt".</summary>
    public static string EnumValue(Enum value) => ToSnakeCase(value.ToString());
}

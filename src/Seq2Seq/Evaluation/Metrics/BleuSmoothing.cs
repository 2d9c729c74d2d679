using Seq2Seq.Evaluation.Compatibility;

namespace Seq2Seq.Evaluation.Metrics;

/// <summary>BLEU smoothing methods (Chen &amp; Cherry 2014), as named by sacreBLEU.</summary>
public enum BleuSmoothing
{
    /// <summary>"none": a zero-match order makes the score 0.</summary>
    None,

    /// <summary>"floor" (method 1): a zero-match order gets precision <c>100 * value / total</c>; default value 0.1.</summary>
    Floor,

    /// <summary>"add-k" (method 2): k is added to the matches and totals of every order n &gt; 1; default k = 1.</summary>
    AddK,

    /// <summary>"exp" (method 3, NIST mteval-v13a): the i-th zero-match order gets <c>100 / (2^i * total)</c>.
    /// sacreBLEU's default.</summary>
    Exp,
}

/// <summary>Names and defaults of <see cref="BleuSmoothing"/>.</summary>
public static class BleuSmoothingInfo
{
    /// <summary>sacreBLEU's name: "none", "floor", "add-k" or "exp".</summary>
    public static string Name(this BleuSmoothing method) => method switch
    {
        BleuSmoothing.None => "none",
        BleuSmoothing.Floor => "floor",
        BleuSmoothing.AddK => "add-k",
        BleuSmoothing.Exp => "exp",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>Parses sacreBLEU's name ("none", "floor", "add-k", "exp").</summary>
    public static BleuSmoothing Parse(string name) => name switch
    {
        "none" => BleuSmoothing.None,
        "floor" => BleuSmoothing.Floor,
        "add-k" => BleuSmoothing.AddK,
        "exp" => BleuSmoothing.Exp,
        _ => throw new ArgumentException($"Unknown smoothing method '{name}'; expected none, floor, add-k or exp.",
            nameof(name)),
    };

    /// <summary>The value used when none is given: 0.1 for floor, 1 for add-k, null for methods without a value.</summary>
    public static double? DefaultValue(this BleuSmoothing method) => method switch
    {
        BleuSmoothing.Floor => 0.1,
        BleuSmoothing.AddK => 1.0,
        _ => null,
    };

    /// <summary>
    /// The signature's smooth field: the name, plus the value in brackets printed <c>%.2f</c> for methods that
    /// take one, using the default when no value was given (<c>floor[0.10]</c>, <c>add-k[1.00]</c>). A value given
    /// for exp or none is ignored, as in sacreBLEU.
    /// </summary>
    public static string SignatureText(this BleuSmoothing method, double? value)
    {
        double? def = method.DefaultValue();
        if (def is null)
        {
            return method.Name();
        }
        return method.Name() + "[" + PythonFormat.Fixed(value ?? def.Value, 2) + "]";
    }
}

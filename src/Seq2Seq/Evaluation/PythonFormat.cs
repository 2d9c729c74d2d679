using System.Globalization;
using System.Numerics;
using System.Text;

namespace Seq2Seq.Evaluation;

/// <summary>
/// Python's <c>f"{x:.Nf}"</c> for doubles. sacreBLEU prints scores with <c>.2f</c>, precisions with <c>.1f</c> and
/// BP/ratio with <c>.3f</c>; Python rounds the EXACT binary value half-to-even, while .NET's "F2" rounds the
/// decimal digit string half away from zero. They differ on exact ties such as 12.25 → "12.2" (Python) vs "12.3",
/// which occur for precisions like 49/4 = 12.25, so the rounding is done here with exact integer arithmetic.
/// </summary>
public static class PythonFormat
{
    /// <summary>Formats <paramref name="value"/> with exactly <paramref name="digits"/> decimals, as Python does.</summary>
    public static string Fixed(double value, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        // value = mantissa * 2^exponent exactly.
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = rawExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = rawExponent == 0 ? -1074 : rawExponent - 1075;

        // scaled = |value| * 10^digits, rounded half to even.
        BigInteger numerator = mantissa * BigInteger.Pow(10, digits);
        BigInteger rounded;
        if (exponent >= 0)
        {
            rounded = numerator << exponent;
        }
        else
        {
            BigInteger denominator = BigInteger.One << -exponent;
            rounded = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
            int cmp = (remainder * 2).CompareTo(denominator);
            if (cmp > 0 || (cmp == 0 && !rounded.IsEven))
            {
                rounded += 1;
            }
        }

        string text = rounded.ToString(CultureInfo.InvariantCulture);
        if (digits > 0)
        {
            text = text.PadLeft(digits + 1, '0');
            text = text[..^digits] + "." + text[^digits..];
        }
        var sb = new StringBuilder(text.Length + 1);
        if (negative)
        {
            // Python keeps the sign of negative values even when they round to zero ("-0.00").
            sb.Append('-');
        }
        return sb.Append(text).ToString();
    }
}

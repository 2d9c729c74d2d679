using System.Globalization;
using System.Numerics;
using System.Text;

namespace Seq2Seq.Evaluation.Compatibility;

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
    /// <summary>
    /// Python's <c>repr(float)</c> (also what <c>json.dumps</c> writes): the shortest digits that round-trip, in
    /// fixed notation when the decimal exponent is in (-4, 16], else as <c>1e-05</c> / <c>1e+16</c>; integral values
    /// keep a ".0" (<c>100.0</c>).
    /// </summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        string sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        if (value == 0)
        {
            return sign + "0.0";
        }
        var (digits, decimalPoint) = ShortestDigits(Math.Abs(value));
        return sign + ReprLayout(digits, decimalPoint);
    }

    /// <summary>The shortest round-trip significant digits of a positive finite value (no leading or trailing
    /// zeros) and the position of the decimal point relative to them: 0.00125 is ("125", -2).</summary>
    private static (string Digits, int DecimalPoint) ShortestDigits(double value)
    {
        // .NET's "R" gives the shortest round-trip digits, e.g. "0.0001", "1E-05", "1.2345E+20".
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int point = r.IndexOf('.');
        string digits = point >= 0 ? r.Remove(point, 1) : r;
        int decimalPoint = (point >= 0 ? point : r.Length) + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        digits = digits[leading..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, decimalPoint - leading);
    }

    /// <summary>Python's repr layout of significant digits: positional for decimal exponents -4 to 15, else
    /// scientific with at least two exponent digits.</summary>
    private static string ReprLayout(string digits, int decimalPoint)
    {
        if (decimalPoint <= -4 || decimalPoint > 16)
        {
            int exp = decimalPoint - 1;
            return digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (exp < 0 ? "-" : "+") +
                Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        if (decimalPoint <= 0)
        {
            return "0." + new string('0', -decimalPoint) + digits;
        }
        if (digits.Length <= decimalPoint)
        {
            return digits + new string('0', decimalPoint - digits.Length) + ".0";
        }
        return digits[..decimalPoint] + "." + digits[decimalPoint..];
    }
}

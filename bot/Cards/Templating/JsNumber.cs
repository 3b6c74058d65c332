using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>JavaScript number semantics (all numbers are doubles): toString, parseInt, parseFloat, toFixed, Math.round.</summary>
internal static partial class JsNumber
{
    public static bool IsNumber(object? v) => v is double d && !double.IsNaN(d);

    public static bool IsInteger(object? v) => v is double d && double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>Number.prototype.toString(): shortest round-trip digits, exponent form outside 1e-7..1e21.</summary>
    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        if (d < 0) return "-" + ToString(-d);

        var (digits, n) = ShortestDigits(d);
        var k = digits.Length;
        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        var e = n - 1;
        var exponent = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + "e" + exponent : digits[0] + "." + digits[1..] + "e" + exponent;
    }

    /// <summary>Digits d1..dk and n such that the value is 0.d1..dk × 10^n (positive finite input).</summary>
    private static (string Digits, int PointPosition) ShortestDigits(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var exp = 0;
        var ePos = r.IndexOf('E', StringComparison.Ordinal);
        if (ePos >= 0)
        {
            exp = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? r[..dot] : r;
        var digits = intPart + (dot >= 0 ? r[(dot + 1)..] : "");
        var point = intPart.Length + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point - lead);
    }

    /// <summary>parseInt(s, 10).</summary>
    public static double ParseInt(string s)
    {
        var m = IntPrefix().Match(JsString.TrimStart(s));
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return m.Groups[1].Value == "-" ? -value : value;
    }

    /// <summary>parseFloat(s).</summary>
    public static double ParseFloat(string s)
    {
        var m = FloatPrefix().Match(JsString.TrimStart(s));
        if (!m.Success) return double.NaN;
        var negative = m.Groups[1].Value == "-";
        var body = m.Groups[2].Value;
        var value = body == "Infinity" ? double.PositiveInfinity
            : double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>Math.round: nearest integer, halves toward +Infinity.</summary>
    public static double Round(double x)
    {
        if (!double.IsFinite(x)) return x;
        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>Number.prototype.toFixed(digits) for x ≥ 0: exact decimal rounding, exact halves upward.</summary>
    public static string ToFixed(double x, int digits)
    {
        if (!double.IsFinite(x) || x >= 1e21) return ToString(x);
        var bits = BitConverter.DoubleToInt64Bits(x);
        var rawExponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (rawExponent == 0) rawExponent = 1;
        else mantissa |= 1L << 52;
        var exponent = rawExponent - 1075; // x = mantissa × 2^exponent

        BigInteger scaled;
        var pow10 = BigInteger.Pow(10, digits);
        if (exponent >= 0)
        {
            scaled = new BigInteger(mantissa) * BigInteger.Pow(2, exponent) * pow10;
        }
        else
        {
            var numerator = new BigInteger(mantissa) * pow10;
            var denominator = BigInteger.Pow(2, -exponent);
            scaled = BigInteger.DivRem(numerator, denominator, out var remainder);
            if (remainder * 2 >= denominator) scaled += 1;
        }

        var s = scaled.ToString(CultureInfo.InvariantCulture);
        if (digits == 0) return s;
        s = s.PadLeft(digits + 1, '0');
        return s[..^digits] + "." + s[^digits..];
    }

    /// <summary>d3-format ",.{precision}f" with the en-US locale, as adaptive-expressions uses it (minus sign is U+2212).</summary>
    public static string FormatGrouped(double value, int precision)
    {
        if (double.IsNaN(value)) return "NaN";
        precision = Math.Clamp(precision, 0, 20);
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = ToFixed(Math.Abs(value), precision);
        if (negative && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == 0)
            negative = false;

        var split = 0;
        while (split < text.Length && char.IsAsciiDigit(text[split])) split++;
        var integer = text[..split];
        var suffix = text[split..];

        var grouped = new StringBuilder();
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0) grouped.Append(',');
            grouped.Append(integer[i]);
        }
        return (negative ? "\u2212" : "") + grouped + suffix;
    }

    [GeneratedRegex(@"^([+-]?)([0-9]+)")]
    private static partial Regex IntPrefix();

    [GeneratedRegex(@"^([+-]?)(Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")]
    private static partial Regex FloatPrefix();
}

using VocEdWeek.Bot.Cards.Templating;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>JavaScript number formatting and parsing that the templating engine relies on.</summary>
public sealed class JsNumberTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-12.5, "-12.5")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123456789.123, "123456789.123")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void ToString_MatchesJavaScript(double value, string expected)
    {
        Assert.Equal(expected, JsNumber.ToString(value));
    }

    [Theory]
    [InlineData(1.005, 2, "1.00")]
    [InlineData(2.5, 0, "3")]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(1234.5678, 3, "1234.568")]
    [InlineData(0.0001, 2, "0.00")]
    public void ToFixed_RoundsTheExactBinaryValue(double value, int digits, string expected)
    {
        Assert.Equal(expected, JsNumber.ToFixed(value, digits));
    }

    [Theory]
    [InlineData(1234567.891, 2, "1,234,567.89")]
    [InlineData(-1234.5, 1, "\u22121,234.5")]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(999, 0, "999")]
    public void FormatGrouped_UsesEnUsGroupingAndUnicodeMinus(double value, int precision, string expected)
    {
        Assert.Equal(expected, JsNumber.FormatGrouped(value, precision));
    }

    [Theory]
    [InlineData("12abc", 12d)]
    [InlineData("  -7.9", -7d)]
    [InlineData("1e5", 1d)]
    public void ParseInt_ReadsLeadingInteger(string text, double expected)
    {
        Assert.Equal(expected, JsNumber.ParseInt(text));
    }

    [Theory]
    [InlineData("2.25kg", 2.25)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3x", 1000d)]
    public void ParseFloat_ReadsLeadingNumber(string text, double expected)
    {
        Assert.Equal(expected, JsNumber.ParseFloat(text));
    }

    [Fact]
    public void ToString_NegativeZero_IsZero()
    {
        Assert.Equal("0", JsNumber.ToString(-0d));
    }

    [Fact]
    public void ParseInt_WithoutDigits_IsNaN()
    {
        Assert.True(double.IsNaN(JsNumber.ParseInt("abc")));
    }
}

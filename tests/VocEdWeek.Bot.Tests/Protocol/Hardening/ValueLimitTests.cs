using System.Text.Json;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// The card data's bound (<see cref="ActivityRules.MaxValueChars"/>) is its raw JSON text's length in characters, as
/// <c>GetRawText()</c> gives it — counted on the UTF-8 in place, Chinese and escapes included: the bound itself passes,
/// one character more is refused.
/// </summary>
public sealed class ValueLimitTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("机电")]
    [InlineData("\\u00e9\\n😀")]
    public void Card_data_of_exactly_the_bound_passes_and_one_more_character_is_refused(string filler)
    {
        Assert.True(ActivityRules.IsAcceptable(WithValue(ActivityRules.MaxValueChars, filler), anonymous: false));
        Assert.False(ActivityRules.IsAcceptable(WithValue(ActivityRules.MaxValueChars + 1, filler), anonymous: false));
    }

    // {"a":"…"} of exactly `chars` characters of raw JSON text, its string made of `filler` and padded with x.
    private static Activity WithValue(int chars, string filler)
    {
        var inner = new System.Text.StringBuilder();
        while (inner.Length + filler.Length <= chars - 8) inner.Append(filler);
        inner.Append('x', chars - 8 - inner.Length);
        var value = JsonDocument.Parse($"{{\"a\":\"{inner}\"}}").RootElement;
        Assert.Equal(chars, value.GetRawText().Length);
        return new Activity { Type = "invoke", Id = "1", Conversation = new ConversationAccount { Id = "a:1" }, Value = value };
    }
}

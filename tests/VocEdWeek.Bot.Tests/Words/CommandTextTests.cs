using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Tests.Words;

/// <summary>Phrases are folded once and kept; matching is what folding both sides each time gave.</summary>
public sealed class CommandTextTests
{
    [Theory]
    [InlineData("ＨＥＬＰ", "help", true)]
    [InlineData("  Help!! ", "help", true)]
    [InlineData("帮助。", "帮助", true)]
    [InlineData("help me", "help", false)]
    [InlineData("reminder log", "Reminder  Log", true)]
    public void IsOneOf_MatchesAsFoldingBothSides(string typed, string phrase, bool expected)
    {
        var text = CommandText.From(typed);
        Assert.Equal(CommandText.From(phrase).Folded == text.Folded, text.IsOneOf(phrase));
        Assert.Equal(expected, text.IsOneOf(phrase));
        // Asked again (the phrase now kept folded), the same answer.
        Assert.Equal(expected, text.IsOneOf("unrelated", phrase));
    }
}

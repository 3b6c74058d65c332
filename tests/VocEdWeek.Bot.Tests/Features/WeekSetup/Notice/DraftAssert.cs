using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>Every field of a draft, and its Missing list in order (records compare lists by reference).</summary>
public static class DraftAssert
{
    public static void Same(WeekDraft expected, WeekDraft actual)
    {
        Assert.Equal(expected with { Missing = [] }, actual with { Missing = [] });
        Assert.Equal(expected.Missing, actual.Missing);
    }
}

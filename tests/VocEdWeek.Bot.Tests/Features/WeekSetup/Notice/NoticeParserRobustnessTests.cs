using System.Text;
using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>Whatever the office pastes, the parser gives a draft (perhaps an empty one) and never throws.</summary>
public sealed class NoticeParserRobustnessTests
{
    // Digits of other scripts, impossible dates and times, unbalanced brackets, stray glosses and markers.
    private static readonly string[] Noise =
    [
        "٣", "٢٠٢٤年", "13月45日", "2月30日前", "99:99前", "25点前", "《", "》", "(", "(jù)", "\n", "至", "—", "前", "日",
        "主题：", "关于", "通知", "年", "\0", "\uD800", "报送至", "处", "每天", "统计表", "总结", "方案", "二〇", "十",
    ];

    [Theory]
    [InlineData(SeedNotices.Wuxi2024)]
    [InlineData(SeedNotices.Shandong2020)]
    public void Seeds_cut_and_salted_at_random_never_throw(string seed)
    {
        var text = SeedNotices.Text(seed);
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var start = random.Next(text.Length);
            var piece = new StringBuilder(text[start..Math.Min(text.Length, start + random.Next(1, 600))]);
            for (var i = 0; i < 8; i++) piece.Insert(random.Next(piece.Length + 1), Noise[random.Next(Noise.Length)]);
            var draft = NoticeParser.Parse(piece.ToString(), SeedNotices.Options);
            Assert.Equal(draft.Missing.Distinct(), draft.Missing);
        }
    }

    [Fact]
    public void Impossible_dates_are_not_guessed()
    {
        var draft = NoticeParser.Parse("关于做好2024年职业教育活动周的通知\n时间：2月30日至3月40日。\n13月1日前报送方案。", SeedNotices.Options);
        Assert.Equal((null, null, (DateTime?)null), (draft.Start, draft.End, draft.PlanDeadline));
        Assert.Equal("2024年职业教育活动周", draft.Title);
    }
}

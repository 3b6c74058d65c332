using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>Title, theme, school and office; copy noise; traditional characters; what is out of scope.</summary>
public sealed class NoticeNamePhrasingTests
{
    [Fact]
    public void Traditional_characters_with_pinyin_glosses_and_full_width_digits()
    {
        const string notice = """
            關(guān)於辦好２０２５年職業(yè)教育活動周的通知
            各學(xué)院：
            一、時間：５月１１日至１７日。
            二、主題：“技能照亮前程”。
            三、請於５月１０日（星期六）前將活動方案報(bào)送至教務(wù)處。５月１８日下班前報送《統(tǒng)計表》和總結(jié)。
            四、活動周期間，每日上午１０點前報送宣傳資料。
            """;
        DraftAssert.Same(new WeekDraft
        {
            Title = "2025年职业教育活动周",
            Theme = "技能照亮前程",
            Office = "教务处",
            Start = new DateOnly(2025, 5, 11),
            End = new DateOnly(2025, 5, 17),
            PlanDeadline = new DateTime(2025, 5, 10, 17, 30, 0),
            DailyReportTime = new TimeOnly(10, 0),
            StatisticsDeadline = new DateTime(2025, 5, 18, 17, 30, 0),
            SummaryDeadline = new DateTime(2025, 5, 18, 17, 30, 0),
            Missing = [WeekDraftFields.School],
        }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void Web_copy_noise_is_ignored()
    {
        var notice = "关于做好2024年职业教育活动周工作的通知\r\n各二级学院：\r\n&nbsp;&nbsp;一、时间：2024年5月12日\u00A0至\u00A018日。\r\n"
                     + "二、主\u200B题：一技在手，一生无忧。\r\n"
                     + "• 5月12日中午12点前，各二级学院报送活动方案与信息采\r\n集表。5月19日下班前，各二级学院报送统计表和活动周总结。\r\n"
                     + "● 活动周期间，每天中午12:00前将宣传资料报送至教务处。\r\n\r\n教务处\r\n2024年5月11日\r\n";
        DraftAssert.Same(PhrasingNotices.PlainDraft, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void Kangxi_radicals_from_a_pdf_read_as_the_usual_characters()
    {
        // Some PDF fonts map 日 and 月 to the radicals ⽇ (U+2F47) and ⽉ (U+2F49); they look the same on screen.
        var notice = PhrasingNotices.Plain.Replace('日', '\u2F47').Replace('月', '\u2F49');
        DraftAssert.Same(PhrasingNotices.PlainDraft, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void The_notices_own_title_names_the_place_and_the_theme_may_be_quoted()
    {
        var notice = PhrasingNotices.Plain
            .Replace("关于做好2024年职业教育活动周工作的通知", "关于举办2024年无锡市职业教育活动周的通知", StringComparison.Ordinal)
            .Replace("二、主题：一技在手，一生无忧。", "二、今年活动周的主题为“一技在手，一生无忧”，各单位要紧扣主题。", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { Title = "2024年无锡市职业教育活动周" }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void A_school_in_the_header_and_an_office_inside_it()
    {
        var notice = PhrasingNotices.Plain
            .Replace("关于做好", "无锡示例职业技术学院关于做好", StringComparison.Ordinal)
            .Replace("报送至教务处", "报送至学校教学处", StringComparison.Ordinal)
            .Replace("教务处\n2024年5月11日", "教学处\n2024年5月11日", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { School = "无锡示例职业技术学院", Office = "教学处", Missing = [] }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void The_office_from_the_signature_when_no_sentence_names_it()
    {
        var notice = PhrasingNotices.Plain.Replace("报送至教务处", "发至指定邮箱", StringComparison.Ordinal).Replace("教务处\n", "职教办\n", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { Office = "职教办" }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void A_notice_without_a_theme_lists_it_as_missing()
    {
        var notice = PhrasingNotices.Plain.Replace("二、主题：一技在手，一生无忧。\n", "", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { Theme = null, Missing = [WeekDraftFields.Theme, WeekDraftFields.School] }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void An_english_notice_is_out_of_scope_and_everything_is_missing()
    {
        const string notice = "Notice on the 2024 Vocational Education Week\nThe week runs from May 12 to May 18, 2024. Theme: Skills for life.\nSend your plan to the Academic Affairs Office by 12:00 on May 12.";
        var draft = PhrasingNotices.Parse(notice);
        DraftAssert.Same(new WeekDraft
        {
            Missing =
            [
                WeekDraftFields.Title, WeekDraftFields.Theme, WeekDraftFields.School, WeekDraftFields.Office, WeekDraftFields.Start, WeekDraftFields.End,
                WeekDraftFields.PlanDeadline, WeekDraftFields.DailyReportTime, WeekDraftFields.StatisticsDeadline, WeekDraftFields.SummaryDeadline,
            ],
        }, draft);
        Assert.Equal([WeekDraftFields.Title, WeekDraftFields.Start, WeekDraftFields.End], draft.MissingRequired);
    }
}

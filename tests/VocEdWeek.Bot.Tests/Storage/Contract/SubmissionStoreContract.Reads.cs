using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>The reads of a week (a department's current items, summaries, times), exemptions, and what comes back as it went in.</summary>
public abstract partial class SubmissionStoreContract
{
    [Fact]
    public void A_department_reads_its_current_items_only_never_a_department_whose_id_begins_like_it()
    {
        Store.Submit(Candidate(department: "d1", item: "plan", data: """{"v":"old"}"""));
        var plan = Store.Submit(Candidate(department: "d1", item: "plan", data: """{"v":"new"}""")).Stored;
        var report = Store.Submit(Candidate(department: "d1", item: "report:2024-05-14")).Stored;
        Store.Submit(Candidate(department: "d10", item: "plan"));
        Store.Submit(Candidate(department: "d1x", item: "summary"));
        Store.Submit(Candidate(department: "d1", item: "summary", week: "2025-wuxi"));

        var items = Store.CurrentOfDepartment(Week, "d1");

        Assert.Equal([(plan.Id, 2), (report.Id, 1)], items.OrderBy(i => i.ItemKey, StringComparer.Ordinal).Select(i => (i.Id, i.Version)));
        Assert.All(items, i => Assert.True(i.IsCurrent));
        Assert.Single(Store.CurrentOfDepartment(Week, "d10"));
        Assert.Empty(Store.CurrentOfDepartment(Week, "d"));
    }

    [Fact]
    public void Summaries_give_each_slots_current_version_first_time_and_version_count()
    {
        Store.Submit(Candidate(department: "jd", at: Nine, data: """{"v":1}"""));
        var jdNow = Store.Submit(Candidate(department: "jd", at: Nine.AddHours(2), data: """{"v":2}""")).Stored;
        var plan = Store.Submit(Candidate(department: "jd", item: "plan", at: Nine.AddDays(-3))).Stored;
        var jz = Store.Submit(Candidate(department: "jz", at: Nine.AddMinutes(30))).Stored;
        Store.Submit(Candidate(department: "jd", week: "2025-wuxi"));

        var summaries = Store.Summaries(Week);

        Assert.Equal(3, summaries.Count);
        var jd = summaries[("jd", "report:2024-05-14")];
        Assert.Equal((jdNow.Id, 2, true, Nine, 2), (jd.Current.Id, jd.Current.Version, jd.Current.IsCurrent, jd.FirstSubmittedAt, jd.Versions));
        Assert.True(SameJson("""{"v":2}""", jd.Current.Data));
        Assert.Equal((plan.Id, plan.SubmittedAt, 1), (summaries[("jd", "plan")].Current.Id, summaries[("jd", "plan")].FirstSubmittedAt, summaries[("jd", "plan")].Versions));
        Assert.Equal((jz.Id, Nine.AddMinutes(30), 1), (summaries[("jz", "report:2024-05-14")].Current.Id, summaries[("jz", "report:2024-05-14")].FirstSubmittedAt, summaries[("jz", "report:2024-05-14")].Versions));
    }

    [Fact]
    public void Times_give_first_and_current_time_and_count_and_follow_every_new_version()
    {
        Store.Submit(Candidate(department: "jd", at: Nine));
        Store.Submit(Candidate(department: "jd", at: Nine.AddHours(2)));
        Store.Submit(Candidate(department: "jd", week: "2025-wuxi"));

        var before = Store.Times(Week);
        Store.Submit(Candidate(department: "jd", at: Nine.AddHours(5)));
        Store.Submit(Candidate(department: "jz", at: Nine.AddHours(1)));
        var after = Store.Times(Week);

        Assert.Equal([("jd", "report:2024-05-14")], before.Keys);
        Assert.Equal((Nine, Nine.AddHours(2), 2), (before[("jd", "report:2024-05-14")].FirstSubmittedAt, before[("jd", "report:2024-05-14")].CurrentSubmittedAt, before[("jd", "report:2024-05-14")].Versions));
        Assert.Equal(2, after.Count);
        var jd = after[("jd", "report:2024-05-14")];
        Assert.Equal((new DateTimeOffset(Nine), new DateTimeOffset(Nine.AddHours(5)), 3), (jd.First, jd.Current, jd.Versions));
        Assert.Equal((Nine.AddHours(1), 1), (after[("jz", "report:2024-05-14")].CurrentSubmittedAt, after[("jz", "report:2024-05-14")].Versions));
    }

    [Fact]
    public void An_exemption_is_set_replaced_listed_by_week_and_removed()
    {
        Store.Exempt(new Exemption { WeekId = Week, DepartmentId = "jd", ItemKey = "plan", SetBy = "吴苏玲", SetAt = Nine, Reason = "外出参赛" });
        Store.Exempt(new Exemption { WeekId = Week, DepartmentId = "jd", ItemKey = "plan", SetBy = "李明", SetAt = Nine.AddHours(1), Reason = null });
        Store.Exempt(new Exemption { WeekId = Week, DepartmentId = "jz", ItemKey = "report:2024-05-14", SetBy = "吴苏玲", SetAt = Nine });
        Store.Exempt(new Exemption { WeekId = "2025-wuxi", DepartmentId = "jd", ItemKey = "plan", SetBy = "吴苏玲", SetAt = Nine });

        var exemptions = Store.Exemptions(Week);

        Assert.Equal([("jd", "plan"), ("jz", "report:2024-05-14")], exemptions.Keys.Order());
        var plan = exemptions[("jd", "plan")];
        Assert.Equal((Exemption.KeyOf(Week, "jd", "plan"), Week, "李明", Nine.AddHours(1), (string?)null),
            (plan.Id, plan.WeekId, plan.SetBy, plan.SetAt, plan.Reason));
        Assert.Equal("吴苏玲", exemptions[("jz", "report:2024-05-14")].SetBy);

        Assert.True(Store.RemoveExemption(Week, "jd", "plan"));
        Assert.False(Store.RemoveExemption(Week, "jd", "plan"));
        Assert.Equal([("jz", "report:2024-05-14")], Store.Exemptions(Week).Keys);
        Assert.Single(Store.Exemptions("2025-wuxi"));
    }

    [Fact]
    public void Times_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        var stored = Store.Submit(Candidate(at: local)).Stored;
        Store.Exempt(new Exemption { WeekId = Week, DepartmentId = "jd", ItemKey = "plan", SetBy = "吴苏玲", SetAt = local });

        foreach (var at in new[] { Store.Find(stored.Id)!.SubmittedAt, Store.Summaries(Week)[("jd", "report:2024-05-14")].FirstSubmittedAt,
                     Store.Times(Week)[("jd", "report:2024-05-14")].CurrentSubmittedAt, Store.Exemptions(Week)[("jd", "plan")].SetAt })
        {
            Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (at.Kind, at));
        }
    }

    [Fact]
    public void Form_data_comes_back_with_its_Chinese_text_and_nested_values()
    {
        const string data = """
            {"activities":[{"name":"“工匠进校园”专题讲座","date":"2024-05-14","participants":180,"planned":true,
              "media":[{"kind":"photo","links":["https://example.edu.cn/a?x=1&y=2"]}]},{"name":"开放日 😀","note":null}],
             "typicalCase":"第一行\n第二行\t「引号」\"quoted\" \\ back","rate":0.85,"nested":{"deeper":{"empty":[],"obj":{}}}}
            """;
        var stored = Store.Submit(Candidate(item: "plan", data: data)).Stored;

        foreach (var read in new[] { Store.Find(stored.Id)!.Data, Store.Current(Week, "jd", "plan")!.Data, Store.History(Week, "jd", "plan")[0].Data,
                     Store.CurrentOfDepartment(Week, "jd")[0].Data, Store.Summaries(Week)[("jd", "plan")].Current.Data })
        {
            Assert.True(SameJson(data, read), read);
        }
        var activities = System.Text.Json.Nodes.JsonNode.Parse(Store.Find(stored.Id)!.Data)!["activities"]!;
        Assert.Equal("“工匠进校园”专题讲座", (string?)activities[0]!["name"]);
        Assert.Equal("开放日 😀", (string?)activities[1]!["name"]);
    }
}

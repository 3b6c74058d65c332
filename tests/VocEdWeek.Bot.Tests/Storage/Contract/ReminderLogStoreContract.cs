using VocEdWeek.Bot.Features.Reminders;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IReminderLogStore"/> does, whichever database keeps it: one subclass per implementation supplies an
/// empty store (<see cref="LiteDbReminderLogStoreContract"/>, <see cref="PostgreSqlReminderLogStoreContract"/>).
/// </summary>
public abstract class ReminderLogStoreContract
{
    private IReminderLogStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IReminderLogStore NewStore();

    private IReminderLogStore Store => _store ??= NewStore();

    private static readonly DateTime Nine = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    private static ReminderLogEntry Entry(DateTime at, string person = "aad-zw", string? job = "job-1", string week = "2024-wuxi", string day = "2024-05-14") => new()
    {
        At = at, LocalDay = day, WeekId = week, Trigger = ReminderTrigger.Auto, SlotKey = $"{week}|remind|2024-05-14T09:00", PersonKey = person, PersonName = "张伟",
        DepartmentId = "jd", DepartmentName = "机电工程学院", ItemKeys = ["report:2024-05-14"], JobId = job, Skipped = job is null ? "cap" : null,
    };

    [Fact]
    public void An_entry_is_kept_whole_under_a_new_id()
    {
        var entry = new ReminderLogEntry
        {
            At = Nine.AddMilliseconds(250), LocalDay = "2024-05-14", WeekId = "2024-wuxi", Trigger = ReminderTrigger.Click, TriggeredBy = "吴苏玲",
            SlotKey = null, PersonKey = "wangqiang@college.example.edu.cn", PersonName = "王强", DepartmentId = "jg", DepartmentName = "经济管理学院",
            ItemKeys = ["report:2024-05-14", "plan"], JobId = "remind|2024-wuxi|click|…", Skipped = null,
        };
        var other = Entry(Nine, job: null);

        Store.Add(entry);
        Store.Add(other);

        Assert.NotEqual("", entry.Id);
        Assert.NotEqual(entry.Id, other.Id);
        var found = Store.All("2024-wuxi").Single(e => e.Id == entry.Id);
        Assert.Equal((entry.At, DateTimeKind.Utc, entry.LocalDay, entry.Trigger, entry.TriggeredBy, entry.SlotKey, entry.PersonKey, entry.PersonName),
            (found.At, found.At.Kind, found.LocalDay, found.Trigger, found.TriggeredBy, found.SlotKey, found.PersonKey, found.PersonName));
        Assert.Equal((entry.DepartmentId, entry.DepartmentName, entry.JobId, entry.Skipped), (found.DepartmentId, found.DepartmentName, found.JobId, found.Skipped));
        Assert.Equal(entry.ItemKeys, found.ItemKeys);
        var skipped = Store.All("2024-wuxi").Single(e => e.Id == other.Id);
        Assert.Equal(("cap", null, "2024-wuxi|remind|2024-05-14T09:00"), (skipped.Skipped, skipped.JobId, skipped.SlotKey));
    }

    [Fact]
    public void SentOn_is_the_persons_entries_with_a_message_on_that_local_day_of_that_week()
    {
        Store.Add(Entry(Nine, job: "a"));
        Store.Add(Entry(Nine.AddHours(2), job: "b"));
        Store.Add(Entry(Nine.AddHours(3), job: null));
        Store.Add(Entry(Nine.AddDays(1), job: "next-day", day: "2024-05-15"));
        Store.Add(Entry(Nine, person: "aad-ln", job: "someone-else"));
        Store.Add(Entry(Nine, job: "other-week", week: "2025-wuxi"));

        Assert.Equal(["a", "b"], Store.SentOn("2024-wuxi", "aad-zw", "2024-05-14").Select(e => e.JobId).Order());
        Assert.Equal(["next-day"], Store.SentOn("2024-wuxi", "aad-zw", "2024-05-15").Select(e => e.JobId));
        Assert.Empty(Store.SentOn("2024-wuxi", "aad-zw", "2024-05-16"));
    }

    [Fact]
    public void SentSince_is_the_persons_entries_with_a_message_from_that_instant_on()
    {
        Store.Add(Entry(Nine.AddMinutes(-1), job: "before"));
        Store.Add(Entry(Nine, job: "at"));
        Store.Add(Entry(Nine.AddMinutes(5), job: "after"));
        Store.Add(Entry(Nine.AddMinutes(6), job: null));
        Store.Add(Entry(Nine.AddMinutes(7), person: "aad-ln", job: "someone-else"));
        Store.Add(Entry(Nine.AddMinutes(8), job: "other-week", week: "2025-wuxi"));

        Assert.Equal(["after", "at"], Store.SentSince("2024-wuxi", "aad-zw", new DateTimeOffset(Nine)).Select(e => e.JobId).Order());
        // The same instant given in Beijing time.
        Assert.Equal(["after", "at"], Store.SentSince("2024-wuxi", "aad-zw", new DateTimeOffset(Nine).ToOffset(TimeSpan.FromHours(8))).Select(e => e.JobId).Order());
    }

    [Fact]
    public void Recent_is_the_weeks_latest_entries_newest_first_and_All_every_entry_earliest_first()
    {
        Store.Add(Entry(Nine.AddMinutes(2), job: "2"));
        Store.Add(Entry(Nine, job: "0"));
        Store.Add(Entry(Nine.AddMinutes(3), job: null, person: "aad-ln"));
        Store.Add(Entry(Nine.AddMinutes(1), job: "1"));
        Store.Add(Entry(Nine.AddMinutes(9), job: "other-week", week: "2025-wuxi"));

        Assert.Equal([Nine.AddMinutes(3), Nine.AddMinutes(2)], Store.Recent("2024-wuxi", 2).Select(e => e.At));
        Assert.Equal(4, Store.Recent("2024-wuxi", 10).Count);
        Assert.Equal(["0", "1", "2", null], Store.All("2024-wuxi").Select(e => e.JobId));
        Assert.Empty(Store.All("2023-wuxi"));
    }
}

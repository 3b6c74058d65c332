using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// <c>submission_slots</c> (migration 0009), which "who has not reported" reads, says what grouping every version would:
/// for rows written by other writers than the store's Submit too (migrate-storage copies them as they were, in any order),
/// and for rows stored before the migration.
/// </summary>
public sealed class PgSubmissionSlotsTests(PgTestDatabase database) : IClassFixture<PgTestDatabase>
{
    private const string Week = "2024-wuxi";

    // The answer Times gave before 0009: every version grouped by slot.
    private static List<string> Grouped(PgDatabase db) => db.Query("""
        SELECT department_id, item_key, min(submitted_at), max(submitted_at) FILTER (WHERE is_current), max(version)
        FROM submissions WHERE week_id = $1 GROUP BY department_id, item_key HAVING bool_or(is_current)
        """, r => Row(r.GetString(0), r.GetString(1), r.GetDateTime(2), r.GetDateTime(3), r.GetInt32(4)), Week).Order().ToList();

    private static List<string> Times(PgDatabase db) =>
        new PgSubmissionStore(db).Times(Week).Select(t => Row(t.Key.Department, t.Key.Item, t.Value.FirstSubmittedAt, t.Value.CurrentSubmittedAt, t.Value.Versions)).Order().ToList();

    private static string Row(string department, string item, DateTime first, DateTime current, int versions) =>
        $"{department} {item} {first:O} {current:O} {versions}";

    /// <summary>As migrate-storage copies them: the current version first, an older one after it, a slot without a current version.</summary>
    private static void CopyRows(PgDatabase db)
    {
        var at = new DateTime(2024, 5, 14, 2, 0, 0, DateTimeKind.Utc);
        (string Department, string Item, int Version, bool Current, int Minutes)[] rows =
        [
            ("jd", "report:2024-05-14", 3, true, 50), ("jd", "report:2024-05-14", 1, false, 10), ("jd", "report:2024-05-14", 2, false, 30),
            ("jd", "plan", 1, true, -600),
            ("xx", "report:2024-05-14", 1, false, 5),
        ];
        foreach (var r in rows)
        {
            db.Execute("""
                INSERT INTO submissions (id, week_id, department_id, item_key, version, is_current, submitted_at, submitted_by_name, submitted_by_teams_id, data)
                VALUES ($1, $2, $3, $4, $5, $6, $7, '张伟', '29:zhangwei', '{}'::jsonb)
                """, Guid.NewGuid().ToString("N"), Week, r.Department, r.Item, r.Version, r.Current, at.AddMinutes(r.Minutes));
        }
    }

    [Fact]
    public void Rows_copied_in_any_order_give_the_times_of_every_version_grouped()
    {
        var db = database.Fresh();

        CopyRows(db);

        Assert.Equal(2, Times(db).Count);
        Assert.Equal(Grouped(db), Times(db));
        Assert.Contains($"jd report:2024-05-14 {new DateTime(2024, 5, 14, 2, 10, 0, DateTimeKind.Utc):O} {new DateTime(2024, 5, 14, 2, 50, 0, DateTimeKind.Utc):O} 3", Times(db));
    }

    [Fact]
    public void Submissions_stored_before_the_migration_are_counted_when_it_runs()
    {
        var db = database.Fresh();
        CopyRows(db);
        db.Execute("TRUNCATE submission_slots");
        Assert.Empty(Times(db));

        db.Execute(PgMigrations.All.Single(m => m.Version == 9).Sql);

        Assert.Equal(Grouped(db), Times(db));
    }

    [Fact]
    public void An_instances_kept_times_follow_every_write_of_another_instance()
    {
        var db = database.Fresh();
        var one = new PgSubmissionStore(db);
        var other = new PgSubmissionStore(db);
        var at = new DateTime(2024, 5, 14, 3, 0, 0, DateTimeKind.Utc);
        Submission Version(string department, int minutes) => new()
        {
            WeekId = Week, DepartmentId = department, ItemKey = "report:2024-05-14", SubmittedAt = at.AddMinutes(minutes),
            SubmittedByName = "张伟", SubmittedByTeamsId = "29:zhangwei", Data = "{}",
        };

        other.Submit(Version("jd", 0));
        Assert.Equal(at, one.Times(Week)[("jd", "report:2024-05-14")].CurrentSubmittedAt);
        Assert.Same(one.Times(Week), one.Times(Week)); // nothing changed: the kept read is used again

        // A new version of a slot one has kept, and a slot it has never seen, both written by the other instance.
        other.Submit(Version("jd", 20));
        var afterEdit = one.Times(Week)[("jd", "report:2024-05-14")];
        Assert.Equal((at, at.AddMinutes(20), 2), (afterEdit.FirstSubmittedAt, afterEdit.CurrentSubmittedAt, afterEdit.Versions));
        other.Submit(Version("xx", 30));
        Assert.Equal(at.AddMinutes(30), one.Times(Week)[("xx", "report:2024-05-14")].CurrentSubmittedAt);
        Assert.Equal(Grouped(db), Times(db));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using LiteDB;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Storage.LiteDb.Files;

/// <summary>
/// The (week, department, item) slots of the LiteDB file that may hold files: every receipt asks for its item's files,
/// and most daily reports have none, so a slot not in here is answered "none" without a query. A superset of what the
/// file holds: read once when the file is first opened in the process, a slot added before its record is written (a
/// write that fails or is rolled back leaves it in, which only costs a query), never removed (nothing deletes media
/// records). LiteDB is one process's file, so nobody else writes it; one set per open file, whichever store object writes.
/// </summary>
internal sealed class MediaSlots
{
    private static readonly ConditionalWeakTable<BotDatabase, MediaSlots> OfFile = new();

    private readonly ConcurrentDictionary<(string Week, string Department, string Item), byte> _slots;

    private MediaSlots(IEqualityComparer<string> departments) => _slots = new(new SlotComparer(departments));

    /// <summary>The set of <paramref name="db"/>'s file, read from it the first time.</summary>
    public static MediaSlots Of(BotDatabase db) => OfFile.GetValue(db, Read);

    /// <summary>Called before <paramref name="record"/> is written (inserted or updated).</summary>
    public void Add(MediaRecord record) => _slots.TryAdd((record.WeekId, record.DepartmentId, record.ItemKey), 0);

    public void Add(IEnumerable<MediaRecord> records)
    {
        foreach (var record in records) Add(record);
    }

    /// <summary>False: the file holds no record of the slot, so no query is needed.</summary>
    public bool MayHold(string weekId, string departmentId, string itemKey) => _slots.ContainsKey((weekId, departmentId, itemKey));

    private static MediaSlots Read(BotDatabase db)
    {
        var slots = new MediaSlots(DepartmentComparer(db.Database));
        var fields = BsonExpression.Create("{ w: $.WeekId, d: $.DepartmentId, i: $.ItemKey }");
        foreach (var doc in db.Database.GetCollection("media").Query().Select(fields).ToEnumerable())
            slots._slots.TryAdd((doc["w"].AsString ?? "", doc["d"].AsString ?? "", doc["i"].AsString ?? ""), 0);
        return slots;
    }

    // The item's files are found through the DepartmentId index, which compares by the file's collation (culture, ignoring
    // case by default): departments are matched the same way here, so the set holds every slot the query would find.
    // Week and item are compared in memory after the seek (ordinal).
    private static IEqualityComparer<string> DepartmentComparer(LiteDatabase db)
    {
        var collation = new Collation(db.Pragma("COLLATION").AsString);
        return StringComparer.Create(collation.Culture ?? CultureInfo.InvariantCulture, collation.SortOptions);
    }

    private sealed class SlotComparer(IEqualityComparer<string> departments) : IEqualityComparer<(string Week, string Department, string Item)>
    {
        public bool Equals((string Week, string Department, string Item) x, (string Week, string Department, string Item) y) =>
            string.Equals(x.Week, y.Week, StringComparison.Ordinal) && string.Equals(x.Item, y.Item, StringComparison.Ordinal)
            && departments.Equals(x.Department, y.Department);

        public int GetHashCode((string Week, string Department, string Item) slot) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(slot.Week ?? ""), departments.GetHashCode(slot.Department ?? ""),
                StringComparer.Ordinal.GetHashCode(slot.Item ?? ""));
    }
}

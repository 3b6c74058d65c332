namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// One kind of row: what the message stream sends (the <c>BENCH_KIND</c> of compare/stream.lua) and over which
/// conversations. A new message kind (a card submit, say) is one more instance here and one more branch in the Lua.
/// </summary>
/// <param name="Name">The row's name in the table and on the command line.</param>
/// <param name="LuaKind">What stream.lua builds for each request.</param>
/// <param name="KnownConversations">
/// Rotate over this many conversations, each sent one message in a warm-up pass before anything is measured
/// (a real week's conversations are known before its rush); 0 = every request from a conversation never seen.
/// </param>
/// <param name="Description">For the table's notes.</param>
public sealed record StreamKind(string Name, string LuaKind, int KnownConversations, string Description)
{
    /// <summary>Connector calls our bot makes per request: 1 for a reply, 0 when the answer is the invoke response.</summary>
    public int BotConnectorCalls { get; init; } = 1;

    /// <summary>What botbuilder is sent instead, when the row's kind is one its echo bot has no handler for.</summary>
    public string? ReferenceLuaKind { get; init; }

    /// <summary>
    /// "help" from known personal chats, as many as it takes for Teams' per-conversation send limits (which the bot keeps)
    /// not to bind: the issue's 2,000 did until the bot passed ≈ 7,000 requests/s (8 sends per 2 s per conversation cap
    /// 2,000 conversations at 8,000 sends/s, and 60 per 30 s at 4,000/s over any 30 s); 8,000 leave both far off.
    /// <see cref="SendPace"/> checks every run (<c>--known-conversations</c> sets another number).
    /// </summary>
    public static readonly StreamKind Known = new("known", "help", 8000,
        "\"help\" rotating over 8,000 personal chats and users (the issue's 2,000 let Teams' per-conversation send limits bind once the bot passed 7,000 requests/s: see \"sends near a Teams limit\"), each seen once in a warm-up pass before measuring");

    /// <summary>First contact: each request from a conversation and user the target has never seen.</summary>
    public static readonly StreamKind FirstContact = new("first", "help", 0,
        "\"help\", every request from a personal chat and user never seen before (new ones for every request of every run, as many as requests)");

    /// <summary>
    /// The daily report card's submit (Action.Execute) from 2,000 liaisons known by their Entra object id (BenchWeek):
    /// stored durably, the receipt card in the invoke response, no connector call. botbuilder gets its echo of "help"
    /// from 2,000 known chats: the issue's reference for this row.
    /// </summary>
    public static readonly StreamKind Submit = new("submit", "submit", BenchWeek.Liaisons,
        "our bot: the daily report card submitted (Action.Execute `report.submit`, a new card id each time) by 2,000 liaisons of the week, each seen once in a warm-up pass of submits; every 2xx answer is the receipt card (已提交) in the invoke response, stored before the answer; botbuilder: its echo of \"help\" from 2,000 known chats (the reference)")
    {
        BotConnectorCalls = 0,
        ReferenceLuaKind = "help",
    };

    public static IReadOnlyList<StreamKind> All { get; } = [Known, FirstContact, Submit];

    /// <summary>What the Lua builds for <paramref name="target"/> in this row.</summary>
    public string LuaKindFor(string target) => target == TargetNames.Botbuilder ? ReferenceLuaKind ?? LuaKind : LuaKind;

    /// <summary>Connector calls per request <paramref name="target"/> must make in this row.</summary>
    public int ConnectorCallsFor(string target) => target switch
    {
        TargetNames.Bare => 0,
        TargetNames.Bot => BotConnectorCalls,
        _ => 1,
    };

    public static StreamKind Named(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new ArgumentException($"unknown row {name}; rows: {string.Join(",", All.Select(k => k.Name))}");
}

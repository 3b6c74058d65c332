using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Protocol.Hardening;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// Durable before the answer, in a real process: the built bot answers report submits (Action.Execute, receipts in the
/// invoke responses, many at once so that they share group commits) and is killed with SIGKILL the moment the last receipt
/// arrives — no orderly shutdown, LiteDB's log writer cut off wherever it was. The file opened again holds every
/// submission that got a receipt, each once, as versions 1..n of its slot with the newest current.
/// </summary>
public sealed partial class KilledBotDurabilityTests
{
    private const int Rounds = 6, AtOnce = 16;

    [Fact]
    public async Task EverySubmitAnswered_IsInTheFile_AfterTheBotIsKilledAtOnce()
    {
        using var bot = BotProcess.Start(new()
        {
            // The Wuxi week, its 5月14日 report open (before its 12:00 deadline) on the rehearsal clock.
            ["Week__DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
            ["Clock__StartAt"] = "2024-05-14T09:30:00+08:00",
            ["Office__AnnounceStartup"] = "false",
            // One liaison sends them all: the inbound allowance for a person would refuse most of them.
            ["Inbound__PerUserLimit"] = "100000",
            ["Inbound__PerConversationLimit"] = "100000",
        });
        using var http = new HttpClient { BaseAddress = await ListeningAsync(bot) };
        var answered = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            var submits = Enumerable.Range(0, AtOnce).Select(_ => Wire.ReportSubmit("http://127.0.0.1:9/")).ToList();
            var answers = await Task.WhenAll(submits.Select(s => RawPost.JsonAsync(http, s)));
            foreach (var (submit, answer) in submits.Zip(answers))
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                var receipt = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["value"]!.ToJsonString(Wire.Readable);
                Assert.Contains("已提交", receipt, StringComparison.Ordinal);
                answered.Add((string)submit["value"]!["action"]!["data"]!["cardId"]!);
            }
        }
        bot.KillNow();

        using var reopened = new BotDatabase(new StorageOptions { Directory = bot.DataDirectory });
        var stored = reopened.Collection<Submission>("submissions").Find(Query.EQ(nameof(Submission.Slot), Submission.SlotOf("2024-wuxi", "jd", "report:2024-05-14"))).ToList();
        Assert.Equal(answered.Order(), stored.Select(s => s.IdempotencyKey!.Split('|')[^1]).Order());
        Assert.Equal(Enumerable.Range(1, Rounds * AtOnce), stored.Select(s => s.Version).Order());
        // Nothing in the file says which version is current (no flag written): the store reading it says the newest.
        Assert.DoesNotContain(stored, s => s.IsCurrent);
        var store = new LiteDbSubmissionStore(reopened);
        Assert.Equal(Rounds * AtOnce, store.Current("2024-wuxi", "jd", "report:2024-05-14")!.Version);
        Assert.Equal(Rounds * AtOnce, Assert.Single(store.History("2024-wuxi", "jd", "report:2024-05-14"), s => s.IsCurrent).Version);
    }

    private static async Task<Uri> ListeningAsync(RunningBot bot)
    {
        while (await bot.Stdout.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            if (Listening().Match(line) is not { Success: true } m) continue;
            // Drained from here on: a full pipe would stall the bot's logging, and with it the turns.
            _ = bot.Stdout.ReadToEndAsync();
            _ = bot.Stderr.ReadToEndAsync();
            return new Uri(m.Groups[1].Value);
        }
        throw new InvalidOperationException("the bot ended before it listened");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

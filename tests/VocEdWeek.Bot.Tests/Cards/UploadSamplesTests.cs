using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.Welcome;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using Microsoft.Extensions.Configuration;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The upload-link card (Chinese and English) and the welcome and help cards as they read in the public and the
/// China cloud, from the real handlers, checked with the official npm packages: same expansion, valid, renderable.
/// </summary>
public sealed class UploadSamplesTests
{
    private static readonly CardTemplates Templates = new(Path.Combine(RepoPaths.Root, "cards"));

    [Fact]
    public void China_cloud_welcome_and_help_point_liaisons_to_the_upload_link_and_the_public_ones_do_not()
    {
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var t = Strings.For(locale);
            var china = new ChatFileReach(false);
            var world = new ChatFileReach(true);
            Assert.Contains(t["upload_china_liaison"], Texts(new WelcomeHandler(Templates, china).Card(Turn(locale))), StringComparison.Ordinal);
            Assert.DoesNotContain(t["welcome_liaison"], Texts(new WelcomeHandler(Templates, china).Card(Turn(locale))), StringComparison.Ordinal);
            Assert.Contains(t["welcome_liaison"], Texts(new WelcomeHandler(Templates, world).Card(Turn(locale))), StringComparison.Ordinal);
            Assert.Contains(t["upload_china_help"], Texts(new HelpHandler(Templates, china).Card(Turn(locale))), StringComparison.Ordinal);
            Assert.DoesNotContain(t["upload_china_help"], Texts(new HelpHandler(Templates, world).Card(Turn(locale))), StringComparison.Ordinal);
            Assert.Contains(t["cmd_upload"], Texts(new HelpHandler(Templates, world).Card(Turn(locale))), StringComparison.Ordinal);
        }
        Assert.False(ChatFileReach.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cloud"] = "China" }).Build()).ReachesBot);
    }

    [Fact]
    public void Every_sample_is_bound_small_and_matches_adaptivecards_templating() =>
        Check(samples => CardSampleChecks.ExpansionMatchesNpm(samples, "upload"));

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => Check(_ => CardSampleChecks.ParserFindsNothing([.. Files()]));

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => Check(samples => CardSampleChecks.RendersToPng(samples, [.. Files()], "upload"));

    private static readonly string[] Names = ["link.zh", "link.en", "welcome-china.zh", "welcome-china.en", "help-china.zh", "help-public.en"];

    private static IEnumerable<string> Files() => Names.Select(n => Path.Combine(Fakes.RepoPaths.Artifacts("cards"), $"upload-{n}.json"));

    private static void Check(Action<IReadOnlyList<CardSample>> check)
    {
        var samples = Samples();
        foreach (var s in samples)
        {
            var json = CardJson.Show(s.Card);
            Assert.DoesNotContain("${", json, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(s.Card.ToJsonString()) < 28_000, s.Name);
            File.WriteAllText(Path.Combine(Fakes.RepoPaths.Artifacts("cards"), $"upload-{s.Name}.json"), json, new UTF8Encoding(false));
        }
        check(samples);
    }

    private static List<CardSample> Samples()
    {
        var calendar = new ActiveWeek(WeekLoader.Load(Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json"))).Calendar;
        var expires = new DateTimeOffset(2024, 5, 14, 21, 30, 0, TimeSpan.FromHours(8));
        const string url = "https://bot.college.example.edu.cn/upload/eyJ3IjoiMjAyNC13dXhpIn0.c2lnbmF0dXJl";
        var samples = new List<CardSample>();
        void Add(string name, string template, JsonObject data) => samples.Add(new CardSample(name, template, data, Templates.Render(template, data)));
        Add("link.zh", "upload-link", UploadLinkCard.Data(Strings.For("zh-CN"), "机电工程学院 · 5月14日 日报", expires, calendar, url));
        Add("link.en", "upload-link", UploadLinkCard.Data(Strings.For("en-US"), "机电工程学院 · report of May 14", expires, calendar, url));
        Add("welcome-china.zh", "welcome", new JsonObject { ["t"] = Strings.For("zh-CN").AsJson(), ["personal"] = true, ["chatFiles"] = false });
        Add("welcome-china.en", "welcome", new JsonObject { ["t"] = Strings.For("en-US").AsJson(), ["personal"] = true, ["chatFiles"] = false });
        Add("help-china.zh", "help", HelpData("zh-CN", chatFiles: false));
        Add("help-public.en", "help", HelpData("en-US", chatFiles: true));
        return samples;
    }

    // The same data the handlers build (checked against them in the first test through the rendered text).
    private static JsonObject HelpData(string locale, bool chatFiles)
    {
        var card = new HelpHandler(Templates, new ChatFileReach(chatFiles)).Card(Turn(locale));
        var t = Strings.For(locale);
        var facts = CardJson.Elements(card).Where(e => (string?)e["type"] == "FactSet").SelectMany(e => e["facts"]!.AsArray());
        var commands = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["name"] = f!["title"]!.DeepClone(), ["description"] = f["value"]!.DeepClone() }).ToArray());
        return new JsonObject { ["t"] = t.AsJson(), ["commands"] = commands, ["chatFiles"] = chatFiles };
    }

    /// <summary>Every text and fact of a card, as shown.</summary>
    private static string Texts(JsonObject card) => string.Join("\n", CardJson.Elements(card)
        .SelectMany(e => new[] { e["text"], e["title"], e["value"] }).OfType<JsonValue>().Select(v => v.ToString()));

    private static TurnContext Turn(string locale) => new(new RecordingMessenger())
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationRef("https://smba.example/", "a:1", "tenant-1", "28:bot", "bot", ConversationScope.Personal, "29:1", "aad-1"),
        User = new UserRef("29:1", "aad-1", "张伟"),
        Culture = CultureInfo.GetCultureInfo(locale),
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}

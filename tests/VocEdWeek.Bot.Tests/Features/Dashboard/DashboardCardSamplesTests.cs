using System.Text;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Cards;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>The dashboard link card in Chinese and English, checked with the official npm packages like every other card.</summary>
public sealed class DashboardCardSamplesTests : IDisposable
{
    private readonly OfficeWorld _world = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));
    private readonly List<CardSample> _samples = [];

    public DashboardCardSamplesTests()
    {
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var t = Strings.For(locale);
            var issued = _world.Get<DashboardLinks>().Create(_world.WeekId, "吴苏玲", locale);
            var data = DashboardHandler.Data(_world.Week, issued, t);
            _samples.Add(new CardSample($"link.{locale[..2]}", "dashboard-link", data, _world.Get<CardTemplates>().Render("dashboard-link", data)));
        }
        Directory.CreateDirectory(OfficeSamples.Folder);
        foreach (var s in _samples) System.IO.File.WriteAllText(PathOf(s), CardJson.Show(s.Card), new UTF8Encoding(false));
    }

    public void Dispose() => _world.Dispose();

    private static string PathOf(CardSample s) => Path.Combine(OfficeSamples.Folder, $"dashboard-{s.Name}.json");

    [Fact]
    public void Samples_HaveNothingUnbound_AndAreSmall()
    {
        foreach (var s in _samples)
        {
            var json = CardJson.Show(s.Card);
            Assert.DoesNotContain("${", json, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(s.Card.ToJsonString()) <= CardBudget.MaxBytes);
            Assert.Contains("/dashboard?t=", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(_samples, "dashboard");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. _samples.Select(PathOf)]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(_samples, [.. _samples.Select(PathOf)], "dashboard");
}

using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Recommend;

/// <summary>A full week of long texts: the candidates card stays under Teams' size limit and pages through everything.</summary>
public sealed class RecommendCardSizeTests : IDisposable
{
    private readonly RecommendWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Many_long_candidates_are_paged_under_28KB_and_the_next_page_goes_on_where_the_last_stopped()
    {
        var departments = new[] { "jd", "xx", "jg", "jz", "sj" };
        for (var day = 12; day <= 18; day++)
        {
            foreach (var d in departments)
            {
                var text = $"{d}{day}“引号”与\\反斜杠以及很长很长的描述" + new string('长', 150);
                _world.Report(d, day, text + "案例", text + "故事", text + "报道");
            }
        }

        var seen = new HashSet<string>();
        var card = await _world.CardAsync(FormsWorld.Staff, "择优推荐");
        for (var page = 0; page < 50; page++)
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"page {page} is {bytes} bytes");
            var heads = RecommendWorld.Heads(card);
            Assert.NotEmpty(heads);
            Assert.All(heads, h => Assert.True(seen.Add(h), $"shown twice: {h}"));
            Assert.All(heads, h => Assert.Contains("…", h));
            if (!CardJson.Actions(card).Any(a => CardJson.Text(a["title"]) == "下一页")) break;
            // The second button with the show verb is "下一页" (the first is the filter's).
            card = (await _world.Bot.ExecuteAsync(FormsWorld.Staff, CardJson.Click(card, RecommendHandler.ShowVerb, index: 1))).Card();
        }

        Assert.Equal(105, seen.Count);
    }
}

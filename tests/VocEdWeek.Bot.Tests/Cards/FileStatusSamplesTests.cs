using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The "文件状态" card checked with the official npm packages, and what it tells the office.</summary>
public sealed class FileStatusSamplesTests(FileStatusSamples samples) : IClassFixture<FileStatusSamples>
{
    [Fact]
    public void The_newest_files_in_SharePoint_are_linked_newest_first_and_every_waiting_file_says_why()
    {
        var text = CardJson.Show(samples["mixed.zh"].Card);
        Assert.Contains("已存入 SharePoint 3 个，等待上传 3 个，上传失败 1 个。", text, StringComparison.Ordinal);
        Assert.Contains("最近存入 SharePoint：", text, StringComparison.Ordinal);
        var jg = text.IndexOf("**经济管理学院** · 5月13日（周一）日报 · [校企签约\\\\[现场\\\\].png](https://college.sharepoint.example/", StringComparison.Ordinal);
        var xx = text.IndexOf("**信息工程学院** · 5月14日（周二）日报 · [实训中心开放日 (剪辑版).mp4](https://college.sharepoint.example/", StringComparison.Ordinal);
        var jd = text.IndexOf("**机电工程学院** · 5月14日（周二）日报 · [开幕式.jpg](https://college.sharepoint.example/", StringComparison.Ordinal);
        Assert.True(jg >= 0 && xx > jg && jd > xx, $"newest first: {jg} {xx} {jd}\n{text}");
        Assert.Contains("SharePoint 不可用，将于 5月14日 15:32 自动重试（已尝试 3 次）", text, StringComparison.Ordinal);
        Assert.Contains("SharePoint 拒绝了此文件：accessDenied: 403", text, StringComparison.Ordinal);
        Assert.Contains("排队中，马上上传", text, StringComparison.Ordinal);

        var all = CardJson.Show(samples["all-uploaded.zh"].Card);
        Assert.Contains("所有文件均已存入 SharePoint。", all, StringComparison.Ordinal);
        Assert.Contains("开幕式.jpg](https://", all, StringComparison.Ordinal);
        Assert.Contains("作品 2.jpg](https://", all, StringComparison.Ordinal); // nothing waiting: still the newest five
        Assert.DoesNotContain("作品 1.jpg](https://", all, StringComparison.Ordinal);
        Assert.DoesNotContain("最近存入", CardJson.Show(samples["local-only.zh"].Card), StringComparison.Ordinal);
    }

    [Fact]
    public void EverySample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Equal(4, samples.All.Count);
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes; Teams cards must stay within 28 KB.");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(samples.All, "filestatus");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(samples.All, [.. samples.Files], "filestatus");
}

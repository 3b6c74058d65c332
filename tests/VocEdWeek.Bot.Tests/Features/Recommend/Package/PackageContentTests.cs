using System.IO.Compression;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Tests.Features.Exports;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>
/// The package's three files written by the registered writers from the real stores (files in the local store, picks
/// in IPickStore; PostgreSQL under VOCEDWEEK_TEST_STORAGE), read back with the OpenXml SDK and ZipArchive.
/// </summary>
public sealed class PackageContentTests : PackageTest
{
    [Fact]
    public async Task The_docx_holds_the_picked_case_and_its_photo_and_nothing_unpicked()
    {
        var docx = await World.WriteAsync(ExportKind.RecommendCompilation, Dir.Path);

        Assert.Empty(ReadSheet.Validate(docx));
        var text = ExportChecks.DocxText(docx);
        Assert.Contains("无锡市示例职业技术学院2024年职业教育活动周推荐材料汇编", text);
        Assert.Contains(PackageScenario.CaseText(S.Mech), text);
        Assert.Contains("推荐理由：" + PackageScenario.Reason, text);
        Assert.Contains("作者：" + S.Mech.Liaisons[0].Name, text);
        Assert.Contains("图 2　机电工程学院 5月14日（周二）　开幕式 red.png", text);
        Assert.DoesNotContain(PackageScenario.CaseText(S.Info), text); // withdrawn
        Assert.DoesNotContain(PackageScenario.StoryText(S.Info), text); // only nominated
        Assert.DoesNotContain(PackageScenario.StoryText(S.Mech), text); // never picked
        Assert.DoesNotContain("blue.png", text);
        Assert.Equal([S.Mech.Name, S.Info.Name], ExportChecks.Headings(docx, 1));

        using var doc = WordprocessingDocument.Open(docx, false);
        // The red photo only: the blue one was not picked, and the JPEG-named file is no picture Word could show.
        var image = Assert.Single(doc.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var stream = image.GetStream()) Assert.Equal(S.Red.Sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
        Assert.Contains("格式无法插入文档", text);
        // 1600 × 1200 px is wider than the page: scaled to the printable width, the aspect ratio kept.
        var extent = doc.MainDocumentPart.Document.Descendants<DW.Extent>().Single();
        Assert.InRange(extent.Cx!.Value, DocImage.PageWidthEmu - 2, DocImage.PageWidthEmu);
        Assert.Equal(1200.0 / 1600, extent.Cy!.Value / (double)extent.Cx.Value, 3);
    }

    [Fact]
    public async Task The_sheet_lists_every_picked_item_and_the_zip_holds_the_picked_files_byte_for_byte()
    {
        var xlsx = await World.WriteAsync(ExportKind.RecommendIndex, Dir.Path);
        var zipPath = await World.WriteAsync(ExportKind.RecommendMedia, Dir.Path);

        Assert.Empty(ReadSheet.Validate(xlsx));
        var sheet = ReadSheet.Load(xlsx).Single();
        Assert.Equal("推荐素材清单", sheet.Name);
        var rows = Enumerable.Range(4, 5).ToList();
        Assert.Equal([1.0, 2, 3, 4, 5], rows.Select(r => sheet[1, r]!.Number));
        Assert.Equal(["机电工程学院", "机电工程学院", "机电工程学院", "信息工程学院", "信息工程学院"], rows.Select(r => sheet.Text(2, r)));
        Assert.Equal(["典型活动案例", "照片", "视频", "照片", "视频"], rows.Select(r => sheet.Text(4, r)));
        Assert.StartsWith(PackageScenario.CaseText(S.Mech), sheet.Text(5, 4));
        Assert.Equal(PackageScenario.Reason, sheet.Text(9, 4));
        Assert.Equal("", sheet.Text(5, 9)); // nothing after the five

        string[] zipped = ["机电工程学院_2024-05-14_002_开幕式 red.png", "机电工程学院_2024-05-14_003_短片.mp4", "信息工程学院_2024-05-14_004_签约仪式.jpg"];
        Assert.Equal(["", .. zipped, ""], rows.Select(r => sheet.Text(6, r)));
        Assert.Equal("否（见链接）", sheet.Text(11, 8));
        Assert.Equal(S.LargeVideo.WebUrl, sheet.Text(12, 8));
        Assert.Equal(Math.Round(S.LargeVideo.Size / 1024.0, 2), sheet[8, 8]!.Number);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(zipped, zip.Entries.Select(e => e.FullName));
        var stored = new[] { S.Red, S.SmallVideo, S.NotAPicture };
        foreach (var (entry, file) in zip.Entries.Zip(stored))
        {
            Assert.Equal(file.Size, entry.Length);
            using var content = entry.Open();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));
        }
    }

    [Fact]
    public async Task A_pick_withdrawn_after_the_fact_leaves_the_package()
    {
        new PackageData(World.Services).Withdraw(S.RedPick);

        var docx = await World.WriteAsync(ExportKind.RecommendCompilation, Dir.Path);
        var zipPath = await World.WriteAsync(ExportKind.RecommendMedia, Dir.Path);

        using (var doc = WordprocessingDocument.Open(docx, false)) Assert.Empty(doc.MainDocumentPart!.ImageParts);
        Assert.DoesNotContain("开幕式 red.png", ExportChecks.DocxText(docx));
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("red", StringComparison.Ordinal));
        Assert.Equal(2, zip.Entries.Count);
    }

    [Fact]
    public async Task In_english_the_files_are_in_english_and_the_chinese_names_stay()
    {
        var docx = await World.WriteAsync(ExportKind.RecommendCompilation, Dir.Path, "en-US");
        var text = ExportChecks.DocxText(docx);
        Assert.Contains("2024年职业教育活动周 — recommended materials", text);
        Assert.Contains("Reason: " + PackageScenario.Reason, text);
        var sheet = ReadSheet.Load(await World.WriteAsync(ExportKind.RecommendIndex, Dir.Path, "en-US")).Single();
        Assert.Equal("Typical case", sheet.Text(4, 4));
    }
}

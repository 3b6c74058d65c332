using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>The command's words, picture sizes read from headers, and the video limit's check.</summary>
public sealed class PackageWordsTests
{
    [Theory]
    [InlineData("导出推荐材料")]
    [InlineData("推荐材料导出")]
    [InlineData("导出推荐素材清单")]
    [InlineData("export recommendations")]
    [InlineData("exprot recommendations")]
    public void The_package_is_its_three_files(string text)
    {
        var request = ExportCommandParser.Parse(text, [])!;
        Assert.Equal(ExportKinds.Recommendation, request.Kinds);
        Assert.Equal("", request.Rest);
    }

    [Fact]
    public void Export_all_does_not_include_the_package()
    {
        Assert.Equal(ExportKinds.All, ExportCommandParser.Parse("导出全部", [])!.Kinds);
        Assert.Equal([ExportKind.MediaIndex], ExportCommandParser.Parse("导出素材清单", [])!.Kinds);
    }

    [Fact]
    public void Sizes_come_from_png_jpeg_gif_and_bmp_headers_and_anything_else_is_refused()
    {
        Assert.Equal(new ImageSize(640, 480, "image/png", ".png"), ImageSize.Parse(SolidPng.Make(640, 480, 1, 2, 3)));
        // SOI, an APP0 segment of 16 bytes, then SOF0: length 17, precision 8, height 0x01E0, width 0x0280.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, .. new byte[9]];
        Assert.Equal(new ImageSize(640, 480, "image/jpeg", ".jpg"), ImageSize.Parse(jpeg));
        Assert.Equal(new ImageSize(3, 2, "image/gif", ".gif"), ImageSize.Parse("GIF89a\u0003\0\u0002\0"u8));
        Assert.Null(ImageSize.Parse(MediaBytes.Jpeg(3_000))); // a JPEG's start without a frame header
        Assert.Null(ImageSize.Parse(MediaBytes.Mp4()));
    }

    [Fact]
    public void A_picture_is_never_enlarged_and_a_tall_one_fits_the_height()
    {
        var small = DocImage.Fit(1, "a", new ImageSize(200, 100, "image/png", ".png"));
        Assert.Equal((200 * 9525L, 100 * 9525L), (small.WidthEmu, small.HeightEmu));
        var tall = DocImage.Fit(2, "b", new ImageSize(1000, 4000, "image/png", ".png"));
        Assert.InRange(tall.HeightEmu, DocImage.MaxHeightEmu - 4, DocImage.MaxHeightEmu);
        Assert.Equal(0.25, tall.WidthEmu / (double)tall.HeightEmu, 3);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void The_video_limit_must_be_positive(string value)
    {
        using var world = new ExportsWorld(more: new Dictionary<string, string?> { ["Exports:RecommendMaxVideoBytes"] = value });
        var refused = Assert.Throws<OptionsValidationException>(() => world.Services.GetRequiredService<ExportOptions>());
        Assert.Contains("Exports:RecommendMaxVideoBytes must be a positive number of bytes", refused.Message);
    }
}

using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>
/// Two departments report on Tuesday 14 May with cases, stories, photos and videos. The office picks 机电's case (with a
/// reason), its red photo and small video, 信息's JPEG-named photo and its large video (over the 10 000-byte limit set
/// for the test, so linked, not zipped). Not in the package: 机电's blue photo and story (never picked), 信息's story (only
/// nominated by its liaison) and 信息's case (picked, then withdrawn).
/// </summary>
public sealed class PackageScenario
{
    public const long MaxVideoBytes = 10_000;
    public const string Reason = "开放实训中心，社会反响好";
    public static readonly DateOnly Tuesday = PackageData.Day(1);

    public required Department Mech { get; init; }
    public required Department Info { get; init; }
    public required MediaRecord Red { get; init; }
    public required MediaRecord Blue { get; init; }
    public required MediaRecord SmallVideo { get; init; }
    public required MediaRecord NotAPicture { get; init; }
    public required MediaRecord LargeVideo { get; init; }
    public required Pick RedPick { get; init; }

    public static Dictionary<string, string?> Settings => new() { ["Exports:RecommendMaxVideoBytes"] = MaxVideoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static async Task<PackageScenario> SeedAsync(PackageData data)
    {
        var mech = data.Department(0);
        var info = data.Department(1);
        data.Reports.Report(mech, 0, Tuesday, data.Reports.OnTime(Tuesday));
        data.Reports.Report(info, 1, Tuesday, data.Reports.OnTime(Tuesday));
        var red = await data.FileAsync(mech, Tuesday, "开幕式 red.png", SolidPng.Make(1600, 1200, 0xE0, 0x20, 0x20));
        var blue = await data.FileAsync(mech, Tuesday, "blue.png", SolidPng.Make(400, 300, 0x20, 0x20, 0xE0));
        var small = await data.FileAsync(mech, Tuesday, "短片.mp4", MediaBytes.Mp4(5_000));
        var jpeg = await data.FileAsync(info, Tuesday, "签约仪式.jpg", MediaBytes.Jpeg(3_000));
        var large = await data.FileAsync(info, Tuesday, "宣传片.mp4", MediaBytes.Mp4(20_000), "https://contoso.sharepoint.cn/sites/jwc/宣传片.mp4");

        data.Pick(mech, Tuesday, PickKind.Case, reason: Reason);
        var redPick = data.Pick(mech, Tuesday, PickKind.Photo, red);
        data.Pick(mech, Tuesday, PickKind.Video, small);
        data.Pick(info, Tuesday, PickKind.Photo, jpeg);
        data.Pick(info, Tuesday, PickKind.Video, large);
        data.Pick(info, Tuesday, PickKind.Story, source: PickSource.Liaison);
        data.Withdraw(data.Pick(info, Tuesday, PickKind.Case));
        return new PackageScenario { Mech = mech, Info = info, Red = red, Blue = blue, SmallVideo = small, NotAPicture = jpeg, LargeVideo = large, RedPick = redPick };
    }

    public static string CaseText(Department d) => $"{d.Name}5月14日典型案例";

    public static string StoryText(Department d) => $"{d.Name}优秀校友";
}

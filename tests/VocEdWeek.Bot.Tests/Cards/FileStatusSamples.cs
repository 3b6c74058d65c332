using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The "文件状态" card as office staff see it, from the real card builder on a real LiteDB file: files in SharePoint
/// (the newest linked), waiting for each reason, refused; everything uploaded; no SharePoint configured; in English.
/// Written expanded to artifacts/cards/filestatus-*.json for the node checks.
/// </summary>
public sealed class FileStatusSamples : IDisposable
{
    private readonly List<CardSample> _samples = [];
    private readonly List<TempDir> _dirs = [];
    private readonly FakeTimeProvider _clock = new(FormsWorld.Beijing(2024, 5, 14, 15, 20));

    public FileStatusSamples()
    {
        using (var sp = Start(sharePoint: true))
        {
            var media = sp.GetRequiredService<IMediaStore>();
            Add(media, "jd", "2024-05-14", "开幕式.jpg", RemoteState.Uploaded, 12 * 60);
            Add(media, "xx", "2024-05-14", "实训中心开放日 (剪辑版).mp4", RemoteState.Uploaded, 13 * 60);
            Add(media, "jg", "2024-05-13", "校企签约[现场].png", RemoteState.Uploaded, 14 * 60);
            Add(media, "jd", "2024-05-14", "技能大赛.mp4", RemoteState.Waiting, 0, UploadReason.Unavailable, attempts: 3);
            Add(media, "xx", "2024-05-14", "合影.jpg", RemoteState.Waiting, 0, UploadReason.Throttled, attempts: 1);
            Add(media, "jz", "2024-05-14", "新闻稿.docx", RemoteState.Failed, 0, UploadReason.Refused, attempts: 1, detail: "accessDenied: 403");
            Add(media, "sj", "2024-05-14", "作品展.jpg", RemoteState.Waiting, 0);
            Render(sp, "mixed.zh", "zh-CN");
            Render(sp, "mixed.en", "en-US");
        }
        using (var sp = Start(sharePoint: true))
        {
            var media = sp.GetRequiredService<IMediaStore>();
            Add(media, "jd", "2024-05-14", "开幕式.jpg", RemoteState.Uploaded, 12 * 60);
            for (var i = 1; i <= 5; i++) Add(media, "sj", "2024-05-14", $"作品 {i}.jpg", RemoteState.Uploaded, 11 * 60 + i);
            Render(sp, "all-uploaded.zh", "zh-CN");
        }
        using (var sp = Start(sharePoint: false))
        {
            Add(sp.GetRequiredService<IMediaStore>(), "jd", "2024-05-14", "开幕式.jpg", RemoteState.None, 0);
            Render(sp, "local-only.zh", "zh-CN");
        }

        Files = CardSampleChecks.Write("filestatus", _samples.Select(s => (s.Name, s.Card)));
    }

    public static string Folder => CardSampleChecks.Folder;

    public IReadOnlyList<CardSample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    public CardSample this[string name] => _samples.Single(s => s.Name == name);

    public void Dispose()
    {
        foreach (var dir in _dirs) dir.Dispose();
    }

    private ServiceProvider Start(bool sharePoint)
    {
        var dir = new TempDir();
        _dirs.Add(dir);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Directory"] = dir.Path,
            ["Week:DefinitionFile"] = Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json"),
        };
        if (sharePoint)
        {
            // Never called: the card reads LiteDB only. Anonymous loopback Graph is allowed outside Production.
            settings["SharePoint:GraphBaseUrl"] = "http://127.0.0.1:9/v1.0";
            settings["SharePoint:SiteId"] = FakeGraph.SiteId;
            settings["SharePoint:DriveId"] = FakeGraph.DriveId;
        }
        return AppServices.Build(settings, _clock, new RecordingMessenger());
    }

    private void Add(IMediaStore media, string department, string day, string name, RemoteState remote, int uploadedMinute,
        string? reason = null, int attempts = 0, string? detail = null)
    {
        var uploaded = remote == RemoteState.Uploaded;
        media.Add(new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = department, ItemKey = $"report:{day}", FileName = name, OriginalName = name,
            Kind = MediaKinds.Of(name), Size = 2_400_000, State = MediaState.Stored, ReceivedAt = FormsWorld.Beijing(2024, 5, 14, 9, 0).UtcDateTime,
            Location = $"2024年职业教育活动周/{department}/{day}/{name}",
            Remote = remote, RemoteAttempts = attempts, RemoteError = reason, RemoteErrorDetail = detail,
            RemoteNextAttemptAt = remote == RemoteState.Waiting && attempts > 0 ? FormsWorld.Beijing(2024, 5, 14, 15, 32).UtcDateTime : null,
            RemoteUploadedAt = uploaded ? FormsWorld.Beijing(2024, 5, 14, 0, 0).AddMinutes(uploadedMinute).UtcDateTime : null,
            WebUrl = uploaded ? "https://college.sharepoint.example/sites/office/Shared%20Documents/" + Uri.EscapeDataString(name) : null,
        });
    }

    private void Render(ServiceProvider sp, string name, string locale)
    {
        var card = sp.GetRequiredService<FileStatusCard>();
        var week = sp.GetRequiredService<WeekCatalog>().Active!;
        var t = Strings.For(locale);
        var notUploaded = sp.GetRequiredService<IMediaStore>().NotUploaded().Where(r => r.WeekId == week.Definition.Id).ToList();
        var data = card.Data(week, notUploaded, notUploaded.Count, _clock.GetUtcNow(), t);
        _samples.Add(new CardSample(name, FileStatusCard.Template, data, card.Render(week, _clock.GetUtcNow(), t)));
    }
}

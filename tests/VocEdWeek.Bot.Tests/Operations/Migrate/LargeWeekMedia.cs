using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// Photos and videos as file intake leaves them: about two departments in three sent one message with one to three files
/// on some day. Most were fetched into the local file store (real small files, written by the bot's <see cref="IFileStore"/>)
/// and then uploaded to SharePoint, wait for it, or failed there; some are still pending (a Teams link, no file yet) and
/// a few were refused. Every stored batch was acknowledged.
/// </summary>
internal static class LargeWeekMedia
{
    private static readonly string[] Names = ["开幕式.jpg", "实训中心开放日.png", "技能展示.mp4", "校企合作签约.jpg", "学生作品展.jpg", "工匠讲座.mp4"];

    /// <summary>Returns how many files were written to the file store.</summary>
    public static int Write(OfficeWorld bot, Random random)
    {
        var files = bot.Get<IFileStore>();
        var weeks = bot.Get<WeekCatalog>();
        var batches = new List<List<MediaRecord>>();
        foreach (var department in bot.Week.Definition.Departments)
        {
            if (random.NextDouble() > 0.65) continue;
            var day = bot.Week.Definition.Start.AddDays(random.Next(7));
            var item = new WeekItem(ItemKind.DailyReport, day);
            var at = bot.Week.Calendar.ToInstant(day.ToDateTime(new TimeOnly(8 + random.Next(5), random.Next(60)))).UtcDateTime;
            var batchId = $"a:{department.Id}|act-{department.Id}-{day:MMdd}";
            // Still to fetch: only today's, as a restart fetches older ones at once.
            var pending = day == bot.Week.Definition.End && random.NextDouble() < 0.3;
            var batch = new List<MediaRecord>();
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var name = Names[random.Next(Names.Length)];
                var record = new MediaRecord
                {
                    WeekId = bot.WeekId, DepartmentId = department.Id, ItemKey = item.Key, OriginalName = name, FileName = name, Kind = MediaKinds.Of(name),
                    ReceivedAt = at, FromName = department.Liaisons[0].Name, FromAadObjectId = department.Liaisons[0].AadObjectId, SourceKey = $"{batchId}|{i}",
                    BatchId = batchId, ConversationId = $"a:{department.Id}", Locale = "zh-CN", DownloadAttempts = 1,
                };
                if (pending)
                {
                    record.State = MediaState.Pending;
                    record.DownloadUrl = $"https://college.sharepoint.cn/personal/{department.Id}/Documents/{name}";
                }
                else if (random.NextDouble() < 0.03)
                {
                    record.State = MediaState.Refused;
                    record.RefusedReason = "content_mismatch";
                }
                else Store(record, random, files.SaveAsync(FileIntakeWorker.FolderOf(record, weeks), name, new MemoryStream(Content(name, random)), CancellationToken.None).GetAwaiter().GetResult());
                batch.Add(record);
            }
            batches.Add(batch);
        }
        var media = bot.Get<IMediaStore>();
        var acknowledgements = bot.Get<IUploadAcknowledgementStore>();
        bot.Get<IAtomicWrites>().Atomically(() =>
        {
            foreach (var batch in batches)
            {
                media.AddBatch(batch);
                if (batch.All(m => m.State != MediaState.Pending)) acknowledgements.Acknowledge(batch[0].BatchId, batch.Count, batch[0].ReceivedAt.AddSeconds(20));
            }
        });
        return batches.Sum(b => b.Count(m => m.State == MediaState.Stored));
    }

    private static byte[] Content(string name, Random random)
    {
        var size = 1024 + random.Next(3072);
        var seed = (byte)random.Next(256);
        return Path.GetExtension(name) switch
        {
            ".mp4" => MediaBytes.Mp4(size * 2, seed),
            ".png" => MediaBytes.Png(size, seed),
            _ => MediaBytes.Jpeg(size, seed),
        };
    }

    /// <summary>Fetched into the file store; then on its way to SharePoint: uploaded, waiting, or failed there.</summary>
    private static void Store(MediaRecord record, Random random, StoredFile stored)
    {
        (record.State, record.Location, record.FileName, record.Size, record.Sha256) = (MediaState.Stored, stored.Location, stored.FileName, stored.Size, stored.Sha256);
        var roll = random.NextDouble();
        if (roll < 0.7)
        {
            record.Remote = RemoteState.Uploaded;
            record.RemoteItemId = $"01SP{record.Sha256[..16].ToUpperInvariant()}";
            record.RemotePath = $"职业教育活动周/{stored.Location}";
            record.WebUrl = $"https://college.sharepoint.cn/sites/jwc/Shared%20Documents/{Uri.EscapeDataString(stored.Location)}";
            record.RemoteUploadedAt = record.ReceivedAt.AddMinutes(2);
            record.RemoteAttempts = 1;
        }
        else if (roll < 0.9)
        {
            record.Remote = RemoteState.Waiting;
            record.RemoteAttempts = random.Next(3);
            record.RemoteNextAttemptAt = LargeWeekWorld.Now.UtcDateTime.AddMinutes(random.Next(30));
            record.RemoteError = record.RemoteAttempts == 0 ? null : "throttled";
        }
        else
        {
            record.Remote = RemoteState.Failed;
            record.RemoteAttempts = 5;
            record.RemoteError = "access_denied";
            record.RemoteErrorDetail = "403 accessDenied: 该站点拒绝了上传";
        }
    }
}

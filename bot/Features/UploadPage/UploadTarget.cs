using System.Security.Cryptography;
using System.Text;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>An open upload link resolved against the week file: where its files go, and until when.</summary>
public sealed record UploadTarget(UploadGrant Grant, ActiveWeek Week, Department Department, WeekItem Item, DateTimeOffset ExpiresAt, string Token)
{
    public Strings T => Strings.For(Grant.Locale);

    /// <summary>"机电工程学院 · 5月14日 日报": the same words as the chat acknowledgement.</summary>
    public string Describe() => T.Format("upload_target", Department.Name, ItemNames.FileLabel(Item, T));

    /// <summary>Files of one page run form a batch; the link's hash keeps a batch inside its own link.</summary>
    public string BatchId(string session) =>
        $"{UploadAcknowledger.BatchPrefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Token)))[..16]}|{session}";
}

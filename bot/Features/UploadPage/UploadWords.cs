using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>What a liaison asked for: the link for the current item, a given day, or a named item ("上传链接 总结").</summary>
public sealed record UploadRequest(DatePhraseMatch? Date, ItemKind? Kind);

/// <summary>"上传链接", "手机上传", "upload link" …, optionally with a day or an item name.</summary>
public static class UploadWords
{
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    // Longest first, so "上传链接总结" is read as "上传链接" + "总结", not "上传" + "链接总结".
    private static readonly string[] Phrases = new[]
    {
        "上传链接", "上传页面", "上传网页", "上传网址", "上传地址", "手机上传", "网页上传", "电脑上传", "上传照片", "上传视频", "上传文件", "上传",
        "upload link", "upload page", "upload url", "upload photos", "upload videos", "upload files", "upload",
    }.Select(p => CommandText.From(p).Folded).OrderByDescending(p => p.Length).ToArray();

    /// <summary>The request in the text, or null when it is not an upload command.</summary>
    public static UploadRequest? Parse(CommandText text, DateOnly? today = null, IReadOnlyList<DateOnly>? week = null)
    {
        if (DatePhrase.Find(text.Original, today ?? AnyDay, week) is { } date
            && Remainder(FormWords.Stripped(CommandText.From(date.Rest).Folded)) is { Length: 0 }) return new UploadRequest(date, ItemKind.DailyReport);
        if (Remainder(FormWords.Stripped(text.Folded)) is not { } rest) return null;
        if (rest.Length == 0) return new UploadRequest(null, null);
        var named = CommandText.From(rest);
        if (FormWords.Matches(named, FormWords.Plan)) return new UploadRequest(null, ItemKind.Plan);
        if (FormWords.Matches(named, FormWords.Report)) return new UploadRequest(null, ItemKind.DailyReport);
        if (FormWords.Matches(named, FormWords.Statistics)) return new UploadRequest(null, ItemKind.Statistics);
        if (FormWords.Matches(named, FormWords.Summary)) return new UploadRequest(null, ItemKind.Summary);
        return null;
    }

    /// <summary>What follows the command phrase ("" when nothing), or null when the text does not start with one.</summary>
    private static string? Remainder(string folded)
    {
        foreach (var phrase in Phrases)
        {
            if (folded == phrase) return "";
            if (folded.StartsWith(phrase, StringComparison.Ordinal)) return folded[phrase.Length..].Trim();
        }
        return null;
    }
}

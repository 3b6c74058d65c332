using System.Net;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Protocol;

/// <summary>Turns what Teams sends as "text" into the plain words a person typed.</summary>
public static partial class ActivityText
{
    /// <summary>Removes the bot's own mentions (by entity text, else by name), then reduces HTML to text.</summary>
    public static string Clean(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            if (entity.Mentioned?.Id is null || !string.Equals(entity.Mentioned.Id, botId, StringComparison.OrdinalIgnoreCase)) continue;
            var mentionText = entity.Text ?? $"<at>{entity.Mentioned.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), " ", RegexOptions.IgnoreCase);
        }
        // A bot mention whose entity is missing still shows as <at>BotName</at>.
        if (activity.Recipient?.Name is { Length: > 0 } botName)
        {
            text = Regex.Replace(text, $"<at>{Regex.Escape(botName)}</at>", " ", RegexOptions.IgnoreCase);
        }
        return ToPlain(text);
    }

    /// <summary>Strips tags, decodes entities (&amp;nbsp; included) and folds white space.</summary>
    public static string ToPlain(string text)
    {
        if (text.Length == 0) return text;
        var s = BlockTag().Replace(text, "\n");
        s = AnyTag().Replace(s, "");
        s = WebUtility.HtmlDecode(s).Replace('\u00A0', ' ');
        s = Spaces().Replace(s, " ");
        s = BlankLines().Replace(s, "\n");
        return s.Trim();
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex BlankLines();
}

using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Who collects and who runs the week. The office is where a deadline sentence sends things ("报送至教务处",
/// "报省教育厅职业教育处"), else the office line of the signature ("教务处" above the date). The school is a
/// 学院/学校/大学 named in the header (before "各…:") or in the signature ("无锡职业技术学院教务处").
/// </summary>
internal static partial class NoticeOffice
{
    private const int SignatureLines = 4;
    private const int HeaderLines = 6;

    public static string? Office(NoticeDocument doc, IEnumerable<string> deadlineSentences)
    {
        foreach (var sentence in deadlineSentences)
        {
            foreach (Match m in SentTo().Matches(sentence))
            {
                var name = LeadingSchoolWord().Replace(m.Groups["o"].Value, "");
                if (name.Length >= 2 && !NotAName().IsMatch(name)) return name;
            }
        }
        foreach (var line in Signature(doc))
        {
            var rest = School().Match(line) is { Success: true, Index: 0 } school ? line[school.Length..] : line;
            if (OfficeLine().IsMatch(rest)) return rest;
        }
        return null;
    }

    public static string? School(NoticeDocument doc)
    {
        var header = doc.Lines.Take(HeaderLines).TakeWhile(l => !Salutation().IsMatch(l));
        foreach (var line in header.Concat(Signature(doc)))
        {
            var m = School().Match(line);
            if (m.Success && !NotASchool().IsMatch(m.Value)) return m.Value;
        }
        return null;
    }

    /// <summary>The short lines just above the signing date (offices sign with their name, then the date).</summary>
    private static IEnumerable<string> Signature(NoticeDocument doc)
    {
        var dateLine = -1;
        for (var i = doc.Lines.Count - 1; i >= 0 && dateLine < 0; i--)
        {
            if (NoticeDatePatterns.SignatureDate().IsMatch(doc.Lines[i])) dateLine = i;
        }
        if (dateLine < 0) return [];
        return doc.Lines.Take(dateLine).TakeLast(SignatureLines).Reverse().TakeWhile(l => l.Length <= 24 && !l.Contains('。'));
    }

    [GeneratedRegex(@"(?:报送至|报送到|报送给|发送至|发送到|提交至|提交到|上报至|上报|交至|报至|报送|报)(?<o>\p{IsCJKUnifiedIdeographs}{2,16}?(?:处|办公室|办|室))")]
    private static partial Regex SentTo();

    [GeneratedRegex(@"^(?:学校|我校|本校|校)")]
    private static partial Regex LeadingSchoolWord();

    [GeneratedRegex(@"[的和将在要各与及或]")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,12}(?:处|办公室|办|室)$")]
    private static partial Regex OfficeLine();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,20}?(?:职业技术学院|技师学院|职业学院|学院|技工学校|学校|大学|中专)")]
    private static partial Regex School();

    [GeneratedRegex(@"^(?:各|二级|本|我|该|全)|二级学院")]
    private static partial Regex NotASchool();

    [GeneratedRegex(@"^各.*[:：]$")]
    private static partial Regex Salutation();
}

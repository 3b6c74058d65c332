using System.Text.Json.Nodes;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Plan;

/// <summary>The eleven activity types of the 2024 notice (二、主要活动 1–11), plus 其他. Codes are stored; titles come from the texts.</summary>
public static class ActivityCategories
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "review10", "themed", "joint", "overseas", "digital", "survey",
        "alumniVisit", "alumniReturn", "signing", "openCampus", "jobFair", "other",
    ];

    public static bool IsKnown(string code) => Codes.Contains(code, StringComparer.Ordinal);

    public static string Title(string code, Strings t) => IsKnown(code) ? t[$"cat_{code}"] : code;

    public static JsonArray Choices(Strings t) =>
        new(Codes.Select(c => (JsonNode)new JsonObject { ["title"] = t[$"cat_{c}"], ["value"] = c }).ToArray());
}

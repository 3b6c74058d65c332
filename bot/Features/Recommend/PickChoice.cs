using VocEdWeek.Bot.Features.Forms;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// What a submitted card asks: for each item it showed (their ids travel in the button's data, the toggles are
/// "pick0", "pick1" … in the same order), picked or not; and the one optional reason for the newly picked.
/// </summary>
public sealed record PickChoice(IReadOnlyList<(string ItemId, bool On)> Items, string? Reason)
{
    public const string ItemsField = "items";
    public const int MaxReason = 200;

    public static string ToggleId(int index) => $"pick{index}";

    public static string Join(IEnumerable<string> itemIds) => string.Join('\n', itemIds);

    public static PickChoice Read(FormInput input)
    {
        var ids = input.Text(ItemsField).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = ids.Select((id, i) => (id, input.Trimmed(ToggleId(i)) == "true")).ToList();
        var reason = input.Trimmed("reason");
        if (reason.Length > MaxReason) reason = reason[..MaxReason];
        return new PickChoice(items, reason.Length == 0 ? null : reason);
    }
}

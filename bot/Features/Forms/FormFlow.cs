using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// What every form does: open (pre-filled), re-render (keeping what was typed), submit (check again on
/// the server, store before answering, answer with the receipt; a second click on the same card stores nothing).
/// </summary>
public sealed class FormFlow(ISubmissionStore store, FormCards cards)
{
    public async Task OpenAsync(FormSession s, IForm form, WeekItem item, CancellationToken ct)
    {
        if (form.Unavailable(s, item) is { } why)
        {
            await Reply.TextAsync(s.Turn, why, ct);
            return;
        }
        var current = store.Current(s.WeekId, s.Department.Id, item.Key);
        var card = cards.Form(s, form, item, form.Values(s, item, current), new FieldErrors(), NewCardId());
        await Reply.CardAsync(s.Turn, card, ItemNames.Title(item, s.T), ct);
    }

    public async Task SubmitAsync(FormSession s, IForm form, CancellationToken ct)
    {
        var input = s.Input;
        if (await CardItemAsync(s, form, input, ct) is not { } item) return;
        var cardId = CardIdOf(input);
        var values = form.Read(s, item, input);
        var check = form.Check(s, item, values);
        if (check.Errors.Any || check.Data is null)
        {
            var again = FormBudget.Fit(values, v => cards.Form(s, form, item, v, check.Errors, cardId ?? NewCardId()));
            await Reply.CardAsync(s.Turn, again, null, ct);
            return;
        }
        var (stored, duplicate) = await store.SubmitAsync(new Submission
        {
            WeekId = s.WeekId,
            DepartmentId = s.Department.Id,
            ItemKey = item.Key,
            // When the liaison pressed 提交, not when a busy bot reached it (11:59:59 stays on time).
            SubmittedAt = s.Turn.ReceivedAt.UtcDateTime,
            SubmittedByName = s.Member.Person.Name,
            SubmittedByAadObjectId = s.Turn.User.AadObjectId,
            SubmittedByTeamsId = s.Turn.User.Id,
            IdempotencyKey = cardId is not null ? $"{s.WeekId}|{s.Department.Id}|{item.Key}|{cardId}" : null,
            Data = check.Data,
        });
        await Reply.CardAsync(s.Turn, cards.Receipt(s, form, item, stored, duplicate), ItemNames.Title(item, s.T), ct);
    }

    /// <summary>The same form again with a change (add / remove a row), everything typed kept, no checks yet.</summary>
    public async Task RerenderAsync(FormSession s, IForm form, Func<JsonObject, JsonObject> change, CancellationToken ct)
    {
        var input = s.Input;
        if (await CardItemAsync(s, form, input, ct) is not { } item) return;
        var cardId = CardIdOf(input);
        var values = change(form.Read(s, item, input));
        await Reply.CardAsync(s.Turn, FormBudget.Fit(values, v => cards.Form(s, form, item, v, new FieldErrors(), cardId ?? NewCardId())), null, ct);
    }

    /// <summary>
    /// The item a card was made for (a report card made for 5月14日 always submits to that day), after
    /// checking it belongs to the active week and to this form; null after telling the user otherwise.
    /// </summary>
    public static async Task<WeekItem?> CardItemAsync(FormSession s, IForm? form, FormInput input, CancellationToken ct)
    {
        var weekId = input.Trimmed("weekId");
        if (!string.Equals(weekId, s.WeekId, StringComparison.OrdinalIgnoreCase))
        {
            await Reply.TextAsync(s.Turn, s.T.Format("form_other_week", s.Week.Definition.Title), ct);
            return null;
        }
        var item = WeekItem.Parse(input.Trimmed("itemKey"));
        var valid = item is not null && (form is null || item.Kind == form.Kind)
            && (item.Kind != ItemKind.DailyReport || s.Calendar.IsWeekDay(item.Day!.Value));
        if (!valid)
        {
            await Reply.TextAsync(s.Turn, s.T["form_bad_card"], ct);
            return null;
        }
        if (form?.Unavailable(s, item!) is { } why)
        {
            await Reply.TextAsync(s.Turn, why, ct);
            return null;
        }
        return item;
    }

    public static string NewCardId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The card's id as the bot made it (32 hex digits): it becomes part of a unique database key, so anything else
    /// (a 2,000-character id would break the index) counts as no id.
    /// </summary>
    private static string? CardIdOf(FormInput input)
    {
        var id = input.Trimmed("cardId");
        return id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit) ? id : null;
    }
}

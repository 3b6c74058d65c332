using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Plan;

/// <summary>附件1 方案与信息采集表: liaison contact, plan summary, 宣传专栏 address, planned activities.</summary>
public sealed class PlanForm : IForm
{
    private static readonly string[] Fields = ["liaisonName", "phone", "email", "planSummary", "columnUrl", "activities"];
    private static readonly string[] RowFields = ["name", "category", "date", "place", "audience", "expected"];

    public ItemKind Kind => ItemKind.Plan;

    public string Template => "plan-form";

    public string? Unavailable(FormSession s, WeekItem item) => null;

    public JsonObject Values(FormSession s, WeekItem item, Submission? current)
    {
        if (current is null)
        {
            // Contact details come from the week file so the liaison only checks them.
            var person = s.Member.Person;
            return new JsonObject
            {
                ["liaisonName"] = person.Name, ["phone"] = person.Phone ?? "", ["email"] = person.Email ?? "",
                ["planSummary"] = "", ["columnUrl"] = "",
                ["activities"] = new JsonArray(PlanRows.Empty(PlanRows.NewId())),
            };
        }
        var plan = FormJson.Deserialize<PlanData>(current.Data);
        var rows = plan.Activities.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id, ["name"] = a.Name, ["category"] = a.Category, ["date"] = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["place"] = a.Place, ["audience"] = a.Audience, ["expected"] = FormJson.Number(a.Expected), ["public"] = a.Public ? "true" : "false",
        }).ToArray();
        return new JsonObject
        {
            ["liaisonName"] = plan.LiaisonName, ["phone"] = plan.Phone, ["email"] = plan.Email,
            ["planSummary"] = plan.PlanSummary, ["columnUrl"] = plan.ColumnUrl,
            ["activities"] = rows.Length > 0 ? new JsonArray(rows) : new JsonArray(PlanRows.Empty(PlanRows.NewId())),
        };
    }

    public JsonObject Read(FormSession s, WeekItem item, FormInput input)
    {
        var ids = PlanRows.Parse(input.Text("rows"));
        var rows = ids.Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["name"] = input.Text($"a_{id}_name"),
            ["category"] = input.Trimmed($"a_{id}_category"),
            ["date"] = input.Trimmed($"a_{id}_date"),
            ["place"] = input.Text($"a_{id}_place"),
            ["audience"] = input.Text($"a_{id}_audience"),
            ["expected"] = input.Trimmed($"a_{id}_expected"),
            ["public"] = input.Trimmed($"a_{id}_public") == "true" ? "true" : "false",
        }).ToArray();
        var values = new JsonObject();
        foreach (var field in Fields.SkipLast(1)) values[field] = input.Text(field);
        values["activities"] = rows.Length > 0 ? new JsonArray(rows) : new JsonArray(PlanRows.Empty(PlanRows.NewId()));
        return values;
    }

    public FormCheck Check(FormSession s, WeekItem item, JsonObject values)
    {
        var t = s.T;
        var errors = new FieldErrors();
        string V(string key) => FormJson.Text(values, key);
        errors.Add("liaisonName", FormRules.Text(t, V("liaisonName"), 50, required: true));
        errors.Add("phone", FormRules.Phone(t, V("phone")));
        errors.Add("email", FormRules.Email(t, V("email")));
        errors.Add("planSummary", FormRules.Text(t, V("planSummary"), 2000, required: true));
        if (V("columnUrl").Trim().Length > 0) errors.Add("columnUrl", FormRules.HttpUrl(t, V("columnUrl"), 500));

        var activities = new List<PlannedActivity>();
        foreach (var row in ((JsonArray)values["activities"]!).OfType<JsonObject>())
        {
            if (RowFields.All(f => FormJson.Text(row, f).Trim().Length == 0)) continue; // an untouched row is left out
            if (CheckRow(s, row, errors) is { } activity) activities.Add(activity);
        }
        if (activities.Count == 0 && !errors.All.Keys.Any(k => k.StartsWith("a_", StringComparison.Ordinal)))
            errors.Add("activities", t["plan_err_no_activity"]);
        if (errors.Any) return new FormCheck(errors, null);

        return new FormCheck(errors, FormJson.Serialize(new PlanData
        {
            LiaisonName = V("liaisonName").Trim(), Phone = V("phone").Trim(), Email = V("email").Trim(),
            PlanSummary = V("planSummary").Trim(), ColumnUrl = V("columnUrl").Trim(), Activities = activities,
        }));
    }

    private static PlannedActivity? CheckRow(FormSession s, JsonObject row, FieldErrors errors)
    {
        var t = s.T;
        var id = FormJson.Text(row, "id");
        string V(string key) => FormJson.Text(row, key);
        var before = errors.Count;
        errors.Add($"a_{id}_name", FormRules.Text(t, V("name"), 100, required: true));
        errors.Add($"a_{id}_category", V("category").Length == 0 ? t["form_err_required"] : ActivityCategories.IsKnown(V("category")) ? null : t["plan_err_category"]);
        var (date, dateError) = FormRules.DateInWeek(t, V("date"), s.Calendar, required: true);
        errors.Add($"a_{id}_date", dateError);
        errors.Add($"a_{id}_place", FormRules.Text(t, V("place"), 100, required: true));
        errors.Add($"a_{id}_audience", FormRules.Text(t, V("audience"), 100, required: false));
        var (expected, expectedError) = FormRules.WholeNumber(t, V("expected"), required: false, max: 1_000_000);
        errors.Add($"a_{id}_expected", expectedError);
        if (errors.Count > before) return null;
        return new PlannedActivity
        {
            Id = id, Name = V("name").Trim(), Category = V("category"), Date = date!.Value, Place = V("place").Trim(),
            Audience = V("audience").Trim(), Expected = expected, Public = V("public") == "true",
        };
    }

    public JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors)
    {
        var t = s.T;
        var rows = (JsonArray)values["activities"]!;
        var shown = rows.OfType<JsonObject>().Select((row, i) =>
        {
            var copy = (JsonObject)row.DeepClone();
            var id = FormJson.Text(row, "id");
            copy["heading"] = t.Format("plan_activity_n", i + 1);
            copy["expected"] = FormJson.Number(FormJson.Text(row, "expected"));
            foreach (var f in RowFields) copy["err" + char.ToUpperInvariant(f[0]) + f[1..]] = errors[$"a_{id}_{f}"];
            return (JsonNode)copy;
        }).ToArray();
        return new JsonObject
        {
            ["v"] = values.DeepClone(),
            ["e"] = errors.ToJson(Fields),
            ["activities"] = new JsonArray(shown),
            ["rows"] = PlanRows.Ids(values),
            ["canRemove"] = rows.Count > 1,
            ["canAdd"] = rows.Count < PlanRows.Max,
            ["activitiesHint"] = t.Format("plan_activities_hint", PlanRows.Max),
            ["categories"] = ActivityCategories.Choices(t),
            ["weekStart"] = s.Calendar.Week.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["weekEnd"] = s.Calendar.Week.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dateError"] = FormRules.DateError(t, s.Calendar),
        };
    }

    public IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored)
    {
        var t = s.T;
        var plan = FormJson.Deserialize<PlanData>(stored.Data);
        yield return new(t["plan_fact_liaison"], $"{plan.LiaisonName} · {plan.Phone} · {plan.Email}");
        yield return new(t["plan_summary"], FormRules.Shorten(plan.PlanSummary, 80));
        yield return new(t["plan_column_url"], plan.ColumnUrl.Length > 0 ? plan.ColumnUrl : "—");
        yield return new(t["plan_fact_count"], t.Format("plan_fact_count_value", plan.Activities.Count));
        foreach (var a in plan.Activities.OrderBy(a => a.Date).Take(10))
            yield return new(WeekTime.ShortDay(a.Date, t), $"{a.Name}（{ActivityCategories.Title(a.Category, t)}）");
    }
}

using System.Net.Mail;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// <c>Office:Admins</c>: e-mails/UPNs or Entra object ids of the people who may set up weeks before any week exists —
/// the bootstrap; in the chat they name further admins, staff and observers, kept with each week.
/// </summary>
public sealed class OfficeAdmins
{
    public OfficeAdmins(IEnumerable<string> keys)
    {
        var people = new List<Person>();
        foreach (var raw in keys)
        {
            var key = raw.Trim();
            if (key.Length == 0) continue;
            if (Guid.TryParse(key, out var id)) people.Add(new Person { Name = key, AadObjectId = id.ToString() });
            else if (MailAddress.TryCreate(key, out _)) people.Add(new Person { Name = key, Email = key });
            else throw new ConfigurationException($"Office:Admins: '{key}' is neither an e-mail/UPN nor an Entra object id (GUID).");
        }
        People = people;
    }

    public static OfficeAdmins From(IConfiguration configuration) =>
        new(configuration.GetSection("Office:Admins").Get<string[]>() ?? []);

    public static OfficeAdmins None { get; } = new([]);

    public IReadOnlyList<Person> People { get; }
}

using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Words;
using static VocEdWeek.Bot.Tests.App.AccessTable;

namespace VocEdWeek.Bot.Tests.App;

/// <summary>
/// Issue 15, "roles everywhere" (and issue 11's observers and admins): every command and button × stranger, liaison, backup
/// liaison, observer, office staff and admin, through
/// the real bot. A refused role gets exactly the one refusal for its role and nothing else; a served role never sees one.
/// </summary>
public sealed class AccessTableTests(AccessTableApp world) : IClassFixture<AccessTableApp>
{
    private static readonly string[] AllRefusals = [StaffOnlyToLiaison, StaffOnlyToStranger, LiaisonOnlyToStaff, LiaisonOnlyToStranger, ProgressToStranger, StaffOnlyToObserver, AdminOnly];

    public static TheoryData<string, Role> Cases()
    {
        var data = new TheoryData<string, Role>();
        foreach (var row in Rows)
        {
            foreach (var role in Enum.GetValues<Role>()) data.Add(row.Label, role);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryCommandAndButton_ForEveryRole(string label, Role role)
    {
        var row = Find(label);

        var answers = await world.AnswerAsync(row, role);

        Assert.NotEmpty(answers);
        if (row.Refusal(role) is { } refusal)
        {
            // Refused: that one sentence, and nothing of what the command would have shown.
            Assert.Equal([refusal], answers);
        }
        else
        {
            Assert.DoesNotContain(answers, a => AllRefusals.Contains(a));
        }
    }

    [Fact]
    public void TheTable_ListsEveryRegisteredHandlerAndVerb_WithTheAccessItDeclares()
    {
        var services = world.App.Services;
        foreach (var handler in services.GetServices<ICommandHandler>())
        {
            var rows = Rows.Where(r => !r.IsVerb && r.Handler == handler.GetType()).ToList();
            Assert.True(rows.Count > 0, $"{handler.GetType().Name} is a registered command handler but not in the access table.");
            Assert.All(rows, r => Assert.Equal(handler.Access, r.Access));
        }
        foreach (var handler in services.GetServices<ICardActionHandler>())
        {
            foreach (var verb in handler.Verbs)
            {
                var row = Rows.SingleOrDefault(r => r.IsVerb && r.Input == verb);
                Assert.True(row is not null, $"Verb '{verb}' of {handler.GetType().Name} is registered but not in the access table.");
                Assert.Equal(handler.GetType(), row.Handler);
                Assert.Equal(handler.Access, row.Access);
            }
        }
    }

    [Fact]
    public void EveryCommandRow_IsRoutedToTheHandlerItNames()
    {
        var commands = world.App.Services.GetServices<ICommandHandler>().ToList();
        foreach (var row in Rows.Where(r => !r.IsVerb))
        {
            var turn = new TurnContext(new RecordingMessenger())
            {
                Kind = TurnKind.Message,
                Conversation = new ConversationRef("https://smba.example/", "a:x", "tenant-1", "28:bot", "bot", ConversationScope.Personal, "29:x", null),
                User = new UserRef("29:x", null, "x"),
                Culture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN"),
                ReceivedAt = DateTimeOffset.UnixEpoch,
                Text = row.Input,
            };
            var first = commands.FirstOrDefault(c => c.Matches(CommandText.From(row.Input), turn));
            Assert.True(first?.GetType() == row.Handler, $"'{row.Input}' goes to {first?.GetType().Name ?? "nobody"}, not {row.Handler.Name}.");
        }
    }

    [Fact]
    public void BackupLiaisons_HaveTheRightsOfLiaisons() =>
        Assert.All(Rows, r => Assert.Equal(r.Serves(Role.Liaison), r.Serves(Role.Backup)));

    [Fact]
    public void TheReadmeTable_IsTheTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        Assert.Contains(string.Join("\n", ReadmeLines()), readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}

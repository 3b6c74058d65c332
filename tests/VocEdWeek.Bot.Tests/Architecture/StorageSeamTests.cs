using Mono.Cecil;

namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// LiteDB is how records are kept, not what they are: no public property or field of a model (the weeks, submissions,
/// files, outbox jobs and every feature's stored records; in fact any type outside bot/Storage) has a LiteDB type,
/// so a record can be built, compared and tested without the database, and the store could change.
/// </summary>
public sealed class StorageSeamTests
{
    /// <summary>Where LiteDB itself is opened and handed out (BotDatabase.Database).</summary>
    private const string Storage = "VocEdWeek.Bot.Storage";

    [Fact]
    public void No_public_member_of_a_model_has_a_LiteDB_type()
    {
        var leaks = TypeDependencies.OfBot().Types.Values
            .SelectMany(t => Nested(t))
            .Where(t => !ProtocolSeamTests.InNamespace(TypeDependencies.Outermost(t).FullName, Storage))
            .SelectMany(t => PublicMembers(t).Where(m => MentionsLiteDb(m.Type)).Select(m => $"{t.FullName}.{m.Name} is {m.Type.FullName}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(leaks.Count == 0,
            $"LiteDB types in models ({leaks.Count}):\n  {string.Join("\n  ", leaks)}\n"
            + "Use plain types (a string or Guid key, DateTime, string) and keep LiteDB inside the store that reads and writes them.");
    }

    [Fact]
    public void No_model_carries_a_LiteDB_attribute()
    {
        // [BsonIgnore], [BsonId] … are the store's business: its mapper says them (e.g. OutboxStore), not the record.
        var marked = TypeDependencies.OfBot().Types.Values
            .SelectMany(t => Nested(t))
            .Where(t => !ProtocolSeamTests.InNamespace(TypeDependencies.Outermost(t).FullName, Storage))
            .SelectMany(t => t.Properties.Cast<Mono.Cecil.ICustomAttributeProvider>().Concat(t.Fields).Append(t)
                .SelectMany(m => m.CustomAttributes.Where(a => a.AttributeType.Namespace.StartsWith("LiteDB", StringComparison.Ordinal))
                    .Select(a => $"{t.FullName}: [{a.AttributeType.Name}] on {(m as Mono.Cecil.IMemberDefinition)?.Name ?? t.Name}")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(marked.Count == 0, $"LiteDB attributes in models ({marked.Count}):\n  {string.Join("\n  ", marked)}\nMap it in the store instead (db.Database.Mapper.Entity<T>()); a get-only property is never stored and needs nothing.");
    }

    [Fact]
    public void The_stored_records_are_found()
    {
        // The rule above reads every type; this keeps it honest about reading the real assembly with its records.
        var types = TypeDependencies.OfBot().Types.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.Contains("VocEdWeek.Bot.Weeks.Settings.SettingsLogEntry", types);
        Assert.Contains("VocEdWeek.Bot.Submissions.Submission", types);
        Assert.Contains("VocEdWeek.Bot.Outbox.OutboxJob", types);
    }

    /// <summary>The type and its nested types, without the compiler's (closures, state machines: no model has those).</summary>
    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) =>
        type.NestedTypes.Where(n => !n.Name.StartsWith('<')).SelectMany(Nested).Prepend(type);

    private static IEnumerable<(string Name, TypeReference Type)> PublicMembers(TypeDefinition type) =>
        type.Properties.Where(p => p.GetMethod is { IsPublic: true } || p.SetMethod is { IsPublic: true }).Select(p => (p.Name, p.PropertyType))
            .Concat(type.Fields.Where(f => f.IsPublic).Select(f => (f.Name, f.FieldType)));

    private static bool MentionsLiteDb(TypeReference type) => type switch
    {
        GenericInstanceType g => MentionsLiteDb(g.ElementType) || g.GenericArguments.Any(MentionsLiteDb),
        TypeSpecification s => MentionsLiteDb(s.ElementType),
        _ => TypeDependencies.Outermost(type).Namespace is "LiteDB" or "LiteDB.Engine",
    };
}

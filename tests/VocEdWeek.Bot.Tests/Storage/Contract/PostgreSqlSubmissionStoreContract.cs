using VocEdWeek.Bot.Storage.PostgreSql.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SubmissionStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlSubmissionStoreContract(PgTestDatabase database) : SubmissionStoreContract, IClassFixture<PgTestDatabase>
{
    protected override ISubmissionStore NewStore() => new PgSubmissionStore(database.Fresh());
}

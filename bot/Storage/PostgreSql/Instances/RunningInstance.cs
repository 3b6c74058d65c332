namespace VocEdWeek.Bot.Storage.PostgreSql.Instances;

/// <summary>
/// This instance as the others see it in <c>instances</c>: its name (<see cref="InstanceName"/>), the host it runs on,
/// and where its received files end up (<see cref="LocalStore"/> or <see cref="SharePointStore"/>).
/// </summary>
public sealed record RunningInstance(string Name, string Host, string FileStore)
{
    public const string LocalStore = "local";
    public const string SharePointStore = "sharepoint";

    public bool KeepsFilesLocally => FileStore == LocalStore;
}

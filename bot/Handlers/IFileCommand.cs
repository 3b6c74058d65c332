namespace VocEdWeek.Bot.Handlers;

/// <summary>
/// A command that takes the files sent with its words ("新建活动周" with the notice, "导入名单" with the sheet): the router
/// gives such a message to it, through the access gate, instead of to the liaisons' file intake.
/// </summary>
public interface IFileCommand : ICommandHandler;

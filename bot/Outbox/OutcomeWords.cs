using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Outbox;

/// <summary>An outcome in the office's words: "已送达", "用户已屏蔽机器人", "应用未为该用户安装" …</summary>
public static class OutcomeWords
{
    public static string Of(OutboxOutcome outcome, Strings t) => t[$"outbox_outcome_{Key(outcome)}"];

    public static string Of(OutboxJob job, Strings t) => job.State switch
    {
        OutboxState.Pending when job.Outcome == OutboxOutcome.Throttled => Of(OutboxOutcome.Throttled, t),
        OutboxState.Pending or OutboxState.Sending => Of(OutboxOutcome.Queued, t),
        OutboxState.Failed when job.Outcome == OutboxOutcome.Throttled => Of(OutboxOutcome.Failed, t),
        _ => Of(job.Outcome, t),
    };

    private static string Key(OutboxOutcome outcome) => outcome switch
    {
        OutboxOutcome.Queued => "queued",
        OutboxOutcome.Delivered => "delivered",
        OutboxOutcome.Blocked => "blocked",
        OutboxOutcome.NotInstalled => "not_installed",
        OutboxOutcome.DisabledByAdmin => "disabled",
        OutboxOutcome.UnknownUser => "unknown_user",
        OutboxOutcome.NotReachable => "not_reachable",
        OutboxOutcome.ConversationGone => "conversation_gone",
        OutboxOutcome.Throttled => "throttled",
        OutboxOutcome.Interrupted => "interrupted",
        OutboxOutcome.Unconfirmed => "unconfirmed",
        OutboxOutcome.NoLongerNeeded => "no_longer_needed",
        _ => "failed",
    };
}

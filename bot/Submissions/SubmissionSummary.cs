namespace VocEdWeek.Bot.Submissions;

/// <summary>One department's item: the current version, when the first version came in, and how many versions there are.</summary>
public sealed record SubmissionSummary(Submission Current, DateTime FirstSubmittedAt, int Versions);

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>How many of each upload-page batch's files have been acknowledged in the chat (<see cref="UploadAcknowledger"/>).</summary>
public interface IUploadAcknowledgementStore
{
    /// <summary>
    /// Records that the batch's first <paramref name="count"/> files (in arrival order) are acknowledged, unless at least
    /// that many already were; returns how many were acknowledged before, so the caller acknowledges the files from there
    /// up to <paramref name="count"/> (none when the answer is <paramref name="count"/> or more). Atomic, across instances
    /// too: calls at the same time never hand out the same file twice.
    /// </summary>
    int Acknowledge(string batchId, int count, DateTime at);

    /// <summary>The batch's acknowledgement; null when none went out.</summary>
    UploadAcknowledgement? Find(string batchId);
}

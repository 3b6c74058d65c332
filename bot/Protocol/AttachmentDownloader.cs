using System.Net.Http.Headers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Platform.Credentials;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Streams a user's file from Teams: file.download.info links are pre-authorised (no token);
/// pasted images live on the connector and need the bot's token, which is only ever sent there.
/// Only https addresses are fetched (see <see cref="DownloadClientOptions.Allows"/>); anything else is refused
/// before a request is made, as an ordinary <see cref="FileDownloadException"/> of that one file.
/// </summary>
public sealed class AttachmentDownloader(HttpClient http, IConnectorTokenSource tokens, DownloadClientOptions? options = null) : IFileDownloader
{
    private readonly DownloadClientOptions _options = options ?? DownloadClientOptions.HttpsOnly;

    public async Task<FileDownload> OpenAsync(IncomingFile file, CancellationToken ct)
    {
        if (!_options.Allows(file.DownloadUrl)) throw new FileDownloadException("unsupported download address", unsupportedAddress: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, file.DownloadUrl);
        if (file.NeedsBotToken && await TokenAsync(ct) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new FileDownloadException(ex.Message);
        }
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new FileDownloadException($"HTTP {status}", status);
        }
        var stream = await response.Content.ReadAsStreamAsync(ct);
        return new FileDownload(stream, response.Content.Headers.ContentLength, response.Content.Headers.ContentType?.MediaType, response);
    }

    /// <summary>A refused token becomes a failed download told in words (the key to change), like any other.</summary>
    private async Task<string?> TokenAsync(CancellationToken ct)
    {
        try
        {
            return await tokens.GetTokenAsync(ct);
        }
        catch (Exception ex) when (IdentityErrors.IsTokenFailure(ex))
        {
            throw new FileDownloadException(IdentityErrors.Describe(ex).Message);
        }
    }
}

/// <summary>The bot's connector token (null in anonymous mode). Implemented by the connector's token provider.</summary>
public interface IConnectorTokenSource
{
    Task<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>Anonymous mode: no token.</summary>
public sealed class NoConnectorToken : IConnectorTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(null);
}

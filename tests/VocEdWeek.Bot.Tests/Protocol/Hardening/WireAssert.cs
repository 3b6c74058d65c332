using System.Net;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>What an answer to hostile input may never carry: a stack trace, a source file, a path of the server.</summary>
public static class WireAssert
{
    public static async Task NoInternalsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("at VocEdWeek", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        // An error answer has no body at all; a path like /home/… or /src/… would show up as "/" in it.
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created)) Assert.DoesNotContain("/", body, StringComparison.Ordinal);
    }
}

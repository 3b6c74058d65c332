using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Links;

public sealed class LinkSignerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 14, 1, 30, 0, TimeSpan.Zero));

    private LinkSigner Signer(string? key = null) =>
        new(new WebLinkOptions { SigningKey = key, PublicBaseUrl = "https://bot.example.edu.cn/" }, new StorageOptions { Directory = _dir.Path }, _time);

    private static readonly Dictionary<string, string> Claims = new() { ["d"] = "jd", ["i"] = "report:2024-05-14" };

    [Fact]
    public void A_fresh_link_is_valid_with_its_claims()
    {
        var signer = Signer();
        var check = signer.Verify(signer.Create("upload", Claims, TimeSpan.FromHours(1)), "upload");
        Assert.Equal(LinkStatus.Valid, check.Status);
        Assert.Equal("jd", check["d"]);
        Assert.Equal("report:2024-05-14", check["i"]);
        Assert.Equal(_time.GetUtcNow().AddHours(1), check.ExpiresAt);
    }

    [Fact]
    public void A_link_expires_at_its_lifetime()
    {
        var signer = Signer();
        var token = signer.Create("upload", Claims, TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(LinkStatus.Valid, signer.Verify(token, "upload").Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(LinkStatus.Expired, signer.Verify(token, "upload").Status);
    }

    [Fact]
    public void Another_purpose_is_refused()
    {
        var signer = Signer();
        Assert.Equal(LinkStatus.Invalid, signer.Verify(signer.Create("dashboard", Claims, TimeSpan.FromHours(1)), "upload").Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData(".")]
    [InlineData("!!!.???")]
    public void Garbage_is_invalid(string token) => Assert.Equal(LinkStatus.Invalid, Signer().Verify(token, "upload").Status);

    [Fact]
    public void A_changed_payload_or_signature_is_invalid()
    {
        var signer = Signer();
        var token = signer.Create("upload", Claims, TimeSpan.FromHours(1));
        var dot = token.IndexOf('.');
        var body = token[..dot];
        // Flip one character of the payload, and separately of the signature.
        var alteredBody = (body[5] == 'A' ? 'B' : 'A') + "";
        Assert.Equal(LinkStatus.Invalid, signer.Verify(body[..5] + alteredBody + body[6..] + token[dot..], "upload").Status);
        var sig = token[(dot + 1)..];
        Assert.Equal(LinkStatus.Invalid, signer.Verify(body + "." + (sig[0] == 'A' ? 'B' : 'A') + sig[1..], "upload").Status);
    }

    [Fact]
    public void Every_other_last_character_of_the_signature_is_refused()
    {
        // The last base64 character carries spare bits; a variant decoding to the same bytes must not pass.
        var signer = Signer();
        for (var i = 0; i < 20; i++)
        {
            var token = signer.Create("upload", Claims, TimeSpan.FromHours(1));
            foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            {
                if (c == token[^1]) continue;
                Assert.Equal(LinkStatus.Invalid, signer.Verify(token[..^1] + c, "upload").Status);
            }
        }
    }

    [Fact]
    public void The_generated_key_is_kept_so_links_survive_a_restart_and_another_key_refuses_them()
    {
        var token = Signer().Create("upload", Claims, TimeSpan.FromHours(1));
        Assert.True(Signer().Verify(token, "upload").IsValid);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "link-signing.key")));
        var other = Signer(Convert.ToBase64String(new byte[32]));
        Assert.Equal(LinkStatus.Invalid, other.Verify(token, "upload").Status);
    }

    [Fact]
    public void A_short_configured_key_stops_start_up() =>
        Assert.Throws<ConfigurationException>(() => Signer(Convert.ToBase64String(new byte[8])));

    [Fact]
    public void Urls_are_on_the_public_address() =>
        Assert.Equal("https://bot.example.edu.cn/upload/x", Signer().Url("/upload/x"));

    public void Dispose() => _dir.Dispose();
}

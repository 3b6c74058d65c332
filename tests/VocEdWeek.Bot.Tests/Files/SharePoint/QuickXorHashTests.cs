using VocEdWeek.Bot.Files.SharePoint;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

public sealed class QuickXorHashTests
{
    // Published test vectors (input and hash in base64), across the 20-byte register and the 160-byte period.
    [Theory]
    [InlineData("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("tbQ=", "taAFAAAAAAAAAAAAAgAAAAAAAAA=")]
    [InlineData("luBZlaT6", "lgBHFipBCn0AAAAABgAAAAAAAAA=")]
    [InlineData("T6LYJIfDh81JrAK309H2JMJTXis=", "zBTHrspn3mEcohlJdIUAbjGNaNg=")]
    [InlineData("DWAAX5/CIfrmErgZa8ot6ZraeSbu", "LR2Z0PjuRYGKQB/mhQAuMrAGZbQ=")]
    [InlineData("jyibxJSzO6ZiZ0O1qe3tG/bvIAYssvukh9suIT5wEy1JBINVgPiqdsTW0cOpP0aUfP7mgqLfADkzI/m/GgCuVhr8oFLrOCoTx1/psBOWwhltCbhUx51Icm9aH8tY4Z3ccU+6BKpYQkLCy0B/A9Zc", "hZfLIilSITC6N3e3tQ/iSgEzkto=")]
    [InlineData("PfxMcUd0vIW6VbHG/uj/Y0W6qEoKmyBD0nYebEKazKaKG+UaDqBEcmQjbfQeVnVLuodMoPp7P7TR1htX5n2VnkHh22xDyoJ8C/ZQKiSNqQfXvh83judf4RVr9exJCud8Uvgip6aVZTaPrJHVjQhMCp/dEnGvqg0oN5OVkM2qqAXvA0teKUDhgNM71sDBVBCGXxNOR2bpbD1iM4dnuT0ey4L+loXEHTL0fqMeUcEi2asgImnlNakwenDzz0x57aBwyq3AspCFGB1ncX4yYCr/OaCcS5OKi/00WH+wNQU3", "QX/YEpG0gDsmhEpCdWhsxDzsfVE=")]
    public void Matches_published_vectors(string input, string expected) =>
        Assert.Equal(expected, QuickXorHash.Of(Convert.FromBase64String(input)));

    [Fact]
    public void Any_split_of_the_input_gives_the_same_hash_as_the_bit_by_bit_definition()
    {
        var data = SharePointHarness.Bytes(100_003, 5);
        // The definition written out bit by bit: byte k at bit (11k + b) mod 160, then the length into bytes 12..19.
        var bits = new bool[160];
        for (var k = 0; k < data.Length; k++)
            for (var b = 0; b < 8; b++)
                if ((data[k] >> b & 1) == 1) bits[(int)((11L * k + b) % 160)] ^= true;
        var expected = new byte[20];
        for (var i = 0; i < 160; i++) if (bits[i]) expected[i / 8] |= (byte)(1 << (i % 8));
        var length = BitConverter.GetBytes((long)data.Length);
        for (var i = 0; i < 8; i++) expected[12 + i] ^= length[i];

        foreach (var piece in new[] { 1, 7, 159, 160, 161, 4096, 100_003 })
        {
            var hash = new QuickXorHash();
            for (var at = 0; at < data.Length; at += piece) hash.Append(data.AsSpan(at, Math.Min(piece, data.Length - at)));
            Assert.Equal(Convert.ToBase64String(expected), hash.FinishBase64());
        }
    }
}

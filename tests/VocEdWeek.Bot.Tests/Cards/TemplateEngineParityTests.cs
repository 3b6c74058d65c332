using VocEdWeek.Bot.Cards;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Every TemplateCases/*.json expanded by our TemplateEngine must equal what the official npm
/// adaptivecards-templating package produces (run through node), and fail where it fails.
/// </summary>
public sealed class TemplateEngineParityTests(NodeReference reference) : IClassFixture<NodeReference>
{
    public static TheoryData<string> CaseNames => new(TemplateCase.All.Select(c => c.Name));

    [Fact]
    public void Cases_AreEnough()
    {
        Assert.True(TemplateCase.All.Count >= 25, $"Only {TemplateCase.All.Count} template cases.");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Expand_MatchesNpmPackage(string caseName)
    {
        var testCase = TemplateCase.Get(caseName);
        var (expected, referenceError) = reference.Get(caseName);

        if (testCase.ExpectError)
        {
            Assert.True(referenceError is not null, $"{caseName}: the npm package was expected to fail but returned {JsonAssert.Show(expected)}");
        }
        else
        {
            Assert.True(referenceError is null, $"{caseName}: the npm package failed: {referenceError}");
        }

        if (referenceError is not null)
        {
            var e = Assert.Throws<TemplateException>(() => TemplateEngine.Expand(testCase.Template, testCase.Data));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return;
        }

        var actual = TemplateEngine.Expand(testCase.Template, testCase.Data);
        JsonAssert.Equal(expected, actual, $"{caseName} ({testCase.Description}): ");
    }
}

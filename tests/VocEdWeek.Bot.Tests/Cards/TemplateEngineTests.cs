using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The engine's own behaviour, without Node.js (the parity tests cover the npm comparison).</summary>
public sealed class TemplateEngineTests
{
    private static JsonNode? Expand(string template, string data) =>
        TemplateEngine.Expand(JsonNode.Parse(template), JsonNode.Parse(data));

    private static void AssertExpands(string template, string data, string expected) =>
        JsonAssert.Equal(JsonNode.Parse(expected), Expand(template, data));

    [Fact]
    public void Expand_WholeStringBinding_KeepsJsonType()
    {
        AssertExpands(
            """{"n":"${count}","b":"${flag}","o":"${obj}","a":"${list}","s":"${name}"}""",
            """{"count":3,"flag":true,"obj":{"x":1},"list":[1,"a"],"name":"Ann"}""",
            """{"n":3,"b":true,"o":{"x":1},"a":[1,"a"],"s":"Ann"}""");
    }

    [Fact]
    public void Expand_Interpolation_BuildsText()
    {
        AssertExpands("""{"t":"Hello ${name}, you have ${count} items"}""", """{"name":"Ann","count":3}""",
            """{"t":"Hello Ann, you have 3 items"}""");
    }

    [Fact]
    public void Expand_MissingValue_IsPrintedBackAsItsExpression()
    {
        AssertExpands(
            """{"whole":"${missing}","text":"Hi ${user.name}!","plus":"${missing + 1}","index":"${list[3].x}"}""",
            """{"user":{},"list":[]}""",
            """{"whole":"${missing}","text":"Hi ${user.name}!","plus":"${missing}1","index":"${list[3].x}"}""");
    }

    [Fact]
    public void Expand_MissingValueInConditions_IsUndefined()
    {
        AssertExpands(
            """{"e":"${exists(missing)}","gt":"${missing > 0}","if":"${if(missing, 'y', 'n')}","b":[{"$when":"${missing}","x":1},{"x":2}]}""",
            "{}",
            """{"e":false,"gt":false,"if":"n","b":[{"x":2}]}""");
    }

    [Fact]
    public void Expand_NullValue_IsKeptWholeAndRemovedFromArrays()
    {
        AssertExpands("""{"v":"${x}","a":[1,"${x}",null,2]}""", """{"x":null}""", """{"v":null,"a":[1,2]}""");
    }

    [Fact]
    public void Expand_NullValueInsideText_Throws()
    {
        Assert.Throws<TemplateException>(() => Expand("""{"t":"Hi ${x}"}""", """{"x":null}"""));
    }

    [Fact]
    public void Expand_ArrayData_RepeatsElementWithIndexAndRoot()
    {
        AssertExpands(
            """{"body":[{"$data":"${items}","text":"${$index}:${name}@${$root.week}"}]}""",
            """{"week":"W1","items":[{"name":"a"},{"name":"b"}]}""",
            """{"body":[{"text":"0:a@W1"},{"text":"1:b@W1"}]}""");
    }

    [Fact]
    public void Expand_EmptyArrayData_RemovesElement()
    {
        AssertExpands("""{"body":[{"$data":"${items}","t":"${x}"},{"t":"kept"}]}""", """{"items":[]}""",
            """{"body":[{"t":"kept"}]}""");
    }

    [Fact]
    public void Expand_ObjectData_RebindsNames()
    {
        AssertExpands("""{"b":[{"$data":"${user}","t":"${name}"}]}""", """{"user":{"name":"李雷"}}""", """{"b":[{"t":"李雷"}]}""");
    }

    [Fact]
    public void Expand_NestedData_KeepsIndexPerLevel()
    {
        AssertExpands(
            """{"g":[{"$data":"${groups}","i":"${$index}","m":[{"$data":"${members}","t":"${$index}${name}"}]}]}""",
            """{"groups":[{"members":[{"name":"a"},{"name":"b"}]},{"members":[{"name":"c"}]}]}""",
            """{"g":[{"i":0,"m":[{"t":"0a"},{"t":"1b"}]},{"i":1,"m":[{"t":"0c"}]}]}""");
    }

    [Fact]
    public void Expand_When_KeepsOnlyWhenTrue()
    {
        AssertExpands(
            """{"b":[{"$when":"${count > 0}","x":1},{"$when":"${count == 0}","x":2},{"$when":"${name}","x":3},{"$data":"${items}","$when":"${ok}","v":"${v}"}]}""",
            """{"count":1,"name":"n","items":[{"ok":true,"v":"a"},{"ok":false,"v":"b"}]}""",
            """{"b":[{"x":1},{"v":"a"}]}""");
    }

    [Fact]
    public void Expand_NonStringProperties_AreCopied()
    {
        AssertExpands("""{"n":1.5,"b":false,"o":{"deep":[1,{"x":true}]},"e":[]}""", "{}",
            """{"n":1.5,"b":false,"o":{"deep":[1,{"x":true}]},"e":[]}""");
    }

    [Fact]
    public void Expand_SpecialCharactersInData_StayIntact()
    {
        var data = new JsonObject { ["v"] = "\"q\" 'x'\nline2\\path\t😀" };
        var result = TemplateEngine.Expand(JsonNode.Parse("""{"whole":"${v}","text":"<${v}>"}"""), data)!;
        Assert.Equal("\"q\" 'x'\nline2\\path\t😀", result["whole"]!.GetValue<string>());
        Assert.Equal("<\"q\" 'x'\nline2\\path\t😀>", result["text"]!.GetValue<string>());
        // Written out and read back, the text is the same (a parse alone would prove nothing: it throws on bad JSON).
        Assert.Equal(result["text"]!.GetValue<string>(), JsonNode.Parse(result.ToJsonString())!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Expand_DoesNotChangeItsInputs()
    {
        var template = JsonNode.Parse("""{"b":[{"$data":"${items}","t":"${x}"}]}""");
        var data = JsonNode.Parse("""{"items":[{"x":1}]}""");
        var (templateText, dataText) = (template!.ToJsonString(), data!.ToJsonString());
        TemplateEngine.Expand(template, data);
        Assert.Equal(templateText, template.ToJsonString());
        Assert.Equal(dataText, data.ToJsonString());
    }

    [Fact]
    public void Expand_WithoutData_PrintsBindingsBack()
    {
        JsonAssert.Equal(JsonNode.Parse("""{"t":"${x}"}"""), TemplateEngine.Expand(JsonNode.Parse("""{"t":"${x}"}"""), null));
    }

    [Theory]
    [InlineData("${frobnicate(1)}")]
    [InlineData("Text ${frobnicate(name)} more")]
    [InlineData("${ToUpper(name)}")]
    public void Expand_UnknownFunction_ThrowsNamingIt(string text)
    {
        var e = Assert.Throws<TemplateException>(() => Expand($$"""{"t":"{{text}}"}""", """{"name":"a"}"""));
        Assert.Contains("Unknown or unsupported function", e.Message, StringComparison.Ordinal);
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${a +}")]
    [InlineData("${a b}")]
    [InlineData("${toUpper(5)}")]
    [InlineData("${if(true)}")]
    [InlineData("${toUpper(name, 'tr-TR')}")]
    public void Expand_InvalidExpression_ThrowsEvenWhenDropped(string text)
    {
        var template = $$"""{"b":[{"$when":"${false}","t":"{{text}}"}]}""";
        var e = Assert.Throws<TemplateException>(() => Expand(template, "{}"));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"t":"${list[5]}"}""")]
    [InlineData("""{"t":"${name > 1}"}""")]
    [InlineData("""{"t":"${json(name)}"}""")]
    public void Expand_FailingWholeBinding_Throws(string template)
    {
        Assert.Throws<TemplateException>(() => Expand(template, """{"list":[1],"name":"Ann"}"""));
    }

    [Fact]
    public void Expand_FailingPartOfText_IsPrintedBack()
    {
        AssertExpands("""{"t":"a ${list[5]} b ${count * 2}"}""", """{"list":[1],"count":2}""", """{"t":"a ${list[5]} b 4"}""");
    }

    [Fact]
    public void Expand_Functions_BehaveLikeAdaptiveExpressions()
    {
        AssertExpands(
            """{"j":"${join(w, ', ', ' and ')}","u":"${toUpper('straße')}","f":"${formatNumber(-1234.567, 1)}","s":"${string(1234.5)}","d":"${7 / 2}","c":"${concat(w, w)}","n":"${count(concat([1], w))}"}""",
            """{"w":["a","b","c"]}""",
            """{"j":"a, b and c","u":"STRASSE","f":"\u22121,234.6","s":"1,234.5","d":3,"c":"a,b,ca,b,c","n":4}""");
    }
}

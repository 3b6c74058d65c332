using DocumentFormat.OpenXml.Wordprocessing;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>Normal, Title, Subtitle and Heading 1–3 with the built-in names Word and LibreOffice recognise.</summary>
public static class DocStyles
{
    public static Styles Build(DocFonts fonts)
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = fonts.Latin, HighAnsi = fonts.Latin, EastAsia = fonts.EastAsia, ComplexScript = fonts.Latin },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = fonts.Language, EastAsia = fonts.Language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(
            defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", 36, bold: true, outline: null, fonts, center: true),
            Paragraph("Subtitle", "Subtitle", 22, bold: false, outline: null, fonts, center: true),
            Paragraph("Heading1", "heading 1", 32, bold: true, outline: 0, fonts),
            Paragraph("Heading2", "heading 2", 28, bold: true, outline: 1, fonts),
            Paragraph("Heading3", "heading 3", 24, bold: true, outline: 2, fonts));
    }

    private static Style Paragraph(string id, string name, int halfPoints, bool bold, int? outline, DocFonts fonts, bool center = false)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outline is null ? "120" : "240", After = "120" });
        if (center) paragraph.Append(new Justification { Val = JustificationValues.Center });
        if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
        var run = new StyleRunProperties(new RunFonts { Ascii = fonts.Latin, HighAnsi = fonts.Latin, EastAsia = fonts.HeadingEastAsia });
        if (bold) run.Append(new Bold());
        run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}

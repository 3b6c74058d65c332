using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>The template's few cell styles (indexes into the cell formats below).</summary>
internal static class TemplateStyles
{
    public const uint Text = 1;
    public const uint Title = 2;
    public const uint Header = 3;
    public const uint Example = 4;
    private const uint TextFormat = 49; // "@": keep what is typed as text

    public static Stylesheet Build()
    {
        var fonts = new Fonts(
            Font(11, bold: false, italic: false, grey: false),
            Font(16, bold: true, italic: false, grey: false),
            Font(11, bold: true, italic: false, grey: false),
            Font(11, bold: false, italic: true, grey: true)) { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 };
        var borders = new Borders(new Border(), Thin()) { Count = 2 };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = TextFormat, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center })
            {
                FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = TextFormat, FontId = 3, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyBorder = true }) { Count = 5 };
        return new Stylesheet(fonts, fills, borders, new CellStyleFormats(new CellFormat()) { Count = 1 }, formats);
    }

    private static Font Font(double size, bool bold, bool italic, bool grey)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size });
        font.Append(grey ? new Color { Rgb = "FF808080" } : new Color { Theme = 1 });
        font.Append(new FontName { Val = "等线" });
        return font;
    }

    private static Border Thin()
    {
        static T Side<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFBFBFBF" } };
        return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
    }
}

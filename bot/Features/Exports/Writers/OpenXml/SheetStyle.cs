using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>The cell styles every export uses; the value is the index in the workbook's cellXfs.</summary>
public enum SheetStyle : uint
{
    Default = 0,
    Title,
    Subtitle,
    Header,
    Text,
    Centered,
    Integer,
    DateTime,
    Date,
    TotalLabel,
    TotalInteger,
    TotalText,
    Late,
    MadeUp,
    Missing,
    Exempt,
    Link,
    Note,
    Decimal,
    TotalDecimal,
    ShortDateTime,
}

/// <summary>The stylesheet behind <see cref="SheetStyle"/>: thin borders, a tinted bold header, wrapped text, number formats.</summary>
public static class SheetStyles
{
    private const uint DateTimeFormat = 164;
    private const uint DateFormat = 165;
    private const uint ShortDateTimeFormat = 166;
    private const uint IntegerFormat = 3; // built-in "#,##0"
    private const uint DecimalFormat = 4; // built-in "#,##0.00"

    public static Stylesheet Build(string fontName)
    {
        Font F(double size, bool bold = false, string? color = null, bool italic = false, bool underline = false)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            if (italic) font.Append(new Italic());
            if (underline) font.Append(new Underline());
            font.Append(new FontSize { Val = size });
            if (color is not null) font.Append(new Color { Rgb = color });
            font.Append(new FontName { Val = fontName });
            font.Append(new FontFamilyNumbering { Val = 2 });
            font.Append(new FontCharSet { Val = 134 }); // GB2312: CJK glyphs when the font lacks them
            return font;
        }
        var fonts = new Fonts(
            F(11), F(11, bold: true), F(16, bold: true), F(9, color: "FF595959", italic: true), F(11, color: "FF0563C1", underline: true),
            F(11, color: "FF9C0006"), F(11, color: "FF595959"), F(10, color: "FF404040"));
        Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDDEBF7"), Solid("FFF2F2F2"), Solid("FFFCE4D6"), Solid("FFFFF2CC"), Solid("FFFFC7CE"), Solid("FFEDEDED"));
        BorderPropertiesType Thin<T>() where T : BorderPropertiesType, new() => new T { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFA6A6A6" } };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()));
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = ShortDateTimeFormat, FormatCode = "mm-dd hh:mm" });

        CellFormat X(uint font, uint fill, uint border, uint format, HorizontalAlignmentValues? horizontal, bool wrap = true, VerticalAlignmentValues? vertical = null)
        {
            var xf = new CellFormat { FontId = font, FillId = fill, BorderId = border, NumberFormatId = format, FormatId = 0 };
            if (font != 0) xf.ApplyFont = true;
            if (fill != 0) xf.ApplyFill = true;
            if (border != 0) xf.ApplyBorder = true;
            if (format != 0) xf.ApplyNumberFormat = true;
            xf.ApplyAlignment = true;
            xf.Append(new Alignment { Horizontal = horizontal, Vertical = vertical ?? VerticalAlignmentValues.Center, WrapText = wrap });
            return xf;
        }
        var left = HorizontalAlignmentValues.Left;
        var center = HorizontalAlignmentValues.Center;
        var right = HorizontalAlignmentValues.Right;
        // Order = SheetStyle values.
        var xfs = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0, FormatId = 0 },
            X(2, 0, 0, 0, center, wrap: false),        // Title
            X(7, 0, 0, 0, left, wrap: false),          // Subtitle
            X(1, 2, 1, 0, center),                     // Header
            X(0, 0, 1, 0, left),                       // Text
            X(0, 0, 1, 0, center),                     // Centered
            X(0, 0, 1, IntegerFormat, right),          // Integer
            X(0, 0, 1, DateTimeFormat, center),        // DateTime
            X(0, 0, 1, DateFormat, center),            // Date
            X(1, 3, 1, 0, center),                     // TotalLabel
            X(1, 3, 1, IntegerFormat, right),          // TotalInteger
            X(1, 3, 1, 0, center),                     // TotalText
            X(0, 4, 1, 0, center),                     // Late
            X(0, 5, 1, 0, center),                     // MadeUp
            X(5, 6, 1, 0, center),                     // Missing
            X(6, 7, 1, 0, center),                     // Exempt
            X(4, 0, 1, 0, left),                       // Link
            X(3, 0, 0, 0, left, wrap: false),          // Note
            X(0, 0, 1, DecimalFormat, right),          // Decimal
            X(1, 3, 1, DecimalFormat, right),          // TotalDecimal
            X(0, 0, 1, ShortDateTimeFormat, center));  // ShortDateTime
        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}

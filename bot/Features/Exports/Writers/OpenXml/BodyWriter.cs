using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>Paragraphs, headings and small tables into a document body, one element at a time.</summary>
public sealed class BodyWriter(OpenXmlWriter w)
{
    public void Title(string text) => Styled(text, "Title");

    public void Subtitle(string text) => Styled(text, "Subtitle");

    /// <summary>Heading 1–3 (the styles carry the outline level the navigation pane reads).</summary>
    public void Heading(int level, string text) => Styled(text, $"Heading{Math.Clamp(level, 1, 3)}");

    /// <summary>Body text; each line of a multi-line text becomes its own paragraph.</summary>
    public void Text(string? text, bool indent = true)
    {
        foreach (var line in XmlText.Clean(text).Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length == 0) continue;
            var p = new Paragraph();
            if (indent) p.Append(new ParagraphProperties(new Indentation { FirstLineChars = 200 }));
            p.Append(Run(trimmed, bold: false));
            w.WriteElement(p);
        }
    }

    /// <summary>A bold label followed by text in one paragraph, e.g. "5月14日（周二）：…".</summary>
    public void Labeled(string label, string text)
    {
        var lines = XmlText.Clean(text).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var p = new Paragraph(Run(XmlText.Clean(label), bold: true));
        if (lines.Count > 0) p.Append(Run(lines[0], bold: false));
        w.WriteElement(p);
        foreach (var line in lines.Skip(1)) Text(line);
    }

    /// <summary>A muted note (e.g. "（未提交）").</summary>
    public void Note(string text)
    {
        var run = Run(XmlText.Clean(text), bold: false);
        run.RunProperties = new RunProperties(new Color { Val = "7F7F7F" });
        w.WriteElement(new Paragraph(run));
    }

    /// <summary>A picture centred on its own line, its caption (muted, centred) below it.</summary>
    public void Picture(DocImage image, string caption)
    {
        var center = new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center });
        w.WriteElement(new Paragraph(center, new Run(InlinePicture.Build(image, XmlText.Clean(caption)))));
        var run = Run(XmlText.Clean(caption), bold: false);
        run.RunProperties = new RunProperties(new Color { Val = "595959" }, new FontSize { Val = "20" });
        w.WriteElement(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), run));
    }

    /// <summary>A bordered table with a bold header row; the caller keeps it small (it is built in memory).</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        BorderType B<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" };
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>())));
        table.Append(new TableGrid(widths.Select(x => new GridColumn { Width = x.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, bold: true, widths));
        foreach (var row in rows) table.Append(Row(row, bold: false, widths));
        w.WriteElement(table);
        w.WriteElement(new Paragraph());
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold, IReadOnlyList<int> widths)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DDEBF7" });
            row.Append(new TableCell(props, new Paragraph(Run(XmlText.Clean(cells[i]), bold))));
        }
        return row;
    }

    private void Styled(string text, string styleId) =>
        w.WriteElement(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), Run(XmlText.Clean(text), bold: false)));

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}

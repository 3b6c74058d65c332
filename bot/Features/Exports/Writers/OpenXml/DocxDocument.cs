using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// A Word document written straight to its output: styles first (real "heading 1/2/3" styles with outline levels, so
/// Word's navigation pane and LibreOffice's navigator list them), then the body paragraph by paragraph.
/// </summary>
public static class DocxDocument
{
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Main = "word/document.xml";

    public static void Write(Stream output, string title, DateTimeOffset created, DocFonts fonts, Action<BodyWriter> write)
    {
        using var package = Start(output, title, created, fonts, []);
        WriteBody(package, write);
    }

    /// <summary>
    /// A document with pictures: the body first (it only needs each picture's relationship and size), then each
    /// picture's part, whose bytes <paramref name="copy"/> streams from the stored file.
    /// </summary>
    public static async Task WriteAsync(Stream output, string title, DateTimeOffset created, DocFonts fonts, IReadOnlyList<DocImage> images,
        Action<BodyWriter> write, Func<DocImage, Stream, Task> copy)
    {
        using var package = Start(output, title, created, fonts, images);
        WriteBody(package, write);
        foreach (var image in images) await package.WriteRawAsync(image.PartPath, part => copy(image, part));
    }

    private static StreamingPackage Start(Stream output, string title, DateTimeOffset created, DocFonts fonts, IReadOnlyList<DocImage> images)
    {
        List<PackagePart> parts =
        [
            new(Main, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "", "rId1", Rel + "officeDocument"),
            new("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", Main, "rIdStyles", Rel + "styles"),
            .. images.Select(i => new PackagePart(i.PartPath, i.Size.ContentType, Main, i.RelationshipId, Rel + "image")),
        ];
        var package = new StreamingPackage(output, parts, title, created);
        package.Write("word/styles.xml", w => w.WriteElement(DocStyles.Build(fonts)));
        return package;
    }

    private static void WriteBody(StreamingPackage package, Action<BodyWriter> write)
    {
        package.Write(Main, w =>
        {
            w.WriteStartElement(new Document());
            w.WriteStartElement(new Body());
            write(new BodyWriter(w));
            // A4 portrait, 2.5 cm / 2 cm margins.
            w.WriteElement(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1134, Right = 1134, Header = 851, Footer = 992, Gutter = 0 }));
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }
}

/// <summary>Latin and Chinese fonts for body text and headings.</summary>
public sealed record DocFonts(string Latin, string EastAsia, string HeadingEastAsia, string Language);

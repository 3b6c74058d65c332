using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>One part of a package and the relationship that points at it from its parent ("" = the package itself).</summary>
public sealed record PackagePart(string Path, string ContentType, string Parent, string RelationshipId, string RelationshipType);

/// <summary>
/// Writes an Office Open XML package straight into a zip, one part after the other. The SDK's own package
/// (System.IO.Packaging in update mode) keeps every part uncompressed in memory until it is saved; an export of a
/// large week would hold the whole sheet. Here the plumbing (content types, relationships) is written first from the
/// declared parts, then each part is streamed once through an <see cref="OpenXmlWriter"/>.
/// </summary>
public sealed class StreamingPackage : IDisposable
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly HashSet<string> _pending;

    public StreamingPackage(Stream output, IReadOnlyList<PackagePart> parts, string title, DateTimeOffset created)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var all = parts.Append(CoreProperties).ToList();
        WriteContentTypes(all);
        foreach (var group in all.GroupBy(p => p.Parent)) WriteRelationships(group.Key, group);
        WriteCoreProperties(title, created);
        _pending = parts.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly PackagePart CoreProperties = new(
        "docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", "", "rIdCore",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties");

    /// <summary>Writes one declared part; parts are written one at a time (a zip in create mode has one open entry).</summary>
    public void Write(string path, Action<OpenXmlWriter> write)
    {
        if (!_pending.Remove(path)) throw new InvalidOperationException($"Part '{path}' was not declared or was written already.");
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream);
        write(writer);
    }

    /// <summary>
    /// Writes one declared part's bytes as they are (a picture), stored without compression: photos are compressed
    /// already, and the bytes go from the caller's stream to the file without being held.
    /// </summary>
    public async Task WriteRawAsync(string path, Func<Stream, Task> write)
    {
        if (!_pending.Remove(path)) throw new InvalidOperationException($"Part '{path}' was not declared or was written already.");
        await using var stream = _zip.CreateEntry(path, CompressionLevel.NoCompression).Open();
        await write(stream);
    }

    /// <summary>Ends the package; every declared part must have been written.</summary>
    public void Dispose()
    {
        _zip.Dispose();
        if (_pending.Count > 0) throw new InvalidOperationException($"Parts never written: {string.Join(", ", _pending)}.");
    }

    private void WriteContentTypes(IEnumerable<PackagePart> parts)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        using var xml = Xml("[Content_Types].xml");
        xml.WriteStartElement("Types", ns);
        Default(xml, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, ns, "xml", "application/xml");
        foreach (var part in parts)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", "/" + part.Path);
            xml.WriteAttributeString("ContentType", part.ContentType);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string ns, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private void WriteRelationships(string parent, IEnumerable<PackagePart> children)
    {
        var folder = parent.Length == 0 ? "" : parent[..(parent.LastIndexOf('/') + 1)];
        var name = parent.Length == 0 ? "_rels/.rels" : $"{folder}_rels/{parent[folder.Length..]}.rels";
        using var xml = Xml(name);
        xml.WriteStartElement("Relationships", RelationshipsNs);
        foreach (var child in children)
        {
            xml.WriteStartElement("Relationship", RelationshipsNs);
            xml.WriteAttributeString("Id", child.RelationshipId);
            xml.WriteAttributeString("Type", child.RelationshipType);
            // Targets are relative to the parent's folder.
            xml.WriteAttributeString("Target", child.Path.StartsWith(folder, StringComparison.Ordinal) ? child.Path[folder.Length..] : "/" + child.Path);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteCoreProperties(string title, DateTimeOffset created)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        using var xml = Xml(CoreProperties.Path);
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("dc", "title", dc, XmlText.Clean(title));
        xml.WriteStartElement("dcterms", "created", dcterms);
        xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
        xml.WriteString(created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private XmlWriter Xml(string entry)
    {
        var stream = _zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
        return XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = true });
    }
}

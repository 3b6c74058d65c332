namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// A picture to embed: its part in the package, the relationship the body points at, and its shown size in EMU
/// (already scaled to the page). <see cref="Key"/> says to the caller which file to copy into the part.
/// </summary>
public sealed record DocImage(int Index, string Key, ImageSize Size, long WidthEmu, long HeightEmu)
{
    /// <summary>The printable width of the A4 page with DocxDocument's margins (9638 twips), in EMU.</summary>
    public const long PageWidthEmu = 9638L * 635;

    /// <summary>At most about half the page's height, so a picture and its caption stay on one page with the text above.</summary>
    public const long MaxHeightEmu = 8000L * 635;

    /// <summary>Pixels are shown at 96 per inch, never enlarged, and shrunk to fit keeping their aspect ratio.</summary>
    public static DocImage Fit(int index, string key, ImageSize size)
    {
        const long emuPerPixel = 9525;
        var scale = Math.Min(1.0, Math.Min(PageWidthEmu / (double)(size.Width * emuPerPixel), MaxHeightEmu / (double)(size.Height * emuPerPixel)));
        return new DocImage(index, key, size, Math.Max(1, (long)(size.Width * emuPerPixel * scale)), Math.Max(1, (long)(size.Height * emuPerPixel * scale)));
    }

    public string PartPath => $"word/media/image{Index}{Size.Extension}";

    public string RelationshipId => $"rIdImage{Index}";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Zip;

/// <summary>
/// The [Content_Types].xml of a solution zip, as a Dataverse export writes it: a UTF-8 BOM and XML
/// declaration, one Default per file extension present (xml first) and one Override per part without an
/// extension (packed web resources are often named that way), every type application/octet-stream.
/// </summary>
public static class ContentTypes
{
    public const string EntryName = "[Content_Types].xml";
    public const string OctetStream = "application/octet-stream";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <param name="partNames">Every entry of the zip except [Content_Types].xml itself, in stored order.</param>
    public static byte[] Create(IEnumerable<string> partNames)
    {
        ArgumentNullException.ThrowIfNull(partNames);
        var names = partNames.ToList();
        var extensions = names.Select(Extension).Where(e => e.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(e => e == "xml" ? 0 : 1).ThenBy(e => e, StringComparer.Ordinal);
        var root = new XElement(Types + "Types",
            extensions.Select(e => new XElement(Types + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", OctetStream))),
            names.Where(n => Extension(n).Length == 0)
                .Select(n => new XElement(Types + "Override", new XAttribute("PartName", "/" + n), new XAttribute("ContentType", OctetStream))));

        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>The lower-case extension of the part's file name, without the dot; empty when it has none.</summary>
    public static string Extension(string partName)
    {
        var extension = Path.GetExtension(Path.GetFileName(partName ?? string.Empty));
        return extension.Length <= 1 ? string.Empty : extension[1..].ToLowerInvariant();
    }
}

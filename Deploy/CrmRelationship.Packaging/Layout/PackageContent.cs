using System.Collections.Generic;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Layout;

/// <summary>
/// Everything one zip holds before it is written: the assembled customizations.xml and solution.xml, the
/// component files to read from the source or the build output, and the files copied as they are.
/// </summary>
public sealed record PackageContent(
    XElement Customizations,
    XElement Manifest,
    IReadOnlyList<ComponentFile> Files,
    IReadOnlyList<string> ManagedVariants);

/// <summary>A file stored in the zip beside customizations.xml.</summary>
/// <param name="PackedPath">The entry name (forward slashes, no leading slash).</param>
/// <param name="SourcePath">Where the source layout names it, relative to the source folder; the mapping file may redirect it.</param>
/// <param name="IsXml">True for an XML component file copied from the source: written in the export's XML form.</param>
/// <param name="Registration">The .data.xml that describes it, when one does (web resources, the plug-in assembly).</param>
public sealed record ComponentFile(string PackedPath, string SourcePath, bool IsXml, string? Registration);

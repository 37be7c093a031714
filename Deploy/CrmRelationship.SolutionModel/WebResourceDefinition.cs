using System;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// A web resource of <c>WebResources/&lt;name as path&gt;.data.xml</c>. Its content is never in the source: the
/// packer (or SolutionPackager with Solution/map.xml) takes it from WebResources/dist and writes it to
/// <see cref="FileName"/> in the zip.
/// </summary>
/// <param name="Name">The unique name, e.g. <c>rel_/scripts/contactform.js</c>; also the path of the data file.</param>
/// <param name="Type">webresourcetype: 1 HTML, 2 CSS, 3 JScript, 4 XML, 5 PNG, 6 JPG, 7 GIF, 8 XAP, 9 XSL, 10 ICO, 11 SVG, 12 RESX.</param>
/// <param name="FileName">The packed path of the content, e.g. <c>/WebResources/rel_scriptscontactformjs&lt;ID&gt;</c>.</param>
/// <param name="RelativePath">The data file, relative to the source folder.</param>
public sealed record WebResourceDefinition(
    Guid Id,
    string Name,
    string DisplayName,
    string Description,
    int Type,
    string FileName,
    string RelativePath)
{
    public const int Html = 1;
    public const int JScript = 3;

    /// <summary>Where SolutionPackager expects the content: the data file's path without <c>.data.xml</c>.</summary>
    public string ContentPath => RelativePath.Substring(0, RelativePath.Length - ".data.xml".Length);
}

using System;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Puts one unpacked file back where it sits in a packed customizations.xml, inside an
/// <c>&lt;ImportExportXml&gt;</c> root, so that it can be validated against CustomizationsSolution.xsd
/// (whose unpacked roots are only local elements) and so that the packer composes the same shape.
/// </summary>
public static class CustomizationsWrapper
{
    /// <summary>The file inside an ImportExportXml document, or null for files with no schema
    /// (Other/Solution.xml, the Other/Relationships.xml index and the customapis/ files, which travel
    /// beside customizations.xml in the zip and which the 2018 schema does not know).</summary>
    public static XDocument? Wrap(SourceFile file)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var root = XmlSyntax.Load(file.FullPath, file.RelativePath).Root
            ?? throw new SolutionSourceException($"{file.RelativePath}: no root element");
        if (file.Kind == SourceFileKind.Customizations)
        {
            return new XDocument(root);
        }

        XElement? content = file.Kind switch
        {
            SourceFileKind.OptionSet => new XElement("optionsets", root),
            SourceFileKind.Entity => new XElement("Entities", root),
            SourceFileKind.RibbonDiff => InEntity(file, root),
            SourceFileKind.Form => InEntity(file, new XElement("FormXml",
                new XElement("forms", new XAttribute("type", file.Folders[3]), root.Elements("systemform")))),
            SourceFileKind.View => InEntity(file, new XElement("SavedQueries", root)),
            SourceFileKind.Chart => InEntity(file, new XElement("Visualizations", root)),
            SourceFileKind.Relationships => root,
            SourceFileKind.SecurityRole => new XElement("Roles", root),
            SourceFileKind.AppModule => new XElement("AppModules", root),
            SourceFileKind.SiteMap => new XElement("AppModuleSiteMaps", root),
            SourceFileKind.PluginAssembly => new XElement("SolutionPluginAssemblies", root),
            SourceFileKind.Step => new XElement("SdkMessageProcessingSteps", root),
            SourceFileKind.WebResource => new XElement("WebResources", root),
            _ => null,
        };
        return content is null ? null : new XDocument(new XElement("ImportExportXml", content));
    }

    private static XElement InEntity(SourceFile file, XElement part)
    {
        var name = file.Folders[1];
        return new XElement("Entities", new XElement("Entity",
            new XElement("Name", new XAttribute("LocalizedName", name), new XAttribute("OriginalName", name), name),
            part));
    }

    /// <summary>True when <see cref="Wrap"/> gives a document for this kind of file.</summary>
    public static bool HasSchema(SourceFileKind kind) =>
        kind is not (SourceFileKind.SolutionManifest or SourceFileKind.RelationshipIndex or SourceFileKind.Unknown
            or SourceFileKind.CustomApi or SourceFileKind.CustomApiRequestParameter or SourceFileKind.CustomApiResponseProperty);

    internal static string PathOf(XObject node)
    {
        var element = node as XElement ?? node.Parent;
        var names = element?.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName) ?? Enumerable.Empty<string>();
        var path = "/" + string.Join("/", names);
        return node is XAttribute attribute ? $"{path}/@{attribute.Name.LocalName}" : path;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

// Web resources and Custom APIs.
internal static class ExtensionReader
{
    public static WebResourceDefinition ReadWebResource(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        if (root.Name.LocalName != "WebResource")
        {
            throw xml.Error($"root element is <{root.Name.LocalName}>, not <WebResource>");
        }

        return new WebResourceDefinition(
            xml.GuidText(root, "WebResourceId"),
            xml.Text(root, "Name"),
            Xml.OptionalText(root, "DisplayName") ?? string.Empty,
            Xml.OptionalText(root, "Description") ?? string.Empty,
            xml.Int(root, "WebResourceType"),
            xml.Text(root, "FileName"),
            file.RelativePath);
    }

    /// <summary>Every Custom API, each with the parameter and property files under its folder.</summary>
    public static IReadOnlyList<CustomApiDefinition> ReadCustomApis(IReadOnlyList<SourceFile> files)
    {
        var fields = files.Where(f => f.Kind is SourceFileKind.CustomApiRequestParameter or SourceFileKind.CustomApiResponseProperty)
            .Select(f => (File: f, Field: ReadField(f)))
            .ToList();
        var apis = files.Where(f => f.Kind == SourceFileKind.CustomApi).Select(f =>
        {
            var folder = string.Join("/", f.Folders);
            IReadOnlyList<CustomApiField> Under(SourceFileKind kind) => fields
                .Where(x => x.File.Kind == kind && x.File.RelativePath.StartsWith(folder + "/", StringComparison.Ordinal))
                .Select(x => x.Field)
                .OrderBy(x => x.UniqueName, StringComparer.Ordinal)
                .ToList();
            return ReadApi(f, Under(SourceFileKind.CustomApiRequestParameter), Under(SourceFileKind.CustomApiResponseProperty));
        }).ToList();

        var orphan = fields.FirstOrDefault(x => !apis.Any(a => x.File.RelativePath.StartsWith(a.Folder + "/", StringComparison.Ordinal)));
        return orphan.File is null
            ? apis
            : throw new SolutionSourceException($"{orphan.File.RelativePath}: no customapi.xml in the Custom API folder above it");
    }

    private static CustomApiDefinition ReadApi(SourceFile file, IReadOnlyList<CustomApiField> request, IReadOnlyList<CustomApiField> response)
    {
        var xml = Xml.Load(file);
        var root = Expect(xml, "customapi");
        // Exports name the plug-in type by <plugintypeexportkey>, which for a type of an assembly is its
        // PluginTypeId; Microsoft Learn also accepts <plugintypeid> ("either value works").
        var reference = root.Element("plugintypeid")?.Elements().FirstOrDefault(e => e.Name.LocalName is "plugintypeexportkey" or "plugintypeid");
        var pluginType = reference?.Value.Trim();
        return new CustomApiDefinition(
            xml.Attr(root, "uniquename"),
            xml.Text(root, "name"),
            LocalizedLabel(root, "displayname"),
            LocalizedLabel(root, "description"),
            xml.Int(root, "bindingtype"),
            Xml.OptionalText(root, "boundentitylogicalname") ?? string.Empty,
            Flag(xml, root, "isfunction"),
            root.Element("isprivate") is not null && Flag(xml, root, "isprivate"),
            xml.Int(root, "allowedcustomprocessingsteptype"),
            Xml.OptionalText(root, "executeprivilegename") ?? string.Empty,
            root.Element("workflowsdkstepenabled") is not null && Flag(xml, root, "workflowsdkstepenabled"),
            string.IsNullOrEmpty(pluginType) ? null : xml.ParseGuid(pluginType!, reference!.Name.LocalName),
            request,
            response,
            string.Join("/", file.Folders));
    }

    private static CustomApiField ReadField(SourceFile file)
    {
        var xml = Xml.Load(file);
        var isRequest = file.Kind == SourceFileKind.CustomApiRequestParameter;
        var root = Expect(xml, isRequest ? "customapirequestparameter" : "customapiresponseproperty");
        if (!isRequest && root.Element("isoptional") is not null)
        {
            // Microsoft Learn: isoptional is not valid for a response property and fails the import.
            throw xml.Error("a response property must not have <isoptional>");
        }

        return new CustomApiField(
            xml.Attr(root, "uniquename"),
            xml.Text(root, "name"),
            LocalizedLabel(root, "displayname"),
            LocalizedLabel(root, "description"),
            xml.Int(root, "type"),
            isRequest ? Flag(xml, root, "isoptional") : null,
            Xml.OptionalText(root, "logicalentityname") ?? string.Empty,
            file.RelativePath);
    }

    private static XElement Expect(Xml xml, string rootName) =>
        xml.Root.Name.LocalName == rootName ? xml.Root : throw xml.Error($"root element is <{xml.Root.Name.LocalName}>, not <{rootName}>");

    private static bool Flag(Xml xml, XElement parent, string name) => xml.Text(parent, name) switch
    {
        "0" => false,
        "1" => true,
        var other => throw xml.Error($"<{name}> is '{other}', not 0 or 1"),
    };

    // <displayname default=".."><label description=".." languagecode="1033" /></displayname>
    private static string LocalizedLabel(XElement parent, string name)
    {
        var element = parent.Element(name);
        return element?.Elements("label").FirstOrDefault(l => (string?)l.Attribute("languagecode") == "1033")?.Attribute("description")?.Value
            ?? (string?)element?.Attribute("default")
            ?? string.Empty;
    }
}

using System.Linq;

namespace CrmRelationship.SolutionModel;

// Other/Solution.xml.
internal static class ManifestReader
{
    public static SolutionManifest Read(SourceFile file)
    {
        var xml = Xml.Load(file);
        var manifest = xml.Child(xml.Root, "SolutionManifest");
        var publisher = xml.Child(manifest, "Publisher");
        var roots = xml.Child(manifest, "RootComponents").Elements("RootComponent")
            .Select(r => new RootComponent(
                xml.ParseInt(xml.Attr(r, "type"), "root component type"),
                (string?)r.Attribute("schemaName"),
                r.Attribute("id") is { } id ? xml.ParseGuid(id.Value, "root component id") : null,
                xml.ParseInt(xml.Attr(r, "behavior"), "root component behavior")))
            .ToList();
        return new SolutionManifest(
            xml.Text(manifest, "UniqueName"),
            Xml.Label(manifest, "LocalizedNames", "LocalizedName"),
            xml.Text(manifest, "Version"),
            xml.Int(manifest, "Managed"),
            xml.Text(publisher, "UniqueName"),
            Xml.Label(publisher, "LocalizedNames", "LocalizedName"),
            xml.Text(publisher, "CustomizationPrefix"),
            xml.Int(publisher, "CustomizationOptionValuePrefix"),
            roots);
    }
}

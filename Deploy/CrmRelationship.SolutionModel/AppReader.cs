using System.Linq;

namespace CrmRelationship.SolutionModel;

// Security roles, model-driven apps and their site maps.
internal static class AppReader
{
    public static SecurityRoleDefinition ReadRole(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var privileges = root.Element("RolePrivileges")?.Elements("RolePrivilege")
            .Select(p => new RolePrivilege(xml.Attr(p, "name"), xml.Attr(p, "level"))).ToList()
            ?? new System.Collections.Generic.List<RolePrivilege>();
        return new SecurityRoleDefinition(xml.ParseGuid(xml.Attr(root, "id"), "role id"), xml.Attr(root, "name"), privileges);
    }

    public static AppModuleDefinition ReadApp(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var components = xml.Child(root, "AppModuleComponents").Elements("AppModuleComponent")
            .Select(c => new AppModuleComponent(
                xml.ParseInt(xml.Attr(c, "type"), "component type"),
                (string?)c.Attribute("schemaName"),
                c.Attribute("id") is { } id ? xml.ParseGuid(id.Value, "component id") : null))
            .ToList();
        var roles = root.Element("AppModuleRoleMaps")?.Elements("Role")
            .Select(r => xml.ParseGuid(xml.Attr(r, "id"), "role id")).ToList()
            ?? new System.Collections.Generic.List<System.Guid>();
        return new AppModuleDefinition(
            xml.Text(root, "UniqueName"),
            Xml.Label(root, "LocalizedNames", "LocalizedName"),
            components,
            roles);
    }

    public static SiteMapDefinition ReadSiteMap(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var subAreas = xml.Child(root, "SiteMap").Descendants("SubArea")
            .Select(s => new SiteMapSubArea(
                xml.Attr(s, "Id"),
                (string?)s.Attribute("Entity"),
                s.Element("Titles")?.Elements("Title").Select(t => (string?)t.Attribute("Title")).FirstOrDefault() ?? string.Empty))
            .ToList();
        return new SiteMapDefinition(xml.Text(root, "SiteMapUniqueName"), subAreas);
    }
}

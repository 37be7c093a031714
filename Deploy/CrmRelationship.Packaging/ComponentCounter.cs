using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging.Layout;

namespace CrmRelationship.Packaging;

/// <summary>
/// Counts what a package carries, by kind, from the packed customizations.xml and the component files,
/// for the pack summary and the README's component list. Kinds with no component are left out.
/// </summary>
public static class ComponentCounter
{
    public static IReadOnlyList<ComponentCount> Count(PackageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var root = content.Customizations;
        int Of(params string[] path) => Descend(root, path).Count();
        int Files(string folder, string fileName) => content.Files.Count(f =>
            f.PackedPath.StartsWith(folder + "/", StringComparison.Ordinal) && f.PackedPath.EndsWith("/" + fileName, StringComparison.Ordinal));

        var counts = new List<ComponentCount>
        {
            new("Tables (existing tables extended)", Of("Entities", "Entity")),
            new("Columns", Of("Entities", "Entity", "EntityInfo", "entity", "attributes", "attribute")),
            new("Global choices", Of("optionsets", "optionset")),
            new("Relationships", Of("EntityRelationships", "EntityRelationship")),
            new("Forms", root.Descendants("systemform").Count()),
            new("Views", root.Descendants("savedquery").Count()),
            new("Charts", root.Descendants("visualization").Count()),
            new("Security roles", Of("Roles", "Role")),
            new("Model-driven apps", Of("AppModules", "AppModule")),
            new("Site maps", Of("AppModuleSiteMaps", "AppModuleSiteMap")),
            new("Web resources", Of("WebResources", "WebResource")),
            new("Plug-in assemblies", Of("SolutionPluginAssemblies", "PluginAssembly")),
            new("Plug-in types", Of("SolutionPluginAssemblies", "PluginAssembly", "PluginTypes", "PluginType")),
            new("Plug-in steps", Of("SdkMessageProcessingSteps", "SdkMessageProcessingStep")),
            new("Step images", root.Descendants("SdkMessageProcessingStepImage").Count()),
            new("Custom APIs", Files("customapis", "customapi.xml")),
            new("Custom API request parameters", Files("customapis", "customapirequestparameter.xml")),
            new("Custom API response properties", Files("customapis", "customapiresponseproperty.xml")),
            new("Environment variable definitions", Files("environmentvariabledefinitions", "environmentvariabledefinition.xml")),
        };
        return counts.Where(c => c.Count > 0).ToList();
    }

    private static IEnumerable<XElement> Descend(XElement root, string[] path) =>
        path.Aggregate(new[] { root }.AsEnumerable(), (current, name) => current.Elements(name));
}

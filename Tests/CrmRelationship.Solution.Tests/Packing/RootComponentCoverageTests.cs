using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The packed solution.xml lists a root component for every component of the packed customizations.xml that
/// real exports list as a root (tables, global choices, roles, web resources, site map, app, plug-in assembly,
/// steps) and nothing else; forms, views, charts and relationships travel inside a root table. Custom APIs are not in customizations.xml: they
/// travel as their customapis/ folder (Microsoft Learn, "Create a custom API with solution files") without
/// a root component, because their component type code differs between environments; each one's plug-in
/// type must be in the packed assembly.
/// </summary>
[TestFixture]
public sealed class RootComponentCoverageTests
{
    [Test]
    public void RootComponents_ComparedWithThePackedCustomizations_AreExactlyItsComponents()
    {
        var zip = PackRun.Both[PackageType.Unmanaged];
        var customizations = zip.Xml("customizations.xml");
        var packed = new List<string>();
        packed.AddRange(customizations.Elements("Entities").Elements("Entity").Select(e => Named(ComponentType.Entity, e.Element("Name")!.Value.ToLowerInvariant())));
        packed.AddRange(customizations.Elements("optionsets").Elements("optionset").Select(o => Named(ComponentType.OptionSet, (string)o.Attribute("Name")!)));
        packed.AddRange(customizations.Elements("Roles").Elements("Role").Select(r => WithId(ComponentType.Role, (string)r.Attribute("id")!)));
        packed.AddRange(customizations.Elements("WebResources").Elements("WebResource").Select(w => Named(ComponentType.WebResource, w.Element("Name")!.Value)));
        packed.AddRange(customizations.Elements("AppModuleSiteMaps").Elements("AppModuleSiteMap").Select(s => Named(ComponentType.SiteMap, s.Element("SiteMapUniqueName")!.Value)));
        packed.AddRange(customizations.Elements("AppModules").Elements("AppModule").Select(a => Named(ComponentType.AppModule, a.Element("UniqueName")!.Value)));
        packed.AddRange(customizations.Elements("SolutionPluginAssemblies").Elements("PluginAssembly")
            .Select(a => $"{ComponentType.PluginAssembly} {Guid.Parse((string)a.Attribute("PluginAssemblyId")!)} {(string)a.Attribute("FullName")!}"));
        packed.AddRange(customizations.Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep")
            .Select(s => WithId(ComponentType.SdkMessageProcessingStep, (string)s.Attribute("SdkMessageProcessingStepId")!)));

        var roots = zip.Xml("solution.xml").Element("SolutionManifest")!.Element("RootComponents")!.Elements("RootComponent").Select(r =>
        {
            var type = int.Parse((string)r.Attribute("type")!, System.Globalization.CultureInfo.InvariantCulture);
            return (Id: (string?)r.Attribute("id"), Name: (string?)r.Attribute("schemaName")) switch
            {
                ({ } id, { } name) => $"{type} {Guid.Parse(id)} {name}",
                ({ } id, null) => WithId(type, id),
                (null, var name) => Named(type, name ?? string.Empty),
            };
        });

        Assert.That(roots, Is.EquivalentTo(packed));
    }

    [Test]
    public void FormsViewsChartsAndRelationships_Packed_AreInsideARootTable()
    {
        var zip = PackRun.Both[PackageType.Unmanaged];
        var customizations = zip.Xml("customizations.xml");
        var tables = zip.Xml("solution.xml").Descendants("RootComponent").Where(r => (string?)r.Attribute("type") == "1")
            .Select(r => (string)r.Attribute("schemaName")!).ToHashSet(StringComparer.Ordinal);
        var parts = customizations.Descendants("savedquery").Concat(customizations.Descendants("systemform")).Concat(customizations.Descendants("visualization"))
            .Select(p => p.Ancestors("Entity").Single().Element("Name")!.Value.ToLowerInvariant())
            .Concat(customizations.Elements("EntityRelationships").Elements("EntityRelationship")
                .SelectMany(r => new[] { r.Element("ReferencingEntityName")!.Value, r.Element("ReferencedEntityName")!.Value }).Select(e => e.ToLowerInvariant()))
            .ToList();

        Assert.That((parts.Count, parts.Where(t => !tables.Contains(t)).Distinct()),
            Is.EqualTo((Fixture.Source.Forms.Count + Fixture.Source.Views.Count + Fixture.Source.Charts.Count + 2 * Fixture.Source.Relationships.Count, Array.Empty<string>())));
    }

    [Test]
    public void CustomApis_EachPacked_NamesAPluginTypeOfThePackedAssembly()
    {
        var zip = PackRun.Both[PackageType.Unmanaged];
        var pluginTypes = zip.Xml("customizations.xml").Descendants("PluginType").Select(t => Guid.Parse((string)t.Attribute("PluginTypeId")!)).ToHashSet();
        var apis = zip.Names.Where(n => n.StartsWith("customapis/", StringComparison.Ordinal) && n.EndsWith("/customapi.xml", StringComparison.Ordinal))
            .Select(n => zip.Xml(n))
            .ToList();
        var sourceApis = Fixture.Source.Files.Count(f => f.RelativePath.StartsWith("customapis/", StringComparison.Ordinal) && f.RelativePath.EndsWith("/customapi.xml", StringComparison.Ordinal));
        var unresolved = apis.Where(a => a.Element("plugintypeid")?.Element("plugintypeexportkey") is not { } id || !pluginTypes.Contains(Guid.Parse(id.Value)))
            .Select(a => (string?)a.Attribute("uniquename"));

        Assert.That((apis.Count, unresolved), Is.EqualTo((sourceApis, Array.Empty<string?>())));
    }

    private static string Named(int type, string name) => $"{type} {name}";

    private static string WithId(int type, string id) => $"{type} {Guid.Parse(id)}";
}

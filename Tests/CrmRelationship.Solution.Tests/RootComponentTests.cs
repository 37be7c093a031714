using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Other/Solution.xml lists every component the source defines that real exports list as a root, and nothing
/// else. Columns, forms, views, charts and relationships travel inside their table (contact and account are
/// shell roots, behavior 2, as in Apollo's 2026 export, whose new contact and account forms and views are no
/// roots), plug-in types and images inside the assembly and the steps; the Custom API travels as its
/// customapis/ folder.
/// </summary>
[TestFixture]
public sealed class RootComponentTests
{
    [Test]
    public void RootComponents_ComparedWithTheSource_AreExactlyItsComponents()
    {
        var source = Fixture.Source;
        var expected = new List<string>();
        expected.AddRange(source.Entities.Select(e => Named(ComponentType.Entity, e.LogicalName)));
        expected.AddRange(source.OptionSets.Select(o => Named(ComponentType.OptionSet, o.Name)));
        expected.AddRange(source.Roles.Select(r => WithId(ComponentType.Role, r.Id)));
        expected.AddRange(source.WebResources.Select(w => Named(ComponentType.WebResource, w.Name)));
        expected.AddRange(source.SiteMaps.Select(s => Named(ComponentType.SiteMap, s.UniqueName)));
        expected.AddRange(source.Apps.Select(a => Named(ComponentType.AppModule, a.UniqueName)));
        expected.AddRange(source.PluginAssemblies.Select(a => $"{ComponentType.PluginAssembly} {a.Id} {a.Identity}"));
        expected.AddRange(source.Steps.Select(s => WithId(ComponentType.SdkMessageProcessingStep, s.Id)));

        var actual = source.Manifest.RootComponents.Select(r => r switch
        {
            { Id: { } id, SchemaName: { } name } => $"{r.Type} {id} {name}",
            { Id: { } id } => WithId(r.Type, id),
            _ => Named(r.Type, r.SchemaName ?? string.Empty),
        });

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void FormsViewsChartsAndRelationships_EachTable_IsARootTableThatCarriesThem()
    {
        // Not roots themselves: each travels inside its table, so each table must be a root.
        var source = Fixture.Source;
        var tables = source.Manifest.RootComponents.Where(r => r.Type == ComponentType.Entity).Select(r => r.SchemaName).ToHashSet(StringComparer.Ordinal);
        var carried = source.Forms.Select(f => f.EntityLogicalName)
            .Concat(source.Views.Select(v => v.EntityLogicalName))
            .Concat(source.Charts.Select(c => c.EntityLogicalName))
            .Concat(source.Relationships.SelectMany(r => new[] { r.ReferencingEntity, r.ReferencedEntity }).Select(e => e.ToLowerInvariant()));

        Assert.That((source.Forms.Count + source.Views.Count + source.Charts.Count + source.Relationships.Count > 0, carried.Where(t => !tables.Contains(t)).Distinct()),
            Is.EqualTo((true, Array.Empty<string>())));
    }

    [Test]
    public void RootComponents_CustomApi_HasNoneBecauseItsTypeCodeDiffersBetweenEnvironments()
    {
        // componenttype has no Custom API; an export names it with the customapi table's object type code of
        // the exporting environment (10000+), which another environment rejects. The customapis/ folder alone
        // carries it, as in Microsoft Learn's "Create a custom API with solution files".
        var environmentSpecific = Fixture.Source.Manifest.RootComponents.Where(r => r.Type >= 10000);

        Assert.That((Fixture.Source.CustomApis.Count > 0, environmentSpecific.Any()), Is.EqualTo((true, false)));
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void SystemTable_RootComponent_IsAShellThatCarriesOnlyOurColumns(string entity)
    {
        var root = Fixture.Source.Manifest.RootComponents.Single(r => r.Type == ComponentType.Entity && r.SchemaName == entity);

        Assert.That(root.Behavior, Is.EqualTo(2));
    }

    [Test]
    public void RootComponents_OtherThanTables_IncludeTheirSubcomponents()
    {
        var behaviors = Fixture.Source.Manifest.RootComponents.Where(r => r.Type != ComponentType.Entity).Select(r => r.Behavior).Distinct();

        Assert.That(behaviors, Is.EqualTo(new[] { 0 }));
    }

    private static string Named(int type, string name) => $"{type} {name}";

    private static string WithId(int type, Guid id) => $"{type} {id}";
}

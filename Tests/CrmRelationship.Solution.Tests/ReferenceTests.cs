using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Every view, form, chart, step and image names only columns that exist on its table (this solution's
/// columns or the system ones of <see cref="SystemColumns"/>, through <see cref="KnownColumns"/>); every id a component points at exists.
/// </summary>
[TestFixture]
public sealed class ReferenceTests
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_Columns_ExistOnItsTable(ViewDefinition view)
    {
        var used = view.FetchAttributes.Concat(view.LayoutColumns)
            .Concat(view.Conditions.Select(c => c.Attribute)).Concat(view.Orders.Select(o => o.Attribute));

        Assert.That(KnownColumns.Unknown(view.EntityLogicalName, used), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_SortColumns_AreShownInTheGrid(ViewDefinition view)
    {
        Assert.That(view.Orders.Select(o => o.Attribute).Except(view.LayoutColumns), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_GridColumns_AreAllFetched(ViewDefinition view)
    {
        Assert.That(view.LayoutColumns.Except(view.FetchAttributes), Is.Empty);
    }

    [Test]
    public void ViewsAndCharts_FetchAndGrid_AreOfTheTableWhoseFolderPacksThem()
    {
        // A view or chart is packed inside the <Entity> of its folder and takes its table from there; the reader
        // takes the table from the FetchXML, so the column checks above cannot see a view filed under the wrong
        // table. The grid must name the same table: row id <table>id, object its type code (account 1, contact 2).
        var typeCodes = new Dictionary<string, string> { ["account"] = "1", ["contact"] = "2" };
        var files = Fixture.Source.Files.Where(f => f.Kind is SourceFileKind.View or SourceFileKind.Chart).ToList();
        var wrong = files.Where(f =>
        {
            var table = f.Folders[1].ToLowerInvariant();
            var root = XDocument.Load(f.FullPath).Root!;
            var fetched = root.Descendants("fetch").Elements("entity").Select(e => (string?)e.Attribute("name")).ToList();
            var grids = root.Descendants("grid").ToList();
            return fetched.Count == 0 || fetched.Any(e => e != table)
                || grids.Any(g => (string?)g.Attribute("object") != typeCodes.GetValueOrDefault(table)
                    || g.Elements("row").Any(r => (string?)r.Attribute("id") != table + "id"));
        }).Select(f => f.RelativePath);

        Assert.That((files.Count > 0, wrong), Is.EqualTo((true, Enumerable.Empty<string>())));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_BoundControls_ExistOnItsTable(FormDefinition form)
    {
        var used = form.AllControls().Select(c => c.DataFieldName).OfType<string>();

        Assert.That(KnownColumns.Unknown(form.EntityLogicalName, used), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Charts))]
    public void Chart_Columns_ExistOnItsTable(ChartDefinition chart)
    {
        Assert.That(KnownColumns.Unknown(chart.EntityLogicalName, chart.Attributes), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_FilteringAndImageColumns_ExistOnItsTable(StepRegistration step)
    {
        Assert.That(KnownColumns.Unknown(step.PrimaryEntity, step.ReferencedColumns()), Is.Empty);
    }

    [Test]
    public void Columns_BoundToAChoice_NameAGlobalChoiceOfTheSolution()
    {
        var names = Fixture.Source.OptionSets.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Fixture.Source.Entities.SelectMany(e => e.Columns)
            .Where(c => c.AttributeType is "picklist" or "multiselectpicklist")
            .Where(c => c.OptionSetName is null || !names.Contains(c.OptionSetName))
            .Select(c => c.LogicalName);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Relationships_Lookup_PointsFromAnExistingLookupColumnToAnExistingTable()
    {
        var broken = Fixture.Source.Relationships.Where(r =>
            Fixture.Source.Entity(r.ReferencingEntity.ToLowerInvariant()).Column(r.ReferencingAttribute.ToLowerInvariant())?.AttributeType != "lookup"
            || !Fixture.Source.Entities.Any(e => e.LogicalName.Equals(r.ReferencedEntity, StringComparison.OrdinalIgnoreCase)));

        Assert.That(broken.Select(r => r.Name), Is.Empty);
    }

    [Test]
    public void Relationships_EveryLookupColumn_HasExactlyOneRelationship()
    {
        var lookups = Fixture.Source.Entities.SelectMany(e => e.Columns.Where(c => c.AttributeType == "lookup")
            .Select(c => (Entity: e.LogicalName, Column: c.LogicalName)));
        var counts = lookups.Select(l => Fixture.Source.Relationships.Count(r =>
            r.ReferencingEntity.Equals(l.Entity, StringComparison.OrdinalIgnoreCase)
            && r.ReferencingAttribute.Equals(l.Column, StringComparison.OrdinalIgnoreCase)));

        Assert.That(counts, Is.All.EqualTo(1));
    }

    [Test]
    public void RelationshipIndex_ListsExactlyTheDefinedRelationships()
    {
        Assert.That(Fixture.Source.RelationshipIndex, Is.EquivalentTo(Fixture.Source.Relationships.Select(r => r.Name)));
    }

    [Test]
    public void KeyContactRelationship_DeletingAContact_ClearsTheLookupInsteadOfBlockingTheDelete()
    {
        var relationship = Fixture.Source.Relationships.Single(r => r.ReferencingAttribute.Equals("rel_keycontactid", StringComparison.OrdinalIgnoreCase));

        Assert.That(relationship.CascadeDelete, Is.EqualTo("RemoveLink"));
    }
}

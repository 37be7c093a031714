using System;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The solution source says exactly what docs/dataverse-schema.md says: every global choice (values and
/// labels), every column (name, type, display name), every view, the solution and publisher names.
/// </summary>
[TestFixture]
public sealed class SchemaPageDriftTests
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Choices))]
    public void GlobalChoice_OnSchemaPage_HasExactlyItsValuesAndLabelsInOrder(ChoiceSpec choice)
    {
        var optionSet = Fixture.Source.OptionSet(choice.Name);
        var expected = choice.Labels.Select((label, n) => new OptionValue((Fixture.Page.OptionValuePrefix * 10000) + n, label));

        Assert.That(optionSet.Options, Is.EqualTo(expected));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Choices))]
    public void GlobalChoice_OnSchemaPage_IsAGlobalPicklist(ChoiceSpec choice)
    {
        var optionSet = Fixture.Source.OptionSet(choice.Name);

        Assert.That((optionSet.IsGlobal, optionSet.OptionSetType), Is.EqualTo((true, "picklist")));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Choices))]
    public void GlobalChoice_MarkedMultiSelect_IsUsedOnlyByMultiSelectColumns(ChoiceSpec choice)
    {
        var types = Fixture.Source.Entities.SelectMany(e => e.Columns)
            .Where(c => c.OptionSetName == choice.Name).Select(c => c.AttributeType).Distinct().ToList();

        Assert.That(types, Is.EqualTo(new[] { choice.IsMultiSelect ? "multiselectpicklist" : "picklist" }));
    }

    [Test]
    public void OptionSets_InSource_AreExactlyTheChoicesOfTheSchemaPage()
    {
        var source = Fixture.Source.OptionSets.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal);
        var page = Fixture.Page.Choices.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal);

        Assert.That(source, Is.EqualTo(page));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Columns))]
    public void Column_OnSchemaPage_ExistsWithItsDisplayNameAndType(string entity, ColumnSpec spec)
    {
        var column = Fixture.Source.Entity(entity).Column(spec.LogicalName);
        Assert.That(column, Is.Not.Null, $"{entity}.{spec.LogicalName} is missing from Entity.xml");

        var type = spec.Type;
        var actual = new ColumnTypeSpec(
            column!.AttributeType,
            column.OptionSetName,
            type.Format is null ? null : column.Format,
            type.DateTimeBehavior is null ? null : column.DateTimeBehavior,
            type.MinValue is null ? null : column.MinValue,
            type.MaxValue is null ? null : column.MaxValue,
            type.MaxLength is null ? null : column.MaxLength,
            type.LookupTarget is null ? null : LookupTarget(entity, spec.LogicalName),
            type.Accuracy is null ? null : column.Accuracy);

        Assert.That((column.DisplayName, actual), Is.EqualTo((spec.DisplayName, type)));
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void EntityXml_Columns_AreExactlyTheColumnsOfTheSchemaPage(string entity)
    {
        var source = Fixture.Source.Entity(entity).Columns.Select(c => c.LogicalName).OrderBy(n => n, StringComparer.Ordinal);
        var page = Fixture.Page.ColumnsOf(entity).Select(c => c.LogicalName).OrderBy(n => n, StringComparer.Ordinal);

        Assert.That(source, Is.EqualTo(page));
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void EntityXml_EveryColumn_HasSchemaNameOfItsLogicalNameAndThePublisherPrefix(string entity)
    {
        var wrong = Fixture.Source.Entity(entity).Columns
            .Where(c => !string.Equals(c.SchemaName, c.LogicalName, StringComparison.OrdinalIgnoreCase) || c.LogicalName.Any(char.IsUpper) || !c.LogicalName.StartsWith(Fixture.Page.CustomizationPrefix + "_", StringComparison.Ordinal))
            .Select(c => c.SchemaName);

        Assert.That(wrong, Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.PageViews))]
    public void View_NamedOnSchemaPage_ExistsOnItsTable(string entity, string name)
    {
        var views = Fixture.Source.Views.Where(v => v.Name == name).Select(v => v.EntityLogicalName);

        Assert.That(views, Is.EqualTo(new[] { entity }));
    }

    [Test]
    public void Views_InSource_AreExactlyTheViewsOfTheSchemaPage()
    {
        var source = Fixture.Source.Views.Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal);
        var page = Fixture.Page.ContactViews.Concat(Fixture.Page.AccountViews).OrderBy(n => n, StringComparer.Ordinal);

        Assert.That(source, Is.EqualTo(page));
    }

    [Test]
    public void Manifest_SolutionAndPublisher_MatchTheSchemaPage()
    {
        var m = Fixture.Source.Manifest;
        var page = Fixture.Page;

        Assert.That(
            (m.UniqueName, m.DisplayName, m.PublisherUniqueName, m.PublisherDisplayName, m.CustomizationPrefix, m.CustomizationOptionValuePrefix),
            Is.EqualTo((page.SolutionUniqueName, page.SolutionDisplayName, page.PublisherUniqueName, page.PublisherDisplayName, page.CustomizationPrefix, page.OptionValuePrefix)));
    }

    private static string? LookupTarget(string entity, string column) =>
        Fixture.Source.Relationships
            .Where(r => r.ReferencingEntity.Equals(entity, StringComparison.OrdinalIgnoreCase)
                && r.ReferencingAttribute.Equals(column, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.ReferencedEntity.ToLowerInvariant())
            .SingleOrDefault();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>The Web API spellings crmrel adds to the logical names, and the fake's columns, against Solution/src.</summary>
[TestFixture]
public sealed class WebApiNamesTests
{
    private static readonly SolutionSource Source = SolutionSource.Load(SolutionSource.SourceFolder(FakeEnvironment.RepositoryRoot));

    [Test]
    public void KeyContactNavigation_IsTheRelationshipsReferencingNavigationProperty()
    {
        // Arrange
        var file = Path.Combine(SolutionSource.SourceFolder(FakeEnvironment.RepositoryRoot), "Other", "Relationships", "Contact.xml");
        var relationship = XDocument.Load(file).Root!.Elements("EntityRelationship")
            .Single(r => string.Equals(r.Element("ReferencingAttributeName")?.Value, "rel_KeyContactId", StringComparison.OrdinalIgnoreCase));

        // Act
        var navigation = relationship.Descendants("EntityRelationshipRole").Single(r => r.Element("RelationshipRoleType")!.Value == "1").Element("NavigationPropertyName")!.Value;

        // Assert
        Assert.That(navigation, Is.EqualTo(WebApiNames.KeyContactNavigation));
    }

    [Test]
    public void DateAndTimeColumns_AreTheSolutionsUserLocalDates_EveryOtherDateIsDateOnly()
    {
        // Act
        var wrong = SolutionColumns()
            .Where(c => c.Column.AttributeType == "datetime")
            .Where(c => WebApiNames.IsDateAndTime(c.Column.LogicalName) != (c.Column.DateTimeBehavior == 1))
            .Select(c => c.Table + "." + c.Column.LogicalName + " (behavior " + c.Column.DateTimeBehavior + ")")
            .ToList();

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void LookupColumns_AreEveryLookupOfTheSolution()
    {
        // Act
        var missing = SolutionColumns().Where(c => c.Column.AttributeType == "lookup" && !WebApiNames.LookupColumns.Contains(c.Column.LogicalName)).Select(c => c.Column.LogicalName);

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void FakeColumns_TypedAsTheSolutionTypesThem()
    {
        // Arrange
        var fake = new Dictionary<string, IReadOnlyList<FakeColumn>> { ["contact"] = FakeSchema.Contact(), ["account"] = FakeSchema.Account() };

        // Act
        var wrong = new List<string>();
        foreach (var (table, column) in SolutionColumns())
        {
            var expected = column.AttributeType switch
            {
                "picklist" => FakeColumnKind.Choice,
                "multiselectpicklist" => FakeColumnKind.MultiChoice,
                "int" => FakeColumnKind.WholeNumber,
                "decimal" => FakeColumnKind.DecimalNumber,
                "datetime" => column.DateTimeBehavior == 2 ? FakeColumnKind.DateOnly : FakeColumnKind.DateAndTime,
                "lookup" => FakeColumnKind.Lookup,
                _ => FakeColumnKind.Text,
            };
            var actual = fake[table].FirstOrDefault(c => c.Name == column.LogicalName);
            if (actual?.Kind != expected)
            {
                wrong.Add(table + "." + column.LogicalName + ": fake " + (actual?.Kind.ToString() ?? "missing") + ", solution " + expected);
            }
        }

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    private static IEnumerable<(string Table, ColumnDefinition Column)> SolutionColumns() =>
        Source.Entities.SelectMany(e => e.Columns.Select(c => (e.LogicalName, c)));
}

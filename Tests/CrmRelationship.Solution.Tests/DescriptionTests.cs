using System;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Descriptions are written for sellers: an input's description is the question it answers
/// (relationship-model.md §1); a computed column says it is calculated and must not be edited.
/// Computed columns keep their history (auditing on).
/// </summary>
[TestFixture]
public sealed class DescriptionTests
{
    private const string Calculated = "Calculated on save by Customer Relationship Influence; do not edit.";

    [TestCaseSource(typeof(Cases), nameof(Cases.ContactInputs))]
    public void ContactInput_Description_IsTheQuestionItAnswers(ColumnSpec input)
    {
        var question = Fixture.Model.Questions[input.DisplayName];

        Assert.That(Fixture.Source.Entity("contact").Column(input.LogicalName)!.Description, Is.EqualTo(question));
    }

    [Test]
    public void ModelPage_EveryInputOfSection1_IsAContactInputOnTheSchemaPage()
    {
        var inputs = Fixture.Page.ContactColumns.Where(c => c.IsInput).Select(c => c.DisplayName);

        Assert.That(Fixture.Model.Questions.Keys, Is.EquivalentTo(inputs));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.ComputedColumns))]
    public void ComputedColumn_Description_SaysItIsCalculatedAndNotToEdit(string entity, ColumnSpec spec)
    {
        var description = Fixture.Source.Entity(entity).Column(spec.LogicalName)!.Description;

        Assert.That(description, Does.EndWith(Calculated));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.ComputedColumns))]
    public void ComputedColumn_Auditing_IsEnabled(string entity, ColumnSpec spec)
    {
        Assert.That(Fixture.Source.Entity(entity).Column(spec.LogicalName)!.IsAuditEnabled, Is.True);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Columns))]
    public void Column_Description_IsNotEmptyAndFitsDataverse(string entity, ColumnSpec spec)
    {
        var description = Fixture.Source.Entity(entity).Column(spec.LogicalName)!.Description;

        Assert.That(description.Length, Is.InRange(10, 500));
    }

    [Test]
    public void AccountInputs_Descriptions_NeverSpeakOfAPerson()
    {
        var inputs = Fixture.Page.AccountColumns.Where(c => c.IsInput)
            .Select(c => Fixture.Source.Entity("account").Column(c.LogicalName)!.Description);

        Assert.That(inputs.Where(d => d.Contains("person", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }
}

using System;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The two new main forms: contact shows every input and every computed value on its "Relationship
/// influence" tab, account shows every computed value, the key contact and a section held for the
/// stakeholder map; computed values are read-only wherever they appear.
/// </summary>
[TestFixture]
public sealed class FormTests
{
    private const string WebResourceControl = "{9FDF5F91-88B1-47F4-AD53-C11EFC01A01D}";

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_ComputedColumns_AreReadOnlyEverywhere(FormDefinition form)
    {
        var computed = Fixture.Page.ColumnsOf(form.EntityLogicalName).Where(c => !c.IsInput).Select(c => c.LogicalName).ToHashSet();
        var editable = form.AllControls().Where(c => c.DataFieldName is not null && computed.Contains(c.DataFieldName) && !c.Disabled);

        Assert.That(editable.Select(c => c.Id), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_Inputs_AreEditable(FormDefinition form)
    {
        var inputs = Fixture.Page.ColumnsOf(form.EntityLogicalName).Where(c => c.IsInput).Select(c => c.LogicalName).ToHashSet();
        var locked = form.AllControls().Where(c => c.DataFieldName is not null && inputs.Contains(c.DataFieldName) && c.Disabled);

        Assert.That(locked.Select(c => c.Id), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_ControlIds_AreUnique(FormDefinition form)
    {
        Assert.That(form.AllControls().Select(c => c.Id), Is.Unique);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_NoWebResourceControl_UntilTheWebResourceExists(FormDefinition form)
    {
        Assert.That(form.AllControls().Where(c => string.Equals(c.ClassId, WebResourceControl, StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_IsAMainFormOfItsOwn_NotADiffOfTheStandardForm(FormDefinition form)
    {
        var diffMarkers = form.FormXml.DescendantsAndSelf().Attributes("solutionaction");

        Assert.That((form.FormType, diffMarkers.Any(), form.FormXml.Element("ancestor")), Is.EqualTo(("main", false, (object?)null)));
    }

    [Test]
    public void ContactForm_RelationshipInfluenceTab_HoldsEveryContactColumn()
    {
        var tab = ContactForm().Tab("Relationship influence");
        var fields = tab?.Sections.SelectMany(s => s.Controls).Select(c => c.DataFieldName) ?? [];

        Assert.That(fields, Is.EquivalentTo(Fixture.Page.ContactColumns.Select(c => c.LogicalName)));
    }

    [TestCase("rel_matrix_section", "rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel")]
    [TestCase("rel_ladder_section", "rel_observedbehaviours,rel_riskbehaviours")]
    [TestCase("rel_customerview_section", "rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence")]
    [TestCase("rel_explanation_section", "rel_scoreexplanation")]
    public void ContactForm_Section_GroupsItsColumns(string section, string fields)
    {
        var controls = ContactForm().Section(section)?.Controls.Select(c => c.DataFieldName) ?? [];

        Assert.That(string.Join(",", controls), Is.EqualTo(fields));
    }

    [Test]
    public void AccountForm_RelationshipHealthTab_HoldsEveryAccountColumn()
    {
        var tab = AccountForm().Tab("Relationship health");
        var fields = tab?.Sections.SelectMany(s => s.Controls).Select(c => c.DataFieldName).OfType<string>() ?? [];

        Assert.That(fields, Is.EquivalentTo(Fixture.Page.AccountColumns.Select(c => c.LogicalName)));
    }

    [Test]
    public void AccountForm_StakeholderMapSection_IsHeldEmptyOnTheHealthTab()
    {
        var tab = AccountForm().Tab("Relationship health");
        var section = tab?.Sections.SingleOrDefault(s => s.Name == "rel_stakeholdermap_section");

        Assert.That((section?.Label, section?.Controls.Count), Is.EqualTo(("Stakeholder map", (int?)0)));
    }

    private static FormDefinition ContactForm() => Fixture.Source.Forms.Single(f => f.EntityLogicalName == "contact");

    private static FormDefinition AccountForm() => Fixture.Source.Forms.Single(f => f.EntityLogicalName == "account");
}

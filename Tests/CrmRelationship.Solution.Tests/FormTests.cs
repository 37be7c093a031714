using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The two new main forms: contact shows every input and every computed value on its "Relationship
/// influence" tab, account shows every computed value, the key contact and the stakeholder map; computed
/// values are read-only wherever they appear; each form loads its script and names only web resources
/// that the source defines.
/// </summary>
[TestFixture]
public sealed class FormTests
{
    // dataverse-schema.md: the urgency rank is a sort key for views and "not shown on the forms" (the action says it).
    private const string OffTheForms = "rel_actionurgency";

    private const string WebResourceControl = "{9FDF5F91-88B1-47F4-AD53-C11EFC01A01D}";

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_ComputedColumns_AreReadOnlyEverywhere(FormDefinition form)
    {
        var computed = SolutionColumns.ComputedOf(form.EntityLogicalName).ToHashSet();
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
    public void Form_ControlOfEachSolutionColumn_IsTheControlOfItsColumnType(FormDefinition form)
    {
        // Control class ids by attribute type (sdk-solution-webapi.md §3.5); the schemas accept any GUID there.
        var controlOf = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["picklist"] = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
            ["multiselectpicklist"] = "{4AA28AB7-9C13-4F57-A73D-AD894D048B5F}",
            ["int"] = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
            ["decimal"] = "{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}",
            ["datetime"] = "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
            ["ntext"] = "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
            ["lookup"] = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        };
        var types = Fixture.Source.Entity(form.EntityLogicalName).Columns.ToDictionary(c => c.LogicalName, c => c.AttributeType, StringComparer.Ordinal);
        var bound = form.AllControls().Where(c => c.DataFieldName is not null && types.ContainsKey(c.DataFieldName)).ToList();
        var wrong = bound.Where(c => !string.Equals(controlOf.GetValueOrDefault(types[c.DataFieldName!]), c.ClassId, StringComparison.OrdinalIgnoreCase));

        Assert.That((bound.Count > 0, wrong.Select(c => c.Id)), Is.EqualTo((true, Enumerable.Empty<string>())));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_ControlIds_AreUnique(FormDefinition form)
    {
        Assert.That(form.AllControls().Select(c => c.Id), Is.Unique);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_WebResourcesItNames_ExistInTheSource(FormDefinition form)
    {
        var named = form.FormXml.Descendants("Library").Select(l => (string?)l.Attribute("name"))
            .Concat(form.FormXml.Descendants("Handler").Select(h => (string?)h.Attribute("libraryName")))
            .Concat(WebResourceControls(form).Select(c => c.Element("parameters")?.Element("Url")?.Value));
        var known = Fixture.Source.WebResources.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);

        Assert.That(named.Where(n => n is null || !known.Contains(n)), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_HandlerLibraries_AreLibrariesOfTheForm(FormDefinition form)
    {
        var libraries = form.FormXml.Descendants("Library").Select(l => (string?)l.Attribute("name")).ToHashSet(StringComparer.Ordinal);
        var handlers = form.FormXml.Descendants("Handler").Select(h => (string?)h.Attribute("libraryName"));

        Assert.That(handlers.Where(h => !libraries.Contains(h)), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Forms))]
    public void Form_WebResourceControl_IdMatchesItsUrl(FormDefinition form)
    {
        var mismatched = WebResourceControls(form).Where(c =>
        {
            var parameters = c.Element("parameters");
            var url = parameters?.Element("Url")?.Value ?? string.Empty;
            var id = parameters?.Element("WebResourceId")?.Value;
            return !Fixture.Source.WebResources.Any(w => w.Name == url && w.Type == WebResourceDefinition.Html && Guid.TryParse(id, out var g) && g == w.Id);
        });

        Assert.That(mismatched.Select(c => (string?)c.Attribute("id")), Is.Empty);
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

        Assert.That(fields, Is.EquivalentTo(Fixture.Page.ContactColumns.Select(c => c.LogicalName).Where(n => n != OffTheForms)));
    }

    [TestCase("rel_matrix_section", "rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,rel_primaryneed")]
    [TestCase("rel_ladder_section", "rel_observedbehaviours,rel_riskbehaviours")]
    [TestCase("rel_customerview_section", "rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence")]
    [TestCase("rel_explanation_section", "rel_scoreexplanation")]
    public void ContactForm_Section_GroupsItsColumns(string section, string fields)
    {
        var controls = ContactForm().Section(section)?.Controls.Select(c => c.DataFieldName) ?? [];

        Assert.That(string.Join(",", controls), Is.EqualTo(fields));
    }

    [Test]
    public void ContactForm_AssessmentSection_ShowsTheNextStepRightUnderTheAction()
    {
        var controls = ContactForm().Section("rel_assessment_section")?.Controls.Select(c => c.DataFieldName).ToList() ?? [];

        Assert.That(controls.IndexOf("rel_nextstep"), Is.EqualTo(controls.IndexOf("rel_recommendedaction") + 1).And.GreaterThan(0));
    }

    [Test]
    public void AccountForm_RelationshipHealthTab_HoldsEveryAccountColumn()
    {
        var tab = AccountForm().Tab("Relationship health");
        var fields = tab?.Sections.SelectMany(s => s.Controls).Select(c => c.DataFieldName).OfType<string>() ?? [];

        Assert.That(fields, Is.EquivalentTo(Fixture.Page.AccountColumns.Select(c => c.LogicalName).Where(n => n != OffTheForms)));
    }

    [Test]
    public void AccountForm_StakeholderMapSection_HoldsOnlyTheMapOnTheHealthTab()
    {
        var tab = AccountForm().Tab("Relationship health");
        var section = tab?.Sections.SingleOrDefault(s => s.Name == "rel_stakeholdermap_section");

        Assert.That(
            (section?.Label, section?.Controls.Select(c => (c.Id, c.ClassId, c.DataFieldName)).ToList()),
            Is.EqualTo(("Stakeholder map", new[] { ("WebResource_stakeholdermap", WebResourceControl, (string?)null) }.ToList())));
    }

    [Test]
    public void AccountForm_StakeholderMap_ShowsThePageWithoutBorderScrollingAsNeededWithRecordParametersAndCrossFrameAccess()
    {
        var parameters = StakeholderMapControl().Element("parameters")!;

        Assert.That(
            parameters.Elements().Where(e => e.Name.LocalName != "WebResourceId" && e.Name.LocalName != "ShowOnMobileClient")
                .Select(e => $"{e.Name.LocalName}={e.Value}"),
            Is.EqualTo(new[] { "Url=rel_/html/stakeholdermap.html", "PassParameters=true", "Security=false", "Scrolling=auto", "Border=false" }));
    }

    [Test]
    public void AccountForm_StakeholderMapCell_SpansTwelveRowsFollowedByItsEmptyRows()
    {
        var cell = StakeholderMapControl().Parent!;
        var rows = cell.Parent!.ElementsAfterSelf("row").ToList();

        Assert.That(
            ((string?)cell.Attribute("rowspan"), (string?)cell.Attribute("showlabel"), rows.Count, rows.All(r => !r.HasElements)),
            Is.EqualTo(("12", "false", 11, true)));
    }

    [TestCase("contact", "rel_/scripts/contactform.js", "CrmRelationship.ContactForm.onLoad")]
    [TestCase("account", "rel_/scripts/accountform.js", "CrmRelationship.AccountForm.onLoad")]
    public void MainForm_Events_AreOneOnLoadHandlerThatGetsTheExecutionContext(string entity, string library, string function)
    {
        var form = Fixture.Source.Forms.Single(f => f.EntityLogicalName == entity);
        var events = form.FormXml.Element("events")?.Elements("event").ToList() ?? [];
        var handlers = events.SelectMany(e => e.Descendants("Handler")).ToList();

        Assert.That(
            (events.Select(e => (string?)e.Attribute("name")).ToList(), handlers.Select(h => (
                (string?)h.Attribute("functionName"), (string?)h.Attribute("libraryName"),
                (string?)h.Attribute("passExecutionContext"), (string?)h.Attribute("enabled"))).ToList(),
                form.FormXml.Element("formLibraries")?.Elements("Library").Select(l => (string?)l.Attribute("name")).ToList()),
            Is.EqualTo((new List<string?> { "onload" }, new[] { ((string?)function, (string?)library, (string?)"true", (string?)"true") }.ToList(),
                new List<string?> { library })));
    }

    [Test]
    public void ContactForm_Inputs_HaveNoOnChangeInTheFormXml_TheScriptAttachesItsOwn()
    {
        var onChange = ContactForm().FormXml.Descendants("event").Where(e => (string?)e.Attribute("name") == "onchange");

        Assert.That(onChange, Is.Empty);
    }

    private static XElement StakeholderMapControl() =>
        AccountForm().FormXml.Descendants("control").Single(c => (string?)c.Attribute("id") == "WebResource_stakeholdermap");

    private static IEnumerable<XElement> WebResourceControls(FormDefinition form) =>
        form.FormXml.Descendants("control").Where(c => string.Equals((string?)c.Attribute("classid"), WebResourceControl, StringComparison.OrdinalIgnoreCase));

    private static FormDefinition ContactForm() => Fixture.Source.Forms.Single(f => f.EntityLogicalName == "contact");

    private static FormDefinition AccountForm() => Fixture.Source.Forms.Single(f => f.EntityLogicalName == "account");
}

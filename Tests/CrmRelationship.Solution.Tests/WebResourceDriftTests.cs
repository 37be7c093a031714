using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The names the web resources spell (WebResources/src/shared/schema.ts, exported as dist/constants.json)
/// agree with the C# constants (LogicalNames, Labels, RelationshipMatrix) and with the solution source
/// (columns, global choices, the Custom API, the web resources, the forms). The built bundles publish the
/// functions the forms' handlers name. Any drift fails here, before a customer's form does.
/// </summary>
[TestFixture]
public sealed class WebResourceDriftTests
{
    // The TypeScript names a choice by its global choice; C# by its enum.
    private static readonly Dictionary<string, Type> ChoiceEnums = new(StringComparer.Ordinal)
    {
        ["rel_relationshipstatus"] = typeof(RelationshipStatus),
        ["rel_organizationalpower"] = typeof(OrganizationalPower),
        ["rel_perception"] = typeof(Perception),
        ["rel_activitylevel"] = typeof(ActivityLevel),
        ["rel_recommendedaction"] = typeof(RecommendedAction),
        ["rel_relationshiplevel"] = typeof(RelationshipLevel),
        ["rel_relationshipbehaviour"] = typeof(RelationshipBehaviour),
        ["rel_riskbehaviour"] = typeof(RiskBehaviour),
        ["rel_expectationalignment"] = typeof(ExpectationAlignment),
        ["rel_feedbackcadence"] = typeof(FeedbackCadence),
        ["rel_direction"] = typeof(Direction),
    };

    // The Custom API field types the TypeScript uses, as customapifieldtype codes.
    private static readonly Dictionary<string, int> FieldTypes = new(StringComparer.Ordinal)
    {
        ["Integer"] = CustomApiFieldType.Integer,
        ["String"] = CustomApiFieldType.String,
        ["DateTime"] = CustomApiFieldType.DateTime,
    };

    private static JsonElement Constants => WebResourceBuild.Constants;

    [Test]
    public void OptionValueBase_IsThePublishersOptionValuePrefixTimesTenThousand()
    {
        Assert.That(Constants.GetProperty("optionValueBase").GetInt32(), Is.EqualTo(Fixture.Source.Manifest.CustomizationOptionValuePrefix * 10000));
    }

    [Test]
    public void Choices_InTypeScript_AreExactlyTheGlobalChoicesOfTheSource()
    {
        Assert.That(Choices().Select(c => c.Name), Is.EquivalentTo(Fixture.Source.OptionSets.Select(o => o.Name)));
    }

    [Test]
    public void Choices_OptionValuesAndLabels_MatchTheSourceAndItsMultiSelectColumns()
    {
        var drift = Choices().Where(c =>
        {
            var source = Fixture.Source.OptionSet(c.Name);
            var multiSelectColumns = Fixture.Source.Entities.SelectMany(e => e.Columns).Where(col => col.OptionSetName == c.Name)
                .Select(col => col.AttributeType == "multiselectpicklist").Distinct().ToList();
            return !source.Options.Select(o => (o.Value, o.Label)).SequenceEqual(c.Options)
                || multiSelectColumns.Any(m => m != c.MultiSelect);
        }).Select(c => c.Name);

        Assert.That(drift, Is.Empty);
    }

    [Test]
    public void Choices_OptionValuesAndLabels_MatchTheCSharpEnumsAndLabels()
    {
        var drift = Choices().Where(c =>
        {
            var type = ChoiceEnums[c.Name];
            var values = Enum.GetValues(type).Cast<object>().Select(Convert.ToInt32);
            var labels = (IReadOnlyList<string>)typeof(Labels).GetMethod(nameof(Labels.All))!.MakeGenericMethod(type).Invoke(null, null)!;
            return !values.Zip(labels).SequenceEqual(c.Options);
        }).Select(c => c.Name);

        Assert.That(drift, Is.Empty);
    }

    [Test]
    public void ColumnChoices_EachChoiceColumn_IsBoundToThatGlobalChoiceOnEveryTableThatHasIt()
    {
        var drift = Constants.GetProperty("columnChoices").EnumerateObject().SelectMany(p =>
                Fixture.Source.Entities.Select(e => e.Column(p.Name)).OfType<ColumnDefinition>()
                    .Where(column => column.OptionSetName != p.Value.GetString())
                    .Select(column => $"{column.LogicalName}: {column.OptionSetName} in the source, {p.Value.GetString()} in TypeScript"))
            .ToList();
        var unbound = Constants.GetProperty("columnChoices").EnumerateObject()
            .Where(p => !Fixture.Source.Entities.Any(e => e.Column(p.Name) is not null)).Select(p => p.Name);

        Assert.That(drift.Concat(unbound), Is.Empty);
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void Table_EveryColumnTheTypeScriptNames_ExistsOnIt(string entity)
    {
        var table = Table(entity);

        Assert.That(
            (table.GetProperty("entityName").GetString(), KnownColumns.Unknown(entity, WebResourceBuild.Strings(table, "allColumns"))),
            Is.EqualTo(((string?)entity, (IReadOnlyList<string>)[])));
    }

    [Test]
    public void ContactTable_InputsAndComputed_AreTheCSharpLogicalNames()
    {
        var table = Table(LogicalNames.Contact);

        Assert.That(
            (WebResourceBuild.Strings(table, "inputs"), WebResourceBuild.Strings(table, "computed")),
            Is.EqualTo(((IReadOnlyList<string>)LogicalNames.ContactInputs.All, (IReadOnlyList<string>)LogicalNames.Computed.Contact)));
    }

    [Test]
    public void AccountTable_InputsAndComputed_AreTheCSharpLogicalNames()
    {
        var table = Table(LogicalNames.Account);

        Assert.That(
            (WebResourceBuild.Strings(table, "inputs"), WebResourceBuild.Strings(table, "computed")),
            Is.EqualTo(((IReadOnlyList<string>)LogicalNames.AccountInputs.All, (IReadOnlyList<string>)LogicalNames.Computed.Account)));
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void Table_StandardColumnsTheTypeScriptNames_AreCSharpStandardNames(string entity)
    {
        var table = Table(entity);
        var standard = WebResourceBuild.Strings(table, "allColumns").Where(c => !c.StartsWith("rel_", StringComparison.Ordinal));
        var csharp = typeof(LogicalNames.Standard).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.That(standard.Except(csharp), Is.Empty);
    }

    [Test]
    public void RecommendedActions_UrgencyRiskAndPotential_MatchTheRelationshipMatrix()
    {
        var actions = Constants.GetProperty("recommendedActions");
        int[] Values(string property) => actions.GetProperty(property).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var byUrgency = RelationshipMatrix.ByUrgency.Select(a => (int)a).ToArray();

        Assert.That(
            (Values("byUrgency"), Values("risk"), Values("potential")),
            Is.EqualTo((
                byUrgency,
                RelationshipMatrix.ByUrgency.Where(RelationshipMatrix.IsRisk).Select(a => (int)a).ToArray(),
                RelationshipMatrix.ByUrgency.Where(RelationshipMatrix.IsPotential).Select(a => (int)a).ToArray())));
    }

    [Test]
    public void CustomApi_NameParametersAndProperties_MatchTheCustomApiOfTheSource()
    {
        var api = Constants.GetProperty("customApi");
        var source = Fixture.Source.CustomApi(api.GetProperty("name").GetString()!);

        Assert.That(
            (Fields(api, "requestParameters"), Fields(api, "responseProperties")),
            Is.EqualTo((
                source.RequestParameters.Select(p => (p.UniqueName, p.Type)).OrderBy(p => p.UniqueName, StringComparer.Ordinal).ToList(),
                source.ResponseProperties.Select(p => (p.UniqueName, p.Type)).OrderBy(p => p.UniqueName, StringComparer.Ordinal).ToList())));
    }

    [Test]
    public void CustomApi_NameParametersAndProperties_AreTheCSharpNames()
    {
        var api = Constants.GetProperty("customApi");
        var names = Fields(api, "requestParameters").Concat(Fields(api, "responseProperties")).Select(f => f.Name);
        var csharp = typeof(LogicalNames.PreviewAssessment).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name != nameof(LogicalNames.PreviewAssessment.MessageName))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.That(
            (api.GetProperty("name").GetString(), names.OrderBy(n => n, StringComparer.Ordinal).ToList()),
            Is.EqualTo(((string?)LogicalNames.PreviewAssessment.MessageName, csharp.OrderBy(n => n, StringComparer.Ordinal).ToList())));
    }

    [Test]
    public void WebResourceNames_AreExactlyTheWebResourcesOfTheSource()
    {
        var names = Constants.GetProperty("webResources").EnumerateObject().Select(p => p.Value.GetString());

        Assert.That(names, Is.EquivalentTo(Fixture.Source.WebResources.Select(w => w.Name)));
    }

    [Test]
    public void StakeholderMapControl_IsTheAccountFormsControlShowingTheMapPage()
    {
        var control = Constants.GetProperty("formControls").GetProperty("stakeholderMap").GetString();
        var page = Constants.GetProperty("webResources").GetProperty("stakeholderMapPage").GetString();
        var form = Fixture.Source.Forms.Single(f => f.EntityLogicalName == LogicalNames.Account);
        var urls = form.FormXml.Descendants("control").Where(c => (string?)c.Attribute("id") == control)
            .Select(c => c.Element("parameters")?.Element("Url")?.Value);

        Assert.That(urls, Is.EqualTo(new[] { page }));
    }

    [Test]
    public void FormHandlers_EachFunction_IsPublishedByTheBundleOfItsLibrary()
    {
        var handlers = Fixture.Source.Forms.SelectMany(f => f.FormXml.Descendants("Handler"))
            .Select(h => (Library: (string)h.Attribute("libraryName")!, Function: (string)h.Attribute("functionName")!))
            .ToList();
        var missing = handlers.Where(h => !WebResourceBuild.Functions(h.Library).Contains(h.Function)).Select(h => $"{h.Library}: {h.Function}");

        Assert.That((handlers.Count, missing), Is.EqualTo((2, Enumerable.Empty<string>())));
    }

    [Test]
    public void StakeholderMapPage_Scripts_AreWebResourcesOfTheSource()
    {
        var page = Constants.GetProperty("webResources").GetProperty("stakeholderMapPage").GetString()!;
        var html = System.IO.File.ReadAllText(WebResourceBuild.BuiltFile(page));
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*\\bsrc=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        // Web resources are served as /WebResources/<name>, so a relative src resolves against the page's name.
        var resolved = sources.Select(s => new Uri(new Uri("https://org.example/WebResources/" + page), s).AbsolutePath["/WebResources/".Length..]);

        Assert.That(
            (sources.Count > 0, resolved.Except(Fixture.Source.WebResources.Select(w => w.Name))),
            Is.EqualTo((true, Enumerable.Empty<string>())));
    }

    private static JsonElement Table(string entity) => Constants.GetProperty("tables").GetProperty(entity);

    private static List<(string Name, int Type)> Fields(JsonElement api, string property) =>
        api.GetProperty(property).EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, FieldTypes[e.GetProperty("type").GetString()!]))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();

    private static List<(string Name, bool MultiSelect, List<(int Value, string Label)> Options)> Choices() =>
        Constants.GetProperty("choices").EnumerateArray()
            .Select(c => (
                c.GetProperty("name").GetString()!,
                c.GetProperty("multiSelect").GetBoolean(),
                c.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("value").GetInt32(), o.GetProperty("label").GetString()!)).ToList()))
            .ToList();
}

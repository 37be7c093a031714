using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The Custom API rel_PreviewRelationshipAssessment in customapis/, laid out as Microsoft Learn's "Create a
/// custom API with solution files" and real exports write it: an unbound action (not a function) whose main
/// operation is the preview plug-in type, with optional request parameters. The published 2018 schema has no element for
/// these files, so their shape is checked here instead: the one known difference from the XSDs.
/// </summary>
[TestFixture]
public sealed class CustomApiTests
{
    private static CustomApiDefinition Preview => Fixture.Source.CustomApi(Api.MessageName);

    [Test]
    public void PreviewApi_Definition_IsAPublicUnboundActionThatNoOtherStepCanChange()
    {
        var api = Preview;

        Assert.That(
            (api.Name, api.BindingType, api.BoundEntityLogicalName, api.IsFunction, api.IsPrivate,
                api.AllowedCustomProcessingStepType, api.ExecutePrivilegeName, api.WorkflowSdkStepEnabled),
            Is.EqualTo((Api.MessageName, 0, string.Empty, false, false, 0, string.Empty, false)));
    }

    [Test]
    public void PreviewApi_MainOperation_IsThePreviewPluginTypeOfTheAssembly()
    {
        var type = Fixture.Source.PluginAssemblies.Single().Types.Single(t => t.Id == Preview.PluginTypeId);

        Assert.That(type.TypeName, Is.EqualTo("CrmRelationship.Plugins.PreviewRelationshipAssessmentPlugin"));
    }

    [Test]
    public void PreviewApi_RequestParameters_AreTheTenInputsAllOptional()
    {
        Assert.That(
            Preview.RequestParameters.Select(p => (p.UniqueName, p.Type, p.IsOptional)),
            Is.EquivalentTo(new[]
            {
                (Api.Relationship, CustomApiFieldType.Integer, (bool?)true),
                (Api.OrganizationalPower, CustomApiFieldType.Integer, (bool?)true),
                (Api.Perception, CustomApiFieldType.Integer, (bool?)true),
                (Api.ActivityLevel, CustomApiFieldType.Integer, (bool?)true),
                (Api.CustomerViewLevel, CustomApiFieldType.Integer, (bool?)true),
                (Api.FeedbackCadence, CustomApiFieldType.Integer, (bool?)true),
                (Api.ObservedBehaviours, CustomApiFieldType.String, (bool?)true),
                (Api.RiskBehaviours, CustomApiFieldType.String, (bool?)true),
                (Api.CustomerViewDate, CustomApiFieldType.DateTime, (bool?)true),
                (Api.PrimaryNeed, CustomApiFieldType.Integer, (bool?)true),
            }));
    }

    [Test]
    public void PreviewApi_ResponseProperties_AreTheComputedValuesTheExplanationAndTheNextStep()
    {
        Assert.That(
            Preview.ResponseProperties.Select(p => (p.UniqueName, p.Type)),
            Is.EquivalentTo(new[]
            {
                (Api.RecommendedAction, CustomApiFieldType.Integer),
                (Api.RelationshipLevel, CustomApiFieldType.Integer),
                (Api.ExpectationGap, CustomApiFieldType.Integer),
                (Api.ExpectationAlignment, CustomApiFieldType.Integer),
                (Api.HealthScore, CustomApiFieldType.Integer),
                (Api.Explanation, CustomApiFieldType.String),
                (Api.NextStep, CustomApiFieldType.String),
            }));
    }

    [Test]
    public void PreviewApi_PluginTypeWrittenAsLearnsPluginTypeId_IsReadAsTheExportKey()
    {
        // Exports write <plugintypeexportkey>; Microsoft Learn's "Create a custom API with solution files" also
        // shows <plugintypeid>. Both name the same plug-in type of an assembly.
        var copy = Packing.TempFolder.CopyOfSource("plugintypeid");
        var file = Path.Combine(copy, "customapis", Api.MessageName, "customapi.xml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("plugintypeexportkey>", "plugintypeid>", StringComparison.Ordinal));

        var api = SolutionSource.Load(copy).CustomApi(Api.MessageName);

        Assert.That((File.ReadAllText(file).Contains("plugintypeexportkey", StringComparison.Ordinal), api.PluginTypeId), Is.EqualTo((false, Preview.PluginTypeId)));
    }

    [Test]
    public void CustomApi_Folder_IsNamedByItsUniqueName()
    {
        var wrong = Fixture.Source.CustomApis.Where(a => a.Folder != "customapis/" + a.UniqueName).Select(a => a.Folder);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void CustomApiFields_Folder_IsNamedByTheirUniqueName_AndNameIsApiDotUniqueName()
    {
        var wrong = Fixture.Source.CustomApis.SelectMany(a => a.RequestParameters.Concat(a.ResponseProperties).Where(f =>
                Path.GetFileName(Path.GetDirectoryName(f.RelativePath)) != f.UniqueName || f.Name != a.UniqueName + "." + f.UniqueName))
            .Select(f => f.RelativePath);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void CustomApiTexts_Lengths_FitTheColumns()
    {
        // customapi: displayname 100, description 300 characters (an import that exceeds them fails); the
        // parameters and properties are held to the same limits.
        var texts = Fixture.Source.CustomApis.SelectMany(a => new[] { (a.UniqueName, a.DisplayName, a.Description) }
            .Concat(a.RequestParameters.Concat(a.ResponseProperties).Select(f => (f.UniqueName, f.DisplayName, f.Description))));
        var wrong = texts.Where(t => t.DisplayName.Length is 0 or > 100 || t.Description.Length is 0 or > 300).Select(t => t.UniqueName);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void CustomApiXml_Elements_AreInTheOrderPacWritesThem()
    {
        // Exports and pac write the children of these newer components in alphabetical order.
        var unordered = Fixture.Source.Files
            .Where(f => f.Kind is SourceFileKind.CustomApi or SourceFileKind.CustomApiRequestParameter or SourceFileKind.CustomApiResponseProperty)
            .Where(f =>
            {
                var names = XDocument.Load(f.FullPath).Root!.Elements().Select(e => e.Name.LocalName).ToList();
                return !names.SequenceEqual(names.OrderBy(n => n, StringComparer.Ordinal));
            })
            .Select(f => f.RelativePath);

        Assert.That(unordered, Is.Empty);
    }

    [Test]
    public void CustomApiFiles_PublishedSchema_DoesNotKnowThem_SoTheyAreCheckedHereInstead()
    {
        // The known difference: CustomizationsSolution.xsd (9.0.0.2090, 2018) predates Custom APIs. If a
        // newer schema ever declares them, this test fails and they should join the schema validation.
        var file = Fixture.Source.Files.Single(f => f.Kind == SourceFileKind.CustomApi);
        var wrapped = new XElement("ImportExportXml", new XElement("customapis", XDocument.Load(file.FullPath).Root));

        Assert.That(
            (CustomizationsWrapper.HasSchema(file.Kind), Fixture.Schemas.Validate(wrapped).Any(p => p.Contains("customapis", StringComparison.Ordinal))),
            Is.EqualTo((false, true)));
    }
}

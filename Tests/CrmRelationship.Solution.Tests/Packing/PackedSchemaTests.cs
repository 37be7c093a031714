using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The packed XML of both zips against Microsoft's published schemas (found by SchemaLocation, loaded by the
/// solution model's validator, not the packer's; skipped with the reason where the XSDs are not on the machine): customizations.xml with zero problems, and each form,
/// each view's and chart's FetchXML and each chart data definition on its own. The known differences are
/// named: solution.xml has no published schema (its shape is checked against a real export instead),
/// the customapis/ files travel beside customizations.xml, where no schema covers them, and each newer
/// construct of NewerSchemaConstructs that the zips carry (taken out before validation, by name).
/// </summary>
[TestFixture]
public sealed class PackedSchemaTests
{
    private static readonly PackageType[] Types = [PackageType.Unmanaged, PackageType.Managed];

    [TestCaseSource(nameof(Types))]
    public void Customizations_ValidatedAgainstPublishedSchemas_HasNoProblems(PackageType type)
    {
        var root = new XElement(PackRun.Both[type].Xml("customizations.xml"));
        // The one accepted exception (README, "Known schema differences"): root attributes the 2018 schema does not declare.
        root.Attributes().Where(a => !a.IsNamespaceDeclaration).Remove();

        Assert.That(Fixture.Schemas.Validate(root), Is.Empty);
    }

    [TestCaseSource(nameof(Types))]
    public void Customizations_FormsFetchXmlAndChartData_EachValidOnItsOwn(PackageType type)
    {
        var root = PackRun.Both[type].Xml("customizations.xml");
        var parts = SolutionModel.SolutionSchemas.SeparatelyValidatedParts(root).ToList();

        Assert.That(
            (parts.Count, parts.SelectMany(p => Fixture.Schemas.Validate(p)).ToList()),
            Is.EqualTo((Fixture.Source.Forms.Count + Fixture.Source.Views.Count + Fixture.Source.Charts.Sum(c => c.Fetches.Count) + Fixture.Source.Charts.Count, new List<string>())));
    }

    [Test]
    public void Customizations_Sections_FollowTheRecordedSectionOrder()
    {
        var sections = PackRun.Both[PackageType.Unmanaged].Xml("customizations.xml").Elements().Select(e => e.Name.LocalName).ToList();

        Assert.That(sections.Select(s => CustomizationsSections.Order.ToList().IndexOf(s)), Is.Ordered.Ascending.And.All.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void RecordedSectionOrder_IsTheSchemasImportExportXmlSequence()
    {
        var sequence = XDocument.Load(Path.Combine(RepositoryPaths.Schemas, SchemaLocation.RootSchema)).Root!
            .Elements().First(e => e.Name.LocalName == "element" && (string?)e.Attribute("name") == "ImportExportXml")
            .Descendants().First(e => e.Name.LocalName == "sequence")
            .Elements().Select(e => (string)e.Attribute("name")!).ToList();

        Assert.That(CustomizationsSections.Order, Is.EqualTo(sequence));
    }

    [Test]
    public void Customizations_EveryEntityPart_HasContentNeverAnEmptyPlaceholder()
    {
        var entities = PackRun.Both[PackageType.Unmanaged].Xml("customizations.xml").Element("Entities")!.Elements("Entity");
        var empty = entities.SelectMany(e => e.Elements().Where(p => p.Name.LocalName is "FormXml" or "SavedQueries" or "Visualizations" && !p.HasElements));

        Assert.That((entities.Count(), empty.Select(e => e.Name.LocalName)), Is.EqualTo((Fixture.Source.Entities.Count, Array.Empty<string>())));
    }

    [Test]
    public void Customizations_XsiNamespace_IsDeclaredOnceOnTheRoot()
    {
        var xml = PackRun.Both[PackageType.Unmanaged].Text("customizations.xml");

        Assert.That(xml.Split("xmlns:xsi=").Length - 1, Is.EqualTo(1));
    }

    [Test]
    public void KnownSchemaDifferences_OfThisSolution_AreExactlyTheNamedOnes()
    {
        // Written out, not derived from the source: losing the custom API or the level view's raw order fails here.
        Fixture.RequireSchemas();
        var expected = new List<string>
        {
            SolutionPacker.SolutionManifestDifference,
            "customapis/: stored as files, as the export does; no published schema",
            "customizations.xml: <SdkMessageId> first in <SdkMessageProcessingStep> (the XSD puts it after <Rank>), accepted by name (README, Known schema differences)",
            "customizations.xml: <OptimizedFor> in <AppModule>, accepted by name (README, Known schema differences)",
            "customizations.xml: <statecode> in <AppModule>, accepted by name (README, Known schema differences)",
            "customizations.xml: <statuscode> in <AppModule>, accepted by name (README, Known schema differences)",
            "customizations.xml: <NavigationType> in <AppModule>, accepted by name (README, Known schema differences)",
            "customizations.xml: <EnableCollapsibleGroups> in <AppModuleSiteMap>, accepted by name (README, Known schema differences)",
            "customizations.xml: <ShowHome> in <AppModuleSiteMap>, accepted by name (README, Known schema differences)",
            "customizations.xml: <ShowPinned> in <AppModuleSiteMap>, accepted by name (README, Known schema differences)",
            "customizations.xml: <ShowRecents> in <AppModuleSiteMap>, accepted by name (README, Known schema differences)",
            "customizations.xml: <AutoNumberFormat> in <attribute>, accepted by name (README, Known schema differences)",
            "customizations.xml: <IsSearchable> in <attribute>, accepted by name (README, Known schema differences)",
            "customizations.xml: <IsFilterable> in <attribute>, accepted by name (README, Known schema differences)",
            "customizations.xml: <IsRetrievable> in <attribute>, accepted by name (README, Known schema differences)",
            "customizations.xml: <IsLocalizable> in <attribute>, accepted by name (README, Known schema differences)",
            "customizations.xml: <CascadeArchive> in <EntityRelationship>, accepted by name (README, Known schema differences)",
            "customizations.xml: useraworderby on <fetch>, accepted by name (README, Known schema differences)",
        };

        Assert.That(PackRun.Both.Result.KnownSchemaDifferences, Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Types))]
    public void Customizations_ViewsSortingAChoice_KeepTheirRawOrderForDataverse(PackageType type)
    {
        // Left out of validation only: the packed views still ask Dataverse to sort the level, and Organizational
        // power (High first in the two engagement views), by value.
        var fetches = PackRun.Both[type].Xml("customizations.xml").Descendants("fetchxml").Elements("fetch")
            .Where(f => (string?)f.Attribute("useraworderby") == "true")
            .Select(f => (string?)f.Element("entity")!.Elements("order").First().Attribute("attribute"));

        Assert.That(fetches, Is.EquivalentTo(new[] { "rel_relationshiplevel", "rel_organizationalpower", "rel_organizationalpower" }));
    }

    [TestCase(PackageType.Unmanaged, "0")]
    [TestCase(PackageType.Managed, "1")]
    public void SolutionXml_Shape_IsThatOfARealExport(PackageType type, string managed)
    {
        var root = PackRun.Both[type].Xml("solution.xml");
        var manifest = root.Element("SolutionManifest")!;

        Assert.That(
            (root.Name.LocalName, root.Elements().Count(), manifest.Elements().Select(e => e.Name.LocalName).ToList(), manifest.Element("Managed")!.Value, manifest.Element("Version")!.Value),
            Is.EqualTo(("ImportExportXml", 1, new List<string> { "UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher", "RootComponents", "MissingDependencies" }, managed, Fixture.Source.Manifest.Version)));
    }

    [Test]
    public void Pack_WithAVersion_StampsItInSolutionXmlAndTheZipNames()
    {
        var packed = PackRun.Pack("version", [PackageType.Managed], o => o with { Version = SolutionVersion.Parse("1.2.3.4") });

        Assert.That(
            (Path.GetFileName(packed.Result.Zips.Single().Path), packed[PackageType.Managed].Xml("solution.xml").Element("SolutionManifest")!.Element("Version")!.Value),
            Is.EqualTo(($"{Fixture.Source.Manifest.UniqueName}_1_2_3_4_managed.zip", "1.2.3.4")));
    }
}

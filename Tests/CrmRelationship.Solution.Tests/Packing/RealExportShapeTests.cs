using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// Both packed zips have the shape that Dataverse itself exports (issue 12), whatever the 2018 XSDs allow: each
/// kind of component with the children and the child order of real exports (<see cref="ExportShapes"/>), the
/// values those exports and Microsoft Learn give (step filtering and configuration, the app's state and
/// navigation, date-only columns, the Custom API's plug-in type reference), root components only for what
/// real exports list, and a role that can open the app.
/// </summary>
[TestFixture]
public sealed class RealExportShapeTests
{
    private static readonly PackageType[] Types = [PackageType.Unmanaged, PackageType.Managed];

    [TestCaseSource(nameof(Types))]
    public void Components_ComparedWithRealExports_HaveTheirChildrenInTheirOrder(PackageType type)
    {
        var zip = PackRun.Both[type];
        var found = ExportShapes.All.ToDictionary(s => s.Kind, s => s.Find(zip).ToList());

        var problems = found.Where(f => f.Value.Count == 0).Select(f => $"no <{f.Key}> in the zip")
            .Concat(ExportShapes.All.SelectMany(s => found[s.Kind].SelectMany(s.ProblemsOf)))
            .ToList();

        Assert.That(problems, Is.Empty, () => string.Join(Environment.NewLine, problems));
    }

    [TestCaseSource(nameof(Types))]
    public void Steps_FilteringAttributesAndConfiguration_AreWrittenAsExportsWriteThem(PackageType type)
    {
        // FilteringAttributes on every step, empty on Create and Delete (a column filter applies to Update only);
        // Configuration only when it carries a value.
        var steps = ExportShapes.Step.Find(PackRun.Both[type]).ToList();
        var wrong = steps.Where(s =>
                s.Element("FilteringAttributes") is not { } filtering
                || (IsCreateOrDelete(s) && filtering.Value.Length > 0)
                || (!IsCreateOrDelete(s) && filtering.Value.Length == 0)
                || s.Element("Configuration") is { Value.Length: 0 })
            .Select(ExportShape.KeyOf);

        Assert.That((steps.Count, wrong), Is.EqualTo((Fixture.Source.Steps.Count, Array.Empty<string>())));
    }

    [TestCaseSource(nameof(Types))]
    public void App_StateAndNavigation_AreThoseOfEveryRealExport(PackageType type)
    {
        // statecode 0 (active), statuscode 1, NavigationType 0 in all eight apps seen; site maps say whether
        // groups collapse and whether Home, Pinned and Recent show, as booleans.
        var zip = PackRun.Both[type];
        var app = ExportShapes.App.Find(zip).Single();
        var siteMap = ExportShapes.SiteMap.Find(zip).Single();
        string[] flags = ["EnableCollapsibleGroups", "ShowHome", "ShowPinned", "ShowRecents"];

        Assert.That(
            ((string?)app.Element("statecode"), (string?)app.Element("statuscode"), (string?)app.Element("NavigationType"),
                flags.Select(f => (string?)siteMap.Element(f)).All(v => v is "True" or "False")),
            Is.EqualTo(("0", "1", "0", true)));
    }

    [TestCaseSource(nameof(Types))]
    public void DateColumns_Behavior_IsADocumentedDateTimeBehaviorThatCustomizersCanStillSee(PackageType type)
    {
        // DateTimeBehavior (Microsoft Learn): 1 UserLocal, 2 DateOnly, 3 TimeZoneIndependent; DateOnly needs the
        // date format. A new custom column has CanChangeDateTimeBehavior true (Learn, "Behavior and format of the
        // date and time column"), as all 47 custom date columns of the exports seen; DateOnly is final anyway.
        var columns = ExportShapes.Column.Find(PackRun.Both[type]).Where(c => (string?)c.Element("Type") == "datetime").ToList();
        var wrong = columns.Where(c =>
                (string?)c.Element("Behavior") is not ("1" or "2" or "3")
                || ((string?)c.Element("Behavior") == "2" && (string?)c.Element("Format") != "date")
                || (string?)c.Element("CanChangeDateTimeBehavior") != "1")
            .Select(ExportShape.KeyOf);

        Assert.That((columns.Count > 0, wrong), Is.EqualTo((true, Array.Empty<string>())));
    }

    [TestCaseSource(nameof(Types))]
    public void CustomApis_PluginTypeAndOptionalElements_AreWrittenAsExportsWriteThem(PackageType type)
    {
        // Every customapi.xml of the exports seen names its plug-in type by <plugintypeexportkey> (Learn: "either
        // value works, but we recommend the plugintypeexportkey"), and leaves an optional element out when it is empty.
        var zip = PackRun.Both[type];
        var apis = ExportShapes.CustomApi.Find(zip).ToList();
        var fields = ExportShapes.CustomApiRequestParameter.Find(zip).Concat(ExportShapes.CustomApiResponseProperty.Find(zip));
        string[] optional = ["boundentitylogicalname", "executeprivilegename", "logicalentityname"];

        var wrongReference = apis.Where(a => a.Element("plugintypeid")?.Elements().Select(e => e.Name.LocalName).SingleOrDefault() != "plugintypeexportkey")
            .Select(ExportShape.KeyOf);
        var emptyOptional = apis.Concat(fields).SelectMany(e => e.Elements().Where(c => optional.Contains(c.Name.LocalName) && c.Value.Length == 0)
            .Select(c => $"{ExportShape.KeyOf(e)} <{c.Name.LocalName}>"));

        Assert.That((apis.Count, wrongReference, emptyOptional), Is.EqualTo((Fixture.Source.CustomApis.Count, Array.Empty<string>(), Array.Empty<string>())));
    }

    [TestCaseSource(nameof(Types))]
    public void RootComponents_ComparedWithRealExports_AreTheTablesAsShellsAndNoneOfTheirParts(PackageType type)
    {
        // A system table that only gets new parts is a root (type 1, behavior 2, "Include As Shell Only") and its
        // forms (60), views (26), charts (59) and relationships (10) travel inside it, as in Apollo's contact and
        // account; the only type-60 roots seen are dashboards and dialogs, of which this solution has none.
        var roots = PackRun.Both[type].Xml("solution.xml").Element("SolutionManifest")!.Element("RootComponents")!.Elements("RootComponent")
            .Select(r => (Type: int.Parse((string)r.Attribute("type")!, CultureInfo.InvariantCulture), Name: (string?)r.Attribute("schemaName"),
                Behavior: (string?)r.Attribute("behavior")))
            .ToList();
        var tables = roots.Where(r => r.Type == ComponentType.Entity).Select(r => $"{r.Name} {r.Behavior}");
        var parts = roots.Where(r => r.Type is ComponentType.SystemForm or ComponentType.SavedQuery or ComponentType.SavedQueryVisualization
            or ComponentType.EntityRelationship).Select(r => r.Type).Distinct();

        Assert.That((tables, parts), Is.EqualTo((new[] { "account 2", "contact 2" }, Array.Empty<int>())));
    }

    [TestCaseSource(nameof(Types))]
    public void Role_Privileges_AreSortedAsExportsSortThemAndReadUserSettingsGlobally(PackageType type)
    {
        // All seven roles of the exports seen grant prvReadUserSettings at Global depth (user settings are not owned by
        // a user) and list privileges by name, ignoring case.
        var privileges = ExportShapes.Role.Find(PackRun.Both[type]).Single().Element("RolePrivileges")!.Elements("RolePrivilege")
            .Select(p => (Name: (string)p.Attribute("name")!, Level: (string)p.Attribute("level")!)).ToList();
        var names = privileges.Select(p => p.Name).ToList();

        Assert.That(
            (privileges.Where(p => p.Name == "prvReadUserSettings").Select(p => p.Level), names),
            Is.EqualTo((new[] { "Global" }, names.Order(StringComparer.OrdinalIgnoreCase).ToList())));
    }

    private static bool IsCreateOrDelete(XElement step) =>
        (string?)step.Element("SdkMessageId") is { } id && (Guid.Parse(id) == SdkMessages.Create || Guid.Parse(id) == SdkMessages.Delete);
}

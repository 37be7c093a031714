using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The 2018 XSDs stay the check, with a named list of the newer constructs that real exports carry
/// (<see cref="NewerSchemaConstructs"/>): each is accepted where exports write it, anything else unknown is
/// still refused, and README.md's "Known schema differences" names every one.
/// </summary>
[TestFixture]
public sealed class NewerSchemaConstructsTests
{
    [Test]
    public void Accept_Fetch_TakesOnlyUseRawOrderByOff()
    {
        var fetch = XElement.Parse("<fetch version='1.0' useraworderby='true'><entity name='account' /></fetch>");

        var accepted = NewerSchemaConstructs.Accept(fetch);

        Assert.That(
            (accepted.Select(c => c.Name), fetch.Attributes().Select(a => a.Name.LocalName)),
            Is.EqualTo((new[] { SolutionSchemas.UseRawOrderBy }, new[] { "version" })));
    }

    [Test]
    public void Accept_Column_TakesTheNamedChildrenOffAndLeavesAnUnknownOne()
    {
        var column = XElement.Parse(
            "<attributes><attribute PhysicalName='x'><Type>int</Type><AutoNumberFormat></AutoNumberFormat><IsSearchable>0</IsSearchable>"
            + "<IsFilterable>0</IsFilterable><IsRetrievable>0</IsRetrievable><IsLocalizable>0</IsLocalizable><IsFancy>1</IsFancy></attribute></attributes>");

        NewerSchemaConstructs.Accept(column);

        Assert.That(column.Element("attribute")!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Type", "IsFancy" }));
    }

    [TestCase("<IsAutoAssigned>0</IsAutoAssigned>", 0)]
    [TestCase("<IsFancy>0</IsFancy>", 1)]
    [TestCase("<AutoNumberFormat></AutoNumberFormat>", 1)]
    public void Validate_RoleWithANewerChild_OnlyTheOneNamedForRolesIsAccepted(string child, int problems)
    {
        // IsAutoAssigned is named for <Role>; an unknown element, or a named one in another place, is still refused.
        var customizations = XElement.Parse(
            "<ImportExportXml><Roles><Role id='{e295f538-9796-4120-9b34-1afbe8bcc1e4}' name='r'><IsCustomizable>1</IsCustomizable>"
            + child + "<RolePrivileges /></Role></Roles></ImportExportXml>");

        Assert.That(Fixture.Schemas.Validate(customizations), Has.Count.EqualTo(problems));
    }

    [TestCase("SdkMessageId", "PluginTypeName", 0)]
    [TestCase("PluginTypeId", "PluginTypeName", 1)]
    public void Validate_StepWithAChildMovedFirst_OnlySdkMessageIdFirstIsAccepted(string first, string second, int problems)
    {
        // Exports write SdkMessageId first (the XSD puts it after Rank); any other order change is still refused.
        var children = new[] { first, second }.Concat(new[] { "PluginTypeName", "PluginTypeId", "Rank", "SdkMessageId" }.Except([first, second]))
            .Select(n => new XElement(n, n switch
            {
                "SdkMessageId" => "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8",
                "PluginTypeId" => "277485f6-a0fe-40f9-ba4e-1eadda0d969f",
                "Rank" => "1",
                _ => "T",
            }));
        var customizations = new XElement("ImportExportXml", new XElement("SdkMessageProcessingSteps",
            new XElement("SdkMessageProcessingStep", new XAttribute("SdkMessageProcessingStepId", "{2146843d-deea-4845-9673-3843584729ed}"), children)));

        Assert.That(Fixture.Schemas.Validate(customizations), Has.Count.EqualTo(problems));
    }

    [Test]
    public void Readme_KnownSchemaDifferences_NamesEveryAcceptedConstruct()
    {
        var section = string.Join("\n", File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"))
            .SkipWhile(l => l != "#### Known schema differences").Skip(1).TakeWhile(l => !l.StartsWith('#')));

        var missing = NewerSchemaConstructs.All.Where(c => !section.Contains(c.Description, System.StringComparison.Ordinal)).Select(c => c.Description);

        Assert.That(missing, Is.Empty);
    }
}

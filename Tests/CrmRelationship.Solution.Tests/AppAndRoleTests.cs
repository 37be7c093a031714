using System.IO;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The model-driven app opens contact and account with this solution's forms, views and charts, its site
/// map lists both tables, and the Relationship Manager role can open it and work on contacts and accounts
/// in its business unit (the privileges Microsoft Learn names for that, and those real roles built for
/// model-driven apps all grant), with every privilege listed in README.md.
/// </summary>
[TestFixture]
public sealed class AppAndRoleTests
{
    private static AppModuleDefinition App => Fixture.Source.Apps.Single();

    private static SecurityRoleDefinition Role => Fixture.Source.Roles.Single();

    [Test]
    public void App_Name_IsRelationshipInfluence()
    {
        Assert.That(App.Name, Is.EqualTo("Relationship Influence"));
    }

    [Test]
    public void App_Tables_AreContactAndAccount()
    {
        var tables = App.Components.Where(c => c.Type == ComponentType.Entity).Select(c => c.SchemaName);

        Assert.That(tables, Is.EquivalentTo(new[] { "contact", "account" }));
    }

    [Test]
    public void App_FormsViewsAndCharts_AreEveryOneOfTheSolution()
    {
        var source = Fixture.Source;
        var expected = source.Forms.Select(f => (ComponentType.SystemForm, f.Id))
            .Concat(source.Views.Select(v => (ComponentType.SavedQuery, v.Id)))
            .Concat(source.Charts.Select(c => (ComponentType.SavedQueryVisualization, c.Id)));

        var actual = App.Components.Where(c => c.Id is not null).Select(c => (c.Type, c.Id!.Value));

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void App_SiteMap_IsItsOwnSiteMap()
    {
        var siteMaps = App.Components.Where(c => c.Type == ComponentType.SiteMap).Select(c => c.SchemaName);

        Assert.That(siteMaps, Is.EqualTo(new[] { App.UniqueName }).And.EquivalentTo(Fixture.Source.SiteMaps.Select(s => s.UniqueName)));
    }

    [Test]
    public void App_Roles_GiveTheRelationshipManagerAccess()
    {
        Assert.That(App.RoleIds, Is.EqualTo(new[] { Role.Id }));
    }

    [Test]
    public void SiteMap_SubAreas_OpenContactsAndAccounts()
    {
        var entities = Fixture.Source.SiteMaps.Single().SubAreas.Select(s => s.Entity);

        Assert.That(entities, Is.EqualTo(new[] { "contact", "account" }));
    }

    [Test]
    public void Role_Name_IsRelationshipManager()
    {
        Assert.That(Role.Name, Is.EqualTo("Relationship Manager"));
    }

    [TestCase("prvReadContact", "Local")]
    [TestCase("prvWriteContact", "Local")]
    [TestCase("prvAppendContact", "Local")]
    [TestCase("prvAppendToContact", "Local")]
    [TestCase("prvReadAccount", "Local")]
    [TestCase("prvWriteAccount", "Local")]
    [TestCase("prvAppendAccount", "Local")]
    [TestCase("prvAppendToAccount", "Local")]
    [TestCase("prvReadAppModule", "Global")]
    [TestCase("prvReadSystemForm", "Global")]
    [TestCase("prvReadQuery", "Global")]
    [TestCase("prvReadSavedQueryVisualizations", "Global")]
    [TestCase("prvReadWebResource", "Global")]
    [TestCase("prvReadCustomization", "Global")]
    [TestCase("prvReadOrganization", "Global")]
    [TestCase("prvReadUserSettings", "Global")]
    [TestCase("prvReadUser", "Global")]
    [TestCase("prvReadUserQuery", "Basic")]
    [TestCase("prvCreateUserEntityUISettings", "Basic")]
    [TestCase("prvReadUserEntityUISettings", "Basic")]
    [TestCase("prvWriteUserEntityUISettings", "Basic")]
    [TestCase("prvCreateUserApplicationMetadata", "Basic")]
    [TestCase("prvReadUserApplicationMetadata", "Basic")]
    [TestCase("prvWriteUserApplicationMetadata", "Basic")]
    [TestCase("prvReadSystemApplicationMetadata", "Global")]
    [TestCase("prvReadEntity", "Global")]
    [TestCase("prvReadAttribute", "Global")]
    [TestCase("prvReadRelationship", "Global")]
    [TestCase("prvReadOptionSet", "Global")]
    [TestCase("prvReadBusinessUnit", "Global")]
    [TestCase("prvReadTeam", "Global")]
    [TestCase("prvReadRole", "Local")]
    [TestCase("prvReadTransactionCurrency", "Global")]
    public void Role_Privilege_IsGrantedAtItsDepth(string privilege, string level)
    {
        Assert.That(Role.Privileges.Where(p => p.Name == privilege).Select(p => p.Level), Is.EqualTo(new[] { level }));
    }

    [Test]
    public void Role_ContactsAndAccounts_CannotBeCreatedDeletedAssignedOrShared()
    {
        var extra = Role.Privileges.Where(p => p.Name.EndsWith("Contact", System.StringComparison.Ordinal) || p.Name.EndsWith("Account", System.StringComparison.Ordinal))
            .Where(p => p.Name.StartsWith("prvCreate", System.StringComparison.Ordinal) || p.Name.StartsWith("prvDelete", System.StringComparison.Ordinal)
                || p.Name.StartsWith("prvAssign", System.StringComparison.Ordinal) || p.Name.StartsWith("prvShare", System.StringComparison.Ordinal));

        Assert.That(extra, Is.Empty);
    }

    [Test]
    public void Role_Privileges_AreExactlyThoseTheReadmeListsWithTheirDepth()
    {
        // README "What the Relationship Manager role grants": one row per group of privileges, its depth first in the second cell.
        var section = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"))
            .SkipWhile(l => l != "#### What the Relationship Manager role grants").Skip(1).TakeWhile(l => !l.StartsWith('#')).ToList();
        var listed = MarkdownPage.Tables(section).SelectMany(t => t)
            .SelectMany(row => MarkdownPage.CodeSpans(row[0]).Select(p => $"{p} {row[1].Split(' ')[0]}"));

        Assert.That(listed, Is.EquivalentTo(Role.Privileges.Select(p => $"{p.Name} {p.Level}")));
    }

    [Test]
    public void Role_Privileges_AreEachGrantedOnce()
    {
        Assert.That(Role.Privileges.Select(p => p.Name), Is.Unique);
    }
}

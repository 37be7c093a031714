using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The model-driven app opens contact and account with this solution's forms, views and charts, its site
/// map lists both tables, and the Relationship Manager role can open it and work on contacts and accounts
/// in its business unit.
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
    [TestCase("prvReadUserSettings", "Basic")]
    [TestCase("prvReadUserQuery", "Basic")]
    [TestCase("prvCreateUserEntityUISettings", "Basic")]
    [TestCase("prvReadUserEntityUISettings", "Basic")]
    [TestCase("prvWriteUserEntityUISettings", "Basic")]
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
    public void Role_Privileges_AreEachGrantedOnce()
    {
        Assert.That(Role.Privileges.Select(p => p.Name), Is.Unique);
    }
}

using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>Administrator settings arrive as the steps' unsecure configuration (relationship-model.md §8).</summary>
[TestFixture]
public sealed class SettingsScenarios
{
    private const string MatrixOverride = "{\"matrix\": {\"No/Low/Detractor/Passive\": \"Moderate risk, monitor perception\"}}";

    [Test]
    public void MatrixRowChangedInTheStepConfiguration_ContactGetsTheAdministratorsAction()
    {
        // Arrange
        var crm = Crm.WithConfiguration(MatrixOverride);
        var inputs = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.Low, Perception.Detractor, ActivityLevel.Passive);

        // Act
        var id = crm.CreateContact(inputs, null, "Ada Lovelace");

        // Assert
        var row = crm.Contact(id);
        var expected = new RelationshipScorer(ScoringSettings.Parse(MatrixOverride)).ScoreContact(inputs, null, Contacts.ScoredOn(row));
        Assert.Multiple(() =>
        {
            Assert.That(Columns.Choice<RecommendedAction>(row, Names.Computed.RecommendedAction), Is.EqualTo(RecommendedAction.ModerateRiskMonitorPerception));
            Assert.That((string)row[Names.Computed.ScoreExplanation], Does.Contain("Your administrator set this row"));
            Assert.That(Contacts.Computed(row), Is.EqualTo(Contacts.Expected(expected)));
        });
    }

    [Test]
    public void DefaultConfiguration_KeepsTheModelsRow()
    {
        var crm = Crm.Registered();

        var id = crm.CreateContact(Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.Low, Perception.Detractor, ActivityLevel.Passive), null, "Ada Lovelace");

        Assert.That(Columns.Choice<RecommendedAction>(crm.Contact(id), Names.Computed.RecommendedAction), Is.EqualTo(RecommendedAction.LowRiskMoveOn));
    }

    [Test]
    public void HighPowerWeightInTheRollupConfiguration_IsTheWeightTheAccountUses()
    {
        const string Weight = "{\"highPowerWeight\": 10}";
        var crm = Crm.WithConfiguration(Weight);
        var account = crm.CreateAccount("Contoso");
        crm.CreateContact(new ContactInputs { OrganizationalPower = OrganizationalPower.High, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely } }, account, "Ada Lovelace");
        crm.CreateContact(new ContactInputs { OrganizationalPower = OrganizationalPower.Low, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs } }, account, "Grace Hopper");

        var stored = crm.Account(account);

        Assert.That(Accounts.Computed(stored), Is.EqualTo(Accounts.FullRecompute(crm.Store, account, new RelationshipScorer(ScoringSettings.Parse(Weight)))));
    }

    [TestCase("{\"highPowerWeight\": 0}", "highPowerWeight")]
    [TestCase("{\"matrix\": {\"Maybe/High/Detractor/Active\": \"High risk, improve perception\"}}", "matrix.Maybe/High/Detractor/Active")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": \"Panic\"}}", "matrix.No/High/Detractor/Active")]
    [TestCase("{\"healthWeights\": {\"ladder\": -1}}", "healthWeights.ladder")]
    [TestCase("{\"colour\": \"blue\"}", "colour")]
    [TestCase("{\"highPowerWeight\": 3", "settings")]
    public void BadSettings_EveryExecutionFailsWithAMessageNamingTheKey_NothingWritten(string configuration, string key)
    {
        // Arrange
        var crm = Crm.WithConfiguration(configuration);

        // Act
        var first = Assert.Throws<InvalidPluginExecutionException>(() => crm.CreateContact(Contacts.FullyAssessed, null, "Ada Lovelace"));
        var second = Assert.Throws<InvalidPluginExecutionException>(() => crm.CreateContact(Contacts.FullyAssessed, null, "Grace Hopper"));
        var account = Assert.Throws<InvalidPluginExecutionException>(() => crm.CreateAccount("Contoso"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(new[] { first!.Message, second!.Message, account!.Message }, Is.All.Contain("'" + key + "'"));
            Assert.That(first.Message, Does.Contain("configuration"));
            Assert.That(crm.Store.Count(Names.Contact) + crm.Store.Count(Names.Account), Is.Zero);
            Assert.That(crm.Operations.Select(o => o.Succeeded), Is.All.False);
        });
    }

    [Test]
    public void BadSettingsOnTheRollupStepOnly_ThePostOperationFailureRollsTheContactSaveBack()
    {
        var crm = Crm.WithConfiguration("{\"highPowerWeight\": 0}", Crm.ContactRollup);
        var account = crm.CreateAccount("Contoso");
        var accountBefore = crm.Account(account);

        Assert.Multiple(() =>
        {
            Assert.That(() => crm.CreateContact(Contacts.FullyAssessed, account, "Ada Lovelace"), Throws.TypeOf<InvalidPluginExecutionException>());
            Assert.That(crm.LastOperation.StepsOf(Crm.ContactScoring), Has.Count.EqualTo(1), "the scoring step ran and the row was inserted");
            Assert.That(crm.Store.Count(Names.Contact), Is.Zero, "… and then rolled back");
            Assert.That(crm.Account(account).Attributes, Is.EquivalentTo(accountBefore.Attributes));
        });
    }
}

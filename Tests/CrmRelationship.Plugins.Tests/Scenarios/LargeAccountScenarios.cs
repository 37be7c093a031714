using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// The rollup's cost grows by one query page per 5,000 contacts and nothing else. Contacts are seeded
/// already scored (no pipeline), then one save goes through the pipeline and is counted.
/// </summary>
[TestFixture]
public sealed class LargeAccountScenarios
{
    [TestCase(1_000, 1)]
    [TestCase(12_000, 3)]
    public void SaveOnAnAccountWithManyContacts_RollupReadsOnePagePer5000(int contacts, int pages)
    {
        // Arrange
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");
        var now = DateTime.UtcNow;
        var ids = Enumerable.Range(0, contacts)
            .Select(i => crm.Store.Seed(Contacts.Scored(Mixed(i), account, "Contact " + i, now)))
            .ToList();

        // Act: the first contact becomes the most urgent of all.
        crm.Update(Contacts.Change(
            ids[0],
            (Names.ContactInputs.Relationship, Columns.Option(RelationshipStatus.No)),
            (Names.ContactInputs.OrganizationalPower, Columns.Option(OrganizationalPower.High)),
            (Names.ContactInputs.Perception, Columns.Option(Perception.Detractor)),
            (Names.ContactInputs.ActivityLevel, Columns.Option(ActivityLevel.Active))));

        // Assert
        var rollup = crm.LastOperation.StepsOf(Crm.ContactRollup).Single();
        var stored = crm.Account(account);
        Assert.Multiple(() =>
        {
            Assert.That(rollup.CallCounts, Is.EqualTo(new CallCounts(Retrieve: 1, RetrieveMultiple: pages, Create: 0, Update: 1, Delete: 0)));
            Assert.That(rollup.Calls.Where(c => c.Kind == CallKind.RetrieveMultiple).Select(c => c.PageNumber), Is.EqualTo(Enumerable.Range(1, pages)));
            Assert.That(stored[Names.Computed.AssessedContacts], Is.EqualTo(Accounts.ActiveContactsOf(crm.Store, account).Count(c => c.Contains(Names.Computed.RecommendedAction))));
            Assert.That(Accounts.Computed(stored), Is.EqualTo(Accounts.FullRecompute(crm.Store, account)));
        });
    }

    [Test]
    public void AccountWithNoContacts_AccountStepReadsOneEmptyPageAndHasNoValues()
    {
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");

        crm.Update(new Microsoft.Xrm.Sdk.Entity(Names.Account, account) { [Names.AccountInputs.CustomerViewLevel] = Columns.Option(RelationshipLevel.Advisor) });

        var stored = crm.Account(account);
        Assert.Multiple(() =>
        {
            Assert.That(crm.LastOperation.CallCounts, Is.EqualTo(new CallCounts(0, 1, 0, 0, 0)));
            Assert.That(stored[Names.Computed.AssessedContacts], Is.Zero);
            Assert.That(stored.Contains(Names.Computed.RecommendedAction) || stored.Contains(Names.Computed.KeyContactId) || stored.Contains(Names.Computed.HealthScore), Is.False);
            Assert.That(Accounts.Computed(stored), Is.EqualTo(Accounts.FullRecompute(crm.Store, account)));
        });
    }

    /// <summary>A deterministic mix: every matrix row, partial and skipped ladders, some risks, some not assessed.</summary>
    private static ContactInputs Mixed(int i) => i % 11 == 10
        ? ContactInputs.Empty
        : new ContactInputs
        {
            Relationship = ChoiceValues.At<RelationshipStatus>(i % 2),
            OrganizationalPower = ChoiceValues.At<OrganizationalPower>(i / 2 % 2),
            Perception = ChoiceValues.At<Perception>(i / 4 % 2),
            ActivityLevel = ChoiceValues.At<ActivityLevel>(i / 8 % 2),
            ObservedBehaviours = ChoiceValues.InOrder<RelationshipBehaviour>().Take(i % 6).ToArray(),
            RiskBehaviours = i % 7 == 0 ? new[] { RiskBehaviour.Criticism } : Array.Empty<RiskBehaviour>(),
            CustomerViewLevel = i % 3 == 0 ? ChoiceValues.At<RelationshipLevel>(i % 5) : null,
            CustomerViewDate = i % 3 == 0 ? new DateTime(2026, 1, 1).AddDays(i % 300) : null,
        };
}

using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// Contact saves rolled up to accounts through the pipeline as registered: after every save the
/// affected accounts hold what a full recompute from the store gives, at one query page, one
/// Retrieve and at most one Update per affected account, written as SYSTEM.
/// </summary>
[TestFixture]
public sealed class RollupScenarios
{
    private static readonly ContactInputs AtHighRisk = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.High, Perception.Detractor, ActivityLevel.Active);
    private static readonly ContactInputs WithPotential = Contacts.Matrix(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active);
    private static readonly ContactInputs LowRisk = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.Low, Perception.Detractor, ActivityLevel.Passive);

    private Pipeline crm = null!;
    private Guid accountA;
    private Guid accountB;

    [SetUp]
    public void SetUp()
    {
        crm = Crm.Registered();
        accountA = crm.CreateAccount("Contoso");
        accountB = crm.CreateAccount("Fabrikam");
    }

    [Test]
    public void CreateContactOnAnAccount_AccountIsAFullRecompute_AtOnePageOneRetrieveOneUpdateAsSystem()
    {
        // Act
        var id = crm.CreateContact(Contacts.FullyAssessed, accountA, "Ada Lovelace");

        // Assert
        var op = crm.LastOperation;
        var account = crm.Account(accountA);
        Assert.Multiple(() =>
        {
            Assert.That(Accounts.Computed(account), Is.EqualTo(Accounts.FullRecompute(crm.Store, accountA)));
            Assert.That(account[Names.Computed.AssessedContacts], Is.EqualTo(1));
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(id));
            Assert.That(op.CallsOf(Crm.ContactRollup), Is.EqualTo(new CallCounts(Retrieve: 1, RetrieveMultiple: 1, Create: 0, Update: 1, Delete: 0)));
            Assert.That(op.Calls.Select(c => c.UserId), Is.All.EqualTo(Pipeline.SystemUserId));
            Assert.That(op.StepsOf(Crm.AccountScoring), Is.Empty, "the rollup's write does not re-enter the account step");
        });
    }

    [Test]
    public void CreateContactWithoutAnAccount_RollupMakesNoCall()
    {
        crm.CreateContact(Contacts.FullyAssessed, null, "Ada Lovelace");

        Assert.That(crm.LastOperation.CallCounts, Is.EqualTo(CallCounts.None));
    }

    [Test]
    public void MoveContactBetweenAccounts_BothAccountsAreAFullRecompute()
    {
        // Arrange
        var moving = crm.CreateContact(AtHighRisk, accountA, "Ada Lovelace");
        var staying = crm.CreateContact(WithPotential, accountA, "Grace Hopper");
        crm.CreateContact(LowRisk, accountB, "Alan Turing");

        var beforeA = Accounts.HistoryOf(crm.Account(accountA), Left(moving, "Ada Lovelace", DepartureReason.MovedToAnotherAccount));
        var beforeB = Accounts.HistoryOf(crm.Account(accountB));

        // Act
        crm.Update(Contacts.Change(moving, (Names.Standard.ParentCustomerId, new EntityReference(Names.Account, accountB))));

        // Assert
        var a = crm.Account(accountA);
        var b = crm.Account(accountB);
        Assert.Multiple(() =>
        {
            Assert.That(Accounts.Computed(a), Is.EqualTo(Accounts.FullRecompute(crm.Store, accountA, before: beforeA)));
            Assert.That(Accounts.Computed(b), Is.EqualTo(Accounts.FullRecompute(crm.Store, accountB, before: beforeB)));
            Assert.That(a.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(staying));
            Assert.That(b.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(moving));
            Assert.That((a[Names.Computed.AssessedContacts], b[Names.Computed.AssessedContacts]), Is.EqualTo((1, 2)));
            Assert.That(crm.LastOperation.StepsOf(Crm.ContactScoring), Is.Empty, "a move changes no input");
            Assert.That(crm.LastOperation.CallsOf(Crm.ContactRollup), Is.EqualTo(new CallCounts(2, 2, 0, 2, 0)));
        });
    }

    [Test]
    public void DeactivateReactivateDelete_TheAccountFollowsEveryStep()
    {
        // Arrange
        var ada = crm.CreateContact(AtHighRisk, accountA, "Ada Lovelace");
        crm.CreateContact(WithPotential, accountA, "Grace Hopper");
        var assessed = new List<object>();
        var recomputed = new List<bool>();
        KeyContactHistory? before = null;
        void Before(DepartureReason? reason) =>
            before = Accounts.HistoryOf(crm.Account(accountA), reason is { } r ? Left(ada, "Ada Lovelace", r) : null);
        void Check()
        {
            var account = crm.Account(accountA);
            assessed.Add(account[Names.Computed.AssessedContacts]);
            recomputed.Add(Accounts.Computed(account).SequenceEqual(Accounts.FullRecompute(crm.Store, accountA, before: before)));
        }

        // Act
        Before(DepartureReason.Deactivated);
        crm.Update(Contacts.Change(ada, (Names.Standard.StateCode, new OptionSetValue(States.Inactive)), (OtherColumns.StatusCode, new OptionSetValue(States.InactiveStatus))));
        Check();
        Before(null);
        crm.Update(Contacts.Change(ada, (Names.Standard.StateCode, new OptionSetValue(States.Active)), (OtherColumns.StatusCode, new OptionSetValue(States.ActiveStatus))));
        Check();
        Before(DepartureReason.Deleted);
        crm.Delete(Names.Contact, ada);
        Check();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(assessed, Is.EqualTo(new object[] { 1, 2, 1 }));
            Assert.That(recomputed, Is.All.True);
            Assert.That(crm.Operations.TakeLast(3).Select(o => o.CallsOf(Crm.ContactRollup)), Is.All.EqualTo(new CallCounts(1, 1, 0, 1, 0)));
        });
    }

    [Test]
    public void LastAssessedContactLeaves_AccountValuesAreEmptiedNotLeftStale()
    {
        var only = crm.CreateContact(AtHighRisk, accountA, "Ada Lovelace");
        var before = Accounts.HistoryOf(crm.Account(accountA), Left(only, "Ada Lovelace", DepartureReason.Deleted));

        crm.Delete(Names.Contact, only);

        var account = crm.Account(accountA);
        Assert.Multiple(() =>
        {
            Assert.That(Accounts.Computed(account), Is.EqualTo(Accounts.FullRecompute(crm.Store, accountA, before: before)));
            Assert.That(account[Names.Computed.AssessedContacts], Is.Zero);
            Assert.That(
                new[] { Names.Computed.RecommendedAction, Names.Computed.KeyContactId, Names.Computed.RelationshipLevel, Names.Computed.HealthScore }.Where(account.Contains),
                Is.Empty);
        });
    }

    [Test]
    public void KeyContact_IsTheContactWithTheMostUrgentAction_AndMovesWhenThatChanges()
    {
        // Arrange
        crm.CreateContact(LowRisk, accountA, "Ada Lovelace");
        var risky = crm.CreateContact(AtHighRisk, accountA, "Grace Hopper");
        var promising = crm.CreateContact(WithPotential, accountA, "Alan Turing");
        var keyBefore = crm.Account(accountA).GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id;
        var actionBefore = Columns.Choice<RecommendedAction>(crm.Account(accountA), Names.Computed.RecommendedAction);

        // Act: the risky contact now advocates for us (No/High/Advocate/Active = High potential, find a sponsor).
        crm.Update(Contacts.Change(risky, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate))));

        // Assert
        var account = crm.Account(accountA);
        Assert.Multiple(() =>
        {
            Assert.That((keyBefore, actionBefore), Is.EqualTo((risky, (RecommendedAction?)RecommendedAction.HighRiskImprovePerception)));
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId), Is.EqualTo(new EntityReference(Names.Contact, promising)));
            Assert.That(Columns.Choice<RecommendedAction>(account, Names.Computed.RecommendedAction), Is.EqualTo(RecommendedAction.HighPotentialLeverage));
            Assert.That(Accounts.Computed(account), Is.EqualTo(Accounts.FullRecompute(crm.Store, accountA)));
        });
    }

    [Test]
    public void InputChangeThatLeavesEveryRolledUpValue_RollupMakesNoCall()
    {
        var id = crm.CreateContact(Contacts.FullyAssessed, accountA, "Ada Lovelace");

        crm.Update(Contacts.Change(id, (Names.ContactInputs.FeedbackCadence, Columns.Option(FeedbackCadence.Yearly))));

        Assert.Multiple(() =>
        {
            Assert.That(crm.LastOperation.Steps.Select(s => s.PluginName), Is.EqualTo(new[] { Crm.ContactScoring, Crm.ContactRollup }));
            Assert.That(crm.LastOperation.CallCounts, Is.EqualTo(CallCounts.None));
        });
    }

    [Test]
    public void RollupUpdate_CarriesOnlyTheAccountColumnsWhoseValueChanged()
    {
        // Arrange: a second contact whose health changes, while the key contact and the counts stay.
        crm.CreateContact(AtHighRisk, accountA, "Ada Lovelace");
        var grace = crm.CreateContact(
            new ContactInputs { Relationship = RelationshipStatus.Yes, OrganizationalPower = OrganizationalPower.Low, Perception = Perception.Advocate, ActivityLevel = ActivityLevel.Passive, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport } },
            accountA,
            "Grace Hopper");
        var before = Accounts.Computed(crm.Account(accountA));

        // Act
        crm.Update(Contacts.Change(grace, (Names.ContactInputs.RiskBehaviours, Columns.Options(new[] { RiskBehaviour.Contempt }))));

        // Assert
        var after = Accounts.Computed(crm.Account(accountA));
        var changed = after.Keys.Where(k => !Equals(after[k], before[k])).Append(Names.Computed.ScoredOn).OrderBy(k => k, StringComparer.Ordinal);
        var update = crm.LastOperation.Calls.Single(c => c.Kind == CallKind.Update);
        Assert.Multiple(() =>
        {
            Assert.That(update.Columns, Is.EqualTo(changed));
            Assert.That(update.Columns, Does.Not.Contain(Names.Computed.KeyContactId).And.Not.Contain(Names.Computed.AssessedContacts));
        });
    }

    /// <summary>The same saves of two contacts of one account, in different orders.</summary>
    private static readonly (int Contact, string Column, object Value)[] Saves =
    {
        (0, Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)!),
        (1, Names.ContactInputs.OrganizationalPower, Columns.Option(OrganizationalPower.High)!),
        (0, Names.ContactInputs.ObservedBehaviours, Columns.Options(new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely })!),
        (1, Names.ContactInputs.RiskBehaviours, Columns.Options(new[] { RiskBehaviour.Stonewalling })!),
        (1, Names.ContactInputs.CustomerViewLevel, Columns.Option(RelationshipLevel.InnerCircle)!),
    };

    [TestCase(new[] { 0, 1, 2, 3, 4 })]
    [TestCase(new[] { 1, 0, 3, 2, 4 })]
    [TestCase(new[] { 1, 3, 4, 0, 2 })]
    [TestCase(new[] { 0, 2, 1, 4, 3 })]
    public void InterleavedSavesOfTwoContacts_InAnyOrder_EndWithTheFullRecompute(int[] order)
    {
        // Arrange: the same ids in every run, so the runs are comparable.
        var reference = Run(new[] { 0, 1, 2, 3, 4 });

        // Act
        var result = Run(order);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Final, Is.EqualTo(reference.Final));
            Assert.That(result.Final, Is.EqualTo(result.Recomputed));
        });
    }

    private static (Dictionary<string, object?> Final, Dictionary<string, object?> Recomputed) Run(int[] order)
    {
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso", null, new Guid("a0000000-0000-0000-0000-00000000000a"));
        var contacts = new[]
        {
            crm.CreateContact(new ContactInputs { Relationship = RelationshipStatus.Yes, OrganizationalPower = OrganizationalPower.Low, Perception = Perception.Detractor, ActivityLevel = ActivityLevel.Active, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs } }, account, "Ada Lovelace", new Guid("c0000000-0000-0000-0000-000000000001")),
            crm.CreateContact(new ContactInputs { Relationship = RelationshipStatus.No, OrganizationalPower = OrganizationalPower.Low, Perception = Perception.Advocate, ActivityLevel = ActivityLevel.Passive, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport } }, account, "Grace Hopper", new Guid("c0000000-0000-0000-0000-000000000002")),
        };
        foreach (var index in order)
        {
            var (contact, column, value) = Saves[index];
            crm.Update(Contacts.Change(contacts[contact], (column, value)));
        }

        // The previous key contact and the time it changed depend on the order of the saves by design
        // (relationship-model.md §10): they are the path, not the state, so only the state is compared across orders.
        var final = Accounts.Computed(crm.Account(account));
        var recomputed = Accounts.FullRecompute(crm.Store, account);
        Assert.That(final, Is.EqualTo(recomputed));
        foreach (var path in new[] { Names.Computed.PreviousKeyContactId, Names.Computed.KeyContactChangedOn })
        {
            final.Remove(path);
            recomputed.Remove(path);
        }

        return (final, recomputed);
    }

    private static ContactDeparture Left(Guid contact, string name, DepartureReason reason) =>
        new() { Id = contact.ToString("D"), Name = name, Reason = reason };
}

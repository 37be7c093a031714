using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>The account step: computes an account from its own inputs and its active contacts, and only when those inputs change.</summary>
[TestFixture]
public sealed class AccountScenarios
{
    private static readonly AccountInputs BusinessReview = new()
    {
        CustomerViewLevel = RelationshipLevel.Partner,
        CustomerViewDate = new DateTime(2026, 6, 30),
        FeedbackCadence = FeedbackCadence.Yearly,
    };

    [Test]
    public void CreateAccount_IsComputedInTargetWithoutAnyCall()
    {
        var crm = Crm.Registered();

        var id = crm.CreateAccount("Contoso", BusinessReview);

        var account = crm.Account(id);
        Assert.Multiple(() =>
        {
            Assert.That(crm.LastOperation.StepsOf(Crm.AccountScoring), Has.Count.EqualTo(1));
            Assert.That(crm.LastOperation.CallCounts, Is.EqualTo(CallCounts.None));
            Assert.That(Accounts.Computed(account), Is.EqualTo(Accounts.FullRecompute(crm.Store, id)));
            Assert.That(account[Names.Computed.AssessedContacts], Is.Zero);
        });
    }

    [Test]
    public void AccountInputsEdited_AccountStepRecomputesFromItsActiveContactsAtOneQueryPage()
    {
        // Arrange
        var crm = Crm.Registered();
        var id = crm.CreateAccount("Contoso");
        crm.CreateContact(Contacts.FullyAssessed, id, "Ada Lovelace");
        crm.CreateContact(new ContactInputs { OrganizationalPower = OrganizationalPower.Low, ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs } }, id, "Grace Hopper");
        var gapBefore = crm.Account(id)[Names.Computed.ExpectationGap];

        // Act
        crm.Update(Accounts.New("Contoso", BusinessReview, id).Also(a => a.Attributes.Remove(Names.Standard.Name)));

        // Assert
        var op = crm.LastOperation;
        var account = crm.Account(id);
        Assert.Multiple(() =>
        {
            Assert.That(op.Steps.Select(s => s.PluginName), Is.EqualTo(new[] { Crm.AccountScoring }));
            Assert.That(op.CallCounts, Is.EqualTo(new CallCounts(0, 1, 0, 0, 0)));
            Assert.That(op.Calls.Single().UserId, Is.EqualTo(Pipeline.SystemUserId));
            Assert.That(Accounts.Computed(account), Is.EqualTo(Accounts.FullRecompute(crm.Store, id)));
            Assert.That(account[Names.Computed.ExpectationGap], Is.Not.EqualTo(gapBefore), "the account's own view now sets the gap");
        });
    }

    [Test]
    public void ContactRollupWritesTheAccount_TheAccountStepDoesNotRun()
    {
        var crm = Crm.Registered();
        var id = crm.CreateAccount("Contoso", BusinessReview);

        crm.CreateContact(Contacts.FullyAssessed, id, "Ada Lovelace");

        var op = crm.LastOperation;
        Assert.Multiple(() =>
        {
            Assert.That(op.CallsOf(Crm.ContactRollup).Update, Is.EqualTo(1));
            Assert.That(op.Steps.Select(s => s.PluginName), Is.EqualTo(new[] { Crm.ContactScoring, Crm.ContactRollup }));
            Assert.That(op.MaxDepth, Is.EqualTo(1), "the nested account Update ran no step");
            Assert.That(Accounts.Computed(crm.Account(id)), Is.EqualTo(Accounts.FullRecompute(crm.Store, id)));
        });
    }

    [Test]
    public void AccountUpdateOfAColumnThatIsNoInput_RunsNoStep()
    {
        var crm = Crm.Registered();
        var id = crm.CreateAccount("Contoso", BusinessReview);

        crm.Update(new Microsoft.Xrm.Sdk.Entity(Names.Account, id) { [Names.Standard.Name] = "Contoso Ltd" });

        Assert.That(crm.LastOperation.Steps, Is.Empty);
    }
}

/// <summary>Small fluent helper for arranging entities inline.</summary>
internal static class FluentExtensions
{
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}

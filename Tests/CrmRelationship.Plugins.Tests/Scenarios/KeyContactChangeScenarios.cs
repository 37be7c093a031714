using System;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// relationship-model.md §10 through the pipeline as registered: when a save takes an account's key contact out of
/// it (deactivated, moved to another account — also between two accounts of the same owner — or deleted), the
/// rollup keeps the old key contact (none when it was deleted) and the time, and the explanation begins by saying who
/// left, when and why, and who is the key contact now. The rollup costs what it cost before: no extra call. The
/// organization clears the lookups to a deleted contact before the rollup runs, as Dataverse does (cascade RemoveLink).
/// </summary>
[TestFixture]
public sealed class KeyContactChangeScenarios
{
    private static readonly ContactInputs AtHighRisk = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.High, Perception.Detractor, ActivityLevel.Active);
    private static readonly ContactInputs WithPotential = Contacts.Matrix(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active);
    private static readonly Guid Seller = new("5e11e500-0000-0000-0000-000000000001");

    public enum Leaving
    {
        Deactivated,
        MovedToAnotherAccount,
        MovedBetweenAccountsOfTheSameOwner,
        Deleted,
    }

    [TestCase(Leaving.Deactivated, "deactivated")]
    [TestCase(Leaving.MovedToAnotherAccount, "moved to another account")]
    [TestCase(Leaving.MovedBetweenAccountsOfTheSameOwner, "moved to another account")]
    [TestCase(Leaving.Deleted, "deleted")]
    public void KeyContactLeaves_AccountKeepsThePreviousKeyContactTheTimeAndSaysWhy(Leaving how, string reason)
    {
        // Arrange
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var fabrikam = crm.CreateAccount("Fabrikam");
        if (how == Leaving.MovedBetweenAccountsOfTheSameOwner)
        {
            crm.Store.Get(Names.Account, contoso)[OtherColumns.OwnerId] = new EntityReference(OtherColumns.SystemUser, Seller);
            crm.Store.Get(Names.Account, fabrikam)[OtherColumns.OwnerId] = new EntityReference(OtherColumns.SystemUser, Seller);
        }

        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");
        var beat = crm.CreateContact(WithPotential, contoso, "Beat Zimmermann");
        var keyBefore = crm.Account(contoso).GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id;

        // Act
        switch (how)
        {
            case Leaving.Deactivated:
                crm.Update(Contacts.Change(corinne, (Names.Standard.StateCode, new OptionSetValue(States.Inactive)), (OtherColumns.StatusCode, new OptionSetValue(States.InactiveStatus))));
                break;
            case Leaving.Deleted:
                crm.Delete(Names.Contact, corinne);
                break;
            default:
                crm.Update(Contacts.Change(corinne, (Names.Standard.ParentCustomerId, new EntityReference(Names.Account, fabrikam))));
                break;
        }

        // Assert
        var account = crm.Account(contoso);
        var changedOn = account.GetAttributeValue<DateTime>(Names.Computed.KeyContactChangedOn);
        var scoredOn = account.GetAttributeValue<DateTime>(Names.Computed.ScoredOn);
        var day = changedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(keyBefore, Is.EqualTo(corinne));
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(beat));
            Assert.That(
                account.GetAttributeValue<EntityReference>(Names.Computed.PreviousKeyContactId)?.Id,
                how == Leaving.Deleted ? Is.Null : Is.EqualTo(corinne),
                "a lookup cannot point to a deleted contact");
            Assert.That(changedOn, Is.EqualTo(scoredOn), "changed at the time of the rollup that changed it");
            Assert.That(
                account.GetAttributeValue<string>(Names.Computed.ScoreExplanation).Split('\n')[0],
                Is.EqualTo("Corinne Favre, the key contact, left on " + day + " (" + reason + "); Beat Zimmermann is now the key contact."));
            Assert.That(
                account.GetAttributeValue<string>(Names.Computed.NextStep),
                Is.EqualTo("Beat Zimmermann: " + NextSteps.DefaultFor(RecommendedAction.HighPotentialLeverage)));
            Assert.That(crm.LastOperation.CallsOf(Crm.ContactRollup).Update, Is.EqualTo(how is Leaving.MovedToAnotherAccount or Leaving.MovedBetweenAccountsOfTheSameOwner ? 2 : 1));
        });
    }

    [Test]
    public void KeyContactMovesBetweenAccountsOfTheSameOwner_TheNewAccountRecordsItsOwnChangeWithoutALeftSentence()
    {
        // Arrange
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var fabrikam = crm.CreateAccount("Fabrikam");
        crm.Store.Get(Names.Account, contoso)[OtherColumns.OwnerId] = new EntityReference(OtherColumns.SystemUser, Seller);
        crm.Store.Get(Names.Account, fabrikam)[OtherColumns.OwnerId] = new EntityReference(OtherColumns.SystemUser, Seller);
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");
        var beat = crm.CreateContact(WithPotential, fabrikam, "Beat Zimmermann");

        // Act
        crm.Update(Contacts.Change(corinne, (Names.Standard.ParentCustomerId, new EntityReference(Names.Account, fabrikam))));

        // Assert: Corinne's action is more urgent, so she becomes Fabrikam's key contact; Beat did not leave.
        var account = crm.Account(fabrikam);
        Assert.Multiple(() =>
        {
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(corinne));
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.PreviousKeyContactId).Id, Is.EqualTo(beat));
            Assert.That(account.GetAttributeValue<string>(Names.Computed.ScoreExplanation), Does.Not.Contain(" left on "));
        });
    }

    [Test]
    public void LastKeyContactDeactivated_AccountHasNoKeyContactAndSaysSo()
    {
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");

        crm.Update(Contacts.Change(corinne, (Names.Standard.StateCode, new OptionSetValue(States.Inactive)), (OtherColumns.StatusCode, new OptionSetValue(States.InactiveStatus))));

        var account = crm.Account(contoso);
        Assert.Multiple(() =>
        {
            Assert.That(account.Contains(Names.Computed.KeyContactId), Is.False);
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.PreviousKeyContactId).Id, Is.EqualTo(corinne));
            Assert.That(
                account.GetAttributeValue<string>(Names.Computed.ScoreExplanation).Split('\n')[0],
                Does.EndWith("(deactivated); no other active contact is assessed, so the account has no key contact."));
        });
    }

    [Test]
    public void DeletedKeyContactHadAPreviousKeyContact_PreviousIsEmptiedAndTheDeleteSucceeds()
    {
        // Arrange: Beat was the key contact, then Corinne became it (Beat is the previous key contact).
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var beat = crm.CreateContact(WithPotential, contoso, "Beat Zimmermann");
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");
        var previousBefore = crm.Account(contoso).GetAttributeValue<EntityReference>(Names.Computed.PreviousKeyContactId).Id;

        // Act
        crm.Delete(Names.Contact, corinne);

        // Assert
        var account = crm.Account(contoso);
        Assert.Multiple(() =>
        {
            Assert.That(previousBefore, Is.EqualTo(beat));
            Assert.That(crm.Store.Find(Names.Contact, corinne), Is.Null, "the delete went through");
            Assert.That(account.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(beat));
            Assert.That(account.Contains(Names.Computed.PreviousKeyContactId), Is.False, "Beat is not the one who left");
            Assert.That(account.GetAttributeValue<DateTime>(Names.Computed.KeyContactChangedOn), Is.EqualTo(account.GetAttributeValue<DateTime>(Names.Computed.ScoredOn)));
            Assert.That(account.GetAttributeValue<string>(Names.Computed.ScoreExplanation), Does.StartWith("Corinne Favre, the key contact, left on "));
        });
    }

    [Test]
    public void LastKeyContactDeleted_AccountHasNoKeyContactAndSaysSo()
    {
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");

        crm.Delete(Names.Contact, corinne);

        var account = crm.Account(contoso);
        Assert.Multiple(() =>
        {
            Assert.That(account.Contains(Names.Computed.KeyContactId), Is.False);
            Assert.That(account.Contains(Names.Computed.KeyContactChangedOn), Is.True);
            Assert.That(
                account.GetAttributeValue<string>(Names.Computed.ScoreExplanation).Split('\n')[0],
                Does.EndWith("(deleted); no other active contact is assessed, so the account has no key contact."));
        });
    }

    [Test]
    public void ContactThatIsNotTheKeyContactLeaves_PreviousKeyContactStaysEmpty()
    {
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");
        var beat = crm.CreateContact(WithPotential, contoso, "Beat Zimmermann");

        crm.Delete(Names.Contact, beat);

        var account = crm.Account(contoso);
        Assert.Multiple(() =>
        {
            Assert.That(account.Contains(Names.Computed.PreviousKeyContactId), Is.False);
            Assert.That(account.Contains(Names.Computed.KeyContactChangedOn), Is.False);
            Assert.That(account.GetAttributeValue<string>(Names.Computed.ScoreExplanation), Does.Not.Contain(" left on "));
        });
    }

    [Test]
    public void KeyContactRenamed_AccountNextStepFollows()
    {
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");

        crm.Update(Contacts.Change(corinne, (Names.Standard.FullName, "Corinne Meier")));

        Assert.That(
            crm.Account(contoso).GetAttributeValue<string>(Names.Computed.NextStep),
            Is.EqualTo("Corinne Meier: " + NextSteps.DefaultFor(RecommendedAction.HighRiskImprovePerception)));
    }

    [Test]
    public void KeyContactsNeedChanges_AccountNextStepFollows()
    {
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso");
        var corinne = crm.CreateContact(AtHighRisk, contoso, "Corinne Favre");

        crm.Update(Contacts.Change(corinne, (Names.ContactInputs.PrimaryNeed, Columns.Option(HumanNeed.Growth))));

        Assert.That(
            crm.Account(contoso).GetAttributeValue<string>(Names.Computed.NextStep),
            Is.EqualTo("Corinne Favre: " + NextSteps.DefaultFor(RecommendedAction.HighRiskImprovePerception) + " " + NextSteps.DefaultFor(HumanNeed.Growth)));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.SolutionModel;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static CrmRelationship.Testing.Tests.Fakes.TestSteps;

namespace CrmRelationship.Testing.Tests;

/// <summary>
/// The platform's handling of the lookups of known relationships: a delete clears the lookups to the row when the
/// relationship's cascade delete is RemoveLink, before PostOperation; a lookup to a row that does not exist is refused.
/// </summary>
[TestFixture]
public sealed class RelationshipTests
{
    private const string KeyContact = "test_keycontactid";
    private const string Sponsor = "test_sponsorid";

    /// <summary>As Solution/src names them: tables and lookups by schema name.</summary>
    private static readonly RelationshipDefinition[] Relationships =
    {
        new("test_contact_account_keycontactid", "OneToMany", "Account", "Contact", "test_KeyContactId", Pipeline.RemoveLink),
        new("test_contact_account_sponsorid", "OneToMany", "Account", "Contact", "test_SponsorId", "Restrict"),
    };

    [Test]
    public void Delete_RemoveLinkRelationship_ClearsTheLookupBeforePostOperationAndKeepsOthers()
    {
        // Arrange
        var crm = WithRelationships(Step<DeletedLinkPlugin>(PipelineMessages.Delete, TestNames.Contact, 40, null, KeyContact, PreImage(TestNames.ParentCustomerId)));
        var account = crm.Create(new Entity(TestNames.Account));
        var ada = crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) });
        var grace = crm.Create(new Entity(TestNames.Contact));
        crm.Update(new Entity(TestNames.Account, account)
        {
            [KeyContact] = new EntityReference(TestNames.Contact, ada),
            [Sponsor] = new EntityReference(TestNames.Contact, grace),
        });

        // Act
        crm.Delete(TestNames.Contact, ada);

        // Assert
        var row = crm.Store.Get(TestNames.Account, account);
        Assert.Multiple(() =>
        {
            Assert.That(row.Contains(KeyContact), Is.False, "RemoveLink clears the lookup");
            Assert.That(crm.LastOperation.Steps.Single().Trace, Is.EqualTo(new[] { "lookup empty" }), "already cleared in PostOperation");
            Assert.That(row.GetAttributeValue<EntityReference>(Sponsor).Id, Is.EqualTo(grace), "a lookup to another row stays");
        });
    }

    [Test]
    public void Delete_NoRelationshipGiven_LeavesTheLookup()
    {
        var crm = NewPipeline();
        var ada = crm.Create(new Entity(TestNames.Contact));
        var account = crm.Create(new Entity(TestNames.Account) { [KeyContact] = new EntityReference(TestNames.Contact, ada) });

        crm.Delete(TestNames.Contact, ada);

        Assert.That(crm.Store.Get(TestNames.Account, account).Contains(KeyContact), Is.True);
    }

    [Test]
    public void CreateOrUpdate_LookupToAMissingRow_IsRefusedWithThePlatformsError()
    {
        var crm = WithRelationships();
        var missing = Guid.NewGuid();
        var account = crm.Create(new Entity(TestNames.Account));

        Assert.Multiple(() =>
        {
            Assert.That(
                () => crm.Create(new Entity(TestNames.Account) { [KeyContact] = new EntityReference(TestNames.Contact, missing) }),
                Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo($"contact With Id = {missing} Does Not Exist"));
            Assert.That(
                () => crm.Update(new Entity(TestNames.Account, account) { [KeyContact] = new EntityReference(TestNames.Contact, missing) }),
                Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo($"contact With Id = {missing} Does Not Exist"));
            Assert.That(crm.Store.Count(TestNames.Account), Is.EqualTo(1));
        });
    }

    [Test]
    public void Delete_PlugInPointsALookupAtTheDeletedRow_TheDeleteIsRefusedAndUndone()
    {
        // Arrange
        var crm = WithRelationships(Step<DeletedLinkPlugin>(PipelineMessages.Delete, TestNames.Contact, 40, null, KeyContact + "=write", PreImage(TestNames.ParentCustomerId)));
        var account = crm.Create(new Entity(TestNames.Account));
        var ada = crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) });

        // Act
        var thrown = Assert.Catch(() => crm.Delete(TestNames.Contact, ada));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Is.EqualTo($"contact With Id = {ada} Does Not Exist"));
            Assert.That(crm.Store.Find(TestNames.Contact, ada), Is.Not.Null, "the delete is undone");
        });
    }

    [Test]
    public void LoadRelationships_SolutionSource_ReadsEveryRelationshipWithItsCascadeDelete()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), "crmrel-relationships-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "Other", "Relationships"));
        File.WriteAllText(
            Path.Combine(folder, "Other", "Relationships", "Contact.xml"),
            "<EntityRelationships><EntityRelationship Name=\"test_contact_account_keycontactid\">"
            + "<EntityRelationshipType>OneToMany</EntityRelationshipType><ReferencingEntityName>Account</ReferencingEntityName>"
            + "<ReferencedEntityName>Contact</ReferencedEntityName><CascadeDelete>RemoveLink</CascadeDelete>"
            + "<ReferencingAttributeName>test_KeyContactId</ReferencingAttributeName></EntityRelationship></EntityRelationships>");

        try
        {
            // Act
            var loaded = SolutionSource.LoadRelationships(folder);

            // Assert
            Assert.That(loaded, Is.EqualTo(new[] { Relationships[0] }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Pipeline WithRelationships(params StepRegistration[] steps) =>
        new(steps, typeof(TestSteps).Assembly) { Relationships = Relationships };
}

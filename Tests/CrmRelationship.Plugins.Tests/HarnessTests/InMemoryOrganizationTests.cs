using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Harness;
using CrmRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.HarnessTests;

/// <summary>The in-memory organization's Create, Retrieve, Update and Delete, with no step registered.</summary>
[TestFixture]
public sealed class InMemoryOrganizationTests
{
    private Pipeline crm = null!;

    [SetUp]
    public void SetUp() => crm = TestSteps.NewPipeline();

    [Test]
    public void Create_NewRow_GetsIdIdColumnCreatedOnAndActiveState()
    {
        // Arrange
        var contact = new Entity(Names.Contact) { [OtherColumns.FirstName] = "Ada" };

        // Act
        var id = crm.Create(contact);

        // Assert
        var row = crm.Store.Get(Names.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(row[EntityStore.IdColumn(Names.Contact)], Is.EqualTo(id));
            Assert.That(row[Names.Standard.CreatedOn], Is.TypeOf<DateTime>());
            Assert.That(row.GetAttributeValue<OptionSetValue>(Names.Standard.StateCode).Value, Is.Zero);
            Assert.That(row[OtherColumns.FirstName], Is.EqualTo("Ada"));
        });
    }

    [Test]
    public void Create_StateGiven_KeepsIt()
    {
        var id = crm.Create(new Entity(Names.Contact) { [Names.Standard.StateCode] = new OptionSetValue(1) });

        Assert.That(crm.Store.Get(Names.Contact, id).GetAttributeValue<OptionSetValue>(Names.Standard.StateCode).Value, Is.EqualTo(1));
    }

    [Test]
    public void Create_TwoRows_LaterRowIsCreatedLater()
    {
        var first = crm.Create(new Entity(Names.Contact));
        var second = crm.Create(new Entity(Names.Contact));

        Assert.That(
            crm.Store.Get(Names.Contact, second)[Names.Standard.CreatedOn],
            Is.GreaterThan(crm.Store.Get(Names.Contact, first)[Names.Standard.CreatedOn]));
    }

    [Test]
    public void Create_IdGiven_UsesItAndRefusesADuplicate()
    {
        var id = Guid.NewGuid();

        var created = crm.Create(new Entity(Names.Contact, id));

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(id));
            Assert.That(() => crm.Create(new Entity(Names.Contact, id)), Throws.InvalidOperationException.With.Message.Contains("duplicate"));
        });
    }

    [Test]
    public void Create_CallerChangesItsEntityAfterwards_StoredRowIsUnchanged()
    {
        var option = new OptionSetValue(415700000);
        var contact = new Entity(Names.Contact) { [Names.ContactInputs.Perception] = option };
        var id = crm.Create(contact);

        option.Value = 415700001;
        contact[OtherColumns.FirstName] = "changed";

        var row = crm.Store.Get(Names.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(row.GetAttributeValue<OptionSetValue>(Names.ContactInputs.Perception).Value, Is.EqualTo(415700000));
            Assert.That(row.Contains(OtherColumns.FirstName), Is.False);
        });
    }

    [Test]
    public void Retrieve_ExplicitColumns_ReturnsOnlyThoseThatHaveAValue()
    {
        var id = crm.Create(new Entity(Names.Contact) { [OtherColumns.FirstName] = "Ada", [Names.Standard.FullName] = "Ada Lovelace" });

        var row = crm.Service.Retrieve(Names.Contact, id, new ColumnSet(OtherColumns.FirstName, OtherColumns.Description));

        Assert.Multiple(() =>
        {
            Assert.That(row.Id, Is.EqualTo(id));
            Assert.That(row.LogicalName, Is.EqualTo(Names.Contact));
            Assert.That(row.Attributes.Keys, Is.EquivalentTo(new[] { OtherColumns.FirstName }));
        });
    }

    [Test]
    public void Retrieve_AllColumns_IsNotSupported()
    {
        var id = crm.Create(new Entity(Names.Contact));

        Assert.That(() => crm.Service.Retrieve(Names.Contact, id, new ColumnSet(true)), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Retrieve_MissingRow_ThrowsDoesNotExist()
    {
        var id = Guid.NewGuid();

        Assert.That(
            () => crm.Service.Retrieve(Names.Contact, id, new ColumnSet(OtherColumns.FirstName)),
            Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>().With.Message.EqualTo($"contact With Id = {id} Does Not Exist"));
    }

    [Test]
    public void Retrieve_CallerChangesTheResult_StoredRowIsUnchanged()
    {
        var id = crm.Create(new Entity(Names.Contact) { [Names.ContactInputs.Perception] = new OptionSetValue(415700000) });

        crm.Service.Retrieve(Names.Contact, id, new ColumnSet(Names.ContactInputs.Perception))
            .GetAttributeValue<OptionSetValue>(Names.ContactInputs.Perception).Value = 415700001;

        Assert.That(crm.Store.Get(Names.Contact, id).GetAttributeValue<OptionSetValue>(Names.ContactInputs.Perception).Value, Is.EqualTo(415700000));
    }

    [Test]
    public void Update_GivenColumns_AreWrittenAndNullOrEmptyClears()
    {
        var id = crm.Create(new Entity(Names.Contact) { [OtherColumns.FirstName] = "Ada", [OtherColumns.Description] = "x", [Names.Standard.FullName] = "Ada L" });

        crm.Update(new Entity(Names.Contact, id) { [OtherColumns.FirstName] = "Grace", [OtherColumns.Description] = null, [Names.Standard.FullName] = string.Empty });

        var row = crm.Store.Get(Names.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(row[OtherColumns.FirstName], Is.EqualTo("Grace"));
            Assert.That(row.Contains(OtherColumns.Description), Is.False);
            Assert.That(row.Contains(Names.Standard.FullName), Is.False, "Dataverse stores empty text as null");
            Assert.That(row.Contains(Names.Standard.CreatedOn), Is.True);
        });
    }

    [Test]
    public void Update_MissingRow_ThrowsDoesNotExist()
    {
        Assert.That(() => crm.Update(new Entity(Names.Contact, Guid.NewGuid()) { [OtherColumns.FirstName] = "x" }), Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>());
    }

    [Test]
    public void Update_NoId_IsRefused()
    {
        Assert.That(() => crm.Update(new Entity(Names.Contact) { [OtherColumns.FirstName] = "x" }), Throws.ArgumentException);
    }

    [Test]
    public void Delete_Row_RemovesIt()
    {
        var id = crm.Create(new Entity(Names.Contact));

        crm.Delete(Names.Contact, id);

        Assert.That(crm.Store.Find(Names.Contact, id), Is.Null);
    }

    [Test]
    public void Seed_RowWithCreatedOn_KeepsIt()
    {
        var createdOn = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var id = crm.Store.Seed(new Entity(Names.Contact) { [Names.Standard.CreatedOn] = createdOn });

        Assert.Multiple(() =>
        {
            Assert.That(crm.Store.Get(Names.Contact, id)[Names.Standard.CreatedOn], Is.EqualTo(createdOn));
            Assert.That(crm.Operations, Is.Empty, "seeding is not an operation");
        });
    }

    [Test]
    public void Values_OfAnUnmodelledType_AreNotSupported()
    {
        Assert.That(() => crm.Create(new Entity(Names.Contact) { [OtherColumns.Description] = new object() }), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Operations_SameSeed_GiveTheSameIds()
    {
        var other = TestSteps.NewPipeline();

        var ids = Enumerable.Range(0, 3).Select(_ => crm.Create(new Entity(Names.Contact))).ToList();
        var again = Enumerable.Range(0, 3).Select(_ => other.Create(new Entity(Names.Contact))).ToList();

        Assert.That(again, Is.EqualTo(ids));
    }
}

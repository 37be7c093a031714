using System;
using System.Linq;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace CrmRelationship.Testing.Tests;

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
        var contact = new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada" };

        // Act
        var id = crm.Create(contact);

        // Assert
        var row = crm.Store.Get(TestNames.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(row[EntityStore.IdColumn(TestNames.Contact)], Is.EqualTo(id));
            Assert.That(row[TestNames.CreatedOn], Is.TypeOf<DateTime>());
            Assert.That(row.GetAttributeValue<OptionSetValue>(TestNames.StateCode).Value, Is.EqualTo(TestNames.Active));
            Assert.That(row[TestNames.FirstName], Is.EqualTo("Ada"));
        });
    }

    [Test]
    public void Create_StateGiven_KeepsIt()
    {
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.StateCode] = new OptionSetValue(TestNames.Inactive) });

        Assert.That(crm.Store.Get(TestNames.Contact, id).GetAttributeValue<OptionSetValue>(TestNames.StateCode).Value, Is.EqualTo(TestNames.Inactive));
    }

    [Test]
    public void Create_TwoRows_LaterRowIsCreatedLater()
    {
        var first = crm.Create(new Entity(TestNames.Contact));
        var second = crm.Create(new Entity(TestNames.Contact));

        Assert.That(
            crm.Store.Get(TestNames.Contact, second)[TestNames.CreatedOn],
            Is.GreaterThan(crm.Store.Get(TestNames.Contact, first)[TestNames.CreatedOn]));
    }

    [Test]
    public void Create_IdGiven_UsesItAndRefusesADuplicate()
    {
        var id = Guid.NewGuid();

        var created = crm.Create(new Entity(TestNames.Contact, id));

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(id));
            Assert.That(() => crm.Create(new Entity(TestNames.Contact, id)), Throws.InvalidOperationException.With.Message.Contains("duplicate"));
        });
    }

    [Test]
    public void Create_CallerChangesItsEntityAfterwards_StoredRowIsUnchanged()
    {
        var option = new OptionSetValue(TestNames.OptionA);
        var contact = new Entity(TestNames.Contact) { [TestNames.Choice] = option };
        var id = crm.Create(contact);

        option.Value = TestNames.OptionB;
        contact[TestNames.FirstName] = "changed";

        var row = crm.Store.Get(TestNames.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(row.GetAttributeValue<OptionSetValue>(TestNames.Choice).Value, Is.EqualTo(TestNames.OptionA));
            Assert.That(row.Contains(TestNames.FirstName), Is.False);
        });
    }

    [Test]
    public void Retrieve_ExplicitColumns_ReturnsOnlyThoseThatHaveAValue()
    {
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada", [TestNames.FullName] = "Ada Lovelace" });

        var row = crm.Service.Retrieve(TestNames.Contact, id, new ColumnSet(TestNames.FirstName, TestNames.Description));

        Assert.Multiple(() =>
        {
            Assert.That(row.Id, Is.EqualTo(id));
            Assert.That(row.LogicalName, Is.EqualTo(TestNames.Contact));
            Assert.That(row.Attributes.Keys, Is.EquivalentTo(new[] { TestNames.FirstName }));
        });
    }

    [Test]
    public void Retrieve_AllColumns_IsNotSupported()
    {
        var id = crm.Create(new Entity(TestNames.Contact));

        Assert.That(() => crm.Service.Retrieve(TestNames.Contact, id, new ColumnSet(true)), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Retrieve_MissingRow_ThrowsDoesNotExist()
    {
        var id = Guid.NewGuid();

        Assert.That(
            () => crm.Service.Retrieve(TestNames.Contact, id, new ColumnSet(TestNames.FirstName)),
            Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>().With.Message.EqualTo($"contact With Id = {id} Does Not Exist"));
    }

    [Test]
    public void Retrieve_CallerChangesTheResult_StoredRowIsUnchanged()
    {
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.Choice] = new OptionSetValue(TestNames.OptionA) });

        crm.Service.Retrieve(TestNames.Contact, id, new ColumnSet(TestNames.Choice))
            .GetAttributeValue<OptionSetValue>(TestNames.Choice).Value = TestNames.OptionB;

        Assert.That(crm.Store.Get(TestNames.Contact, id).GetAttributeValue<OptionSetValue>(TestNames.Choice).Value, Is.EqualTo(TestNames.OptionA));
    }

    [Test]
    public void Update_GivenColumns_AreWrittenAndNullOrEmptyClears()
    {
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada", [TestNames.Description] = "x", [TestNames.FullName] = "Ada L" });

        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.FirstName] = "Grace", [TestNames.Description] = null, [TestNames.FullName] = string.Empty });

        var row = crm.Store.Get(TestNames.Contact, id);
        Assert.Multiple(() =>
        {
            Assert.That(row[TestNames.FirstName], Is.EqualTo("Grace"));
            Assert.That(row.Contains(TestNames.Description), Is.False);
            Assert.That(row.Contains(TestNames.FullName), Is.False, "Dataverse stores empty text as null");
            Assert.That(row.Contains(TestNames.CreatedOn), Is.True);
        });
    }

    [Test]
    public void Update_MissingRow_ThrowsDoesNotExist()
    {
        Assert.That(() => crm.Update(new Entity(TestNames.Contact, Guid.NewGuid()) { [TestNames.FirstName] = "x" }), Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>());
    }

    [Test]
    public void Update_NoId_IsRefused()
    {
        Assert.That(() => crm.Update(new Entity(TestNames.Contact) { [TestNames.FirstName] = "x" }), Throws.ArgumentException);
    }

    [Test]
    public void Delete_Row_RemovesIt()
    {
        var id = crm.Create(new Entity(TestNames.Contact));

        crm.Delete(TestNames.Contact, id);

        Assert.That(crm.Store.Find(TestNames.Contact, id), Is.Null);
    }

    [Test]
    public void Seed_RowWithCreatedOn_KeepsIt()
    {
        var createdOn = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var id = crm.Store.Seed(new Entity(TestNames.Contact) { [TestNames.CreatedOn] = createdOn });

        Assert.Multiple(() =>
        {
            Assert.That(crm.Store.Get(TestNames.Contact, id)[TestNames.CreatedOn], Is.EqualTo(createdOn));
            Assert.That(crm.Operations, Is.Empty, "seeding is not an operation");
        });
    }

    [Test]
    public void Values_OfAnUnmodelledType_AreNotSupported()
    {
        Assert.That(() => crm.Create(new Entity(TestNames.Contact) { [TestNames.Description] = new object() }), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Operations_SameSeed_GiveTheSameIds()
    {
        var other = TestSteps.NewPipeline();

        var ids = Enumerable.Range(0, 3).Select(_ => crm.Create(new Entity(TestNames.Contact))).ToList();
        var again = Enumerable.Range(0, 3).Select(_ => other.Create(new Entity(TestNames.Contact))).ToList();

        Assert.That(again, Is.EqualTo(ids));
    }
}

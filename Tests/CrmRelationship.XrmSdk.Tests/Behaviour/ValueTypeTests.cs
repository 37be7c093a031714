using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>EntityReference and OptionSetValue compare by value, as plug-in code comparing lookups and choices expects.</summary>
[TestFixture]
public sealed class ValueTypeTests
{
    [Test]
    public void EntityReferences_WithSameIdAndLogicalName_AreEqual()
    {
        // Arrange
        var id = Guid.NewGuid();
        var left = new EntityReference("account", id) { Name = "Contoso" };
        var right = new EntityReference("account", id) { Name = "Contoso Ltd" };

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(left, Is.EqualTo(right));
            Assert.That(left.GetHashCode(), Is.EqualTo(right.GetHashCode()));
        });
    }

    [TestCase("account", "contact")]
    [TestCase("account", "Account")]
    [TestCase("account", null)]
    public void EntityReferences_WithDifferentLogicalName_AreNotEqual(string left, string? right)
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        var equal = new EntityReference(left, id).Equals(new EntityReference(right!, id));

        // Assert
        Assert.That(equal, Is.False);
    }

    [Test]
    public void EntityReferences_WithDifferentId_AreNotEqual()
    {
        // Arrange
        var left = new EntityReference("account", Guid.NewGuid());

        // Act
        var equal = left.Equals(new EntityReference("account", Guid.NewGuid()));

        // Assert
        Assert.That(equal, Is.False);
    }

    [Test]
    public void OptionSetValues_CompareByValue()
    {
        // Arrange
        var three = new OptionSetValue(3);

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(three, Is.EqualTo(new OptionSetValue(3)));
            Assert.That(three.GetHashCode(), Is.EqualTo(new OptionSetValue(3).GetHashCode()));
            Assert.That(three, Is.Not.EqualTo(new OptionSetValue(4)));
            Assert.That(three.Equals(3), Is.False);
            Assert.That(new OptionSetValue().Value, Is.Zero);
        });
    }

    [Test]
    public void Relationship_KeepsSchemaNameAndRole()
    {
        // Arrange / Act
        var relationship = new Relationship("contact_customer_accounts") { PrimaryEntityRole = EntityRole.Referencing };

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(relationship.SchemaName, Is.EqualTo("contact_customer_accounts"));
            Assert.That(relationship.PrimaryEntityRole, Is.EqualTo(EntityRole.Referencing));
            Assert.That(new Relationship().PrimaryEntityRole, Is.Null);
        });
    }
}

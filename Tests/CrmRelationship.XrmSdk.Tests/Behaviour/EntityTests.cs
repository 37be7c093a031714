using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>The stand-in Entity behaves as plug-in code relies on: attribute storage and GetAttributeValue rules.</summary>
[TestFixture]
public sealed class EntityTests
{
    [Test]
    public void Constructors_SetLogicalNameAndId()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        var empty = new Entity();
        var named = new Entity("contact");
        var identified = new Entity("contact", id);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(empty.LogicalName, Is.Null);
            Assert.That(empty.Id, Is.EqualTo(Guid.Empty));
            Assert.That(named.LogicalName, Is.EqualTo("contact"));
            Assert.That(identified.LogicalName, Is.EqualTo("contact"));
            Assert.That(identified.Id, Is.EqualTo(id));
            Assert.That(empty.Attributes, Is.Empty);
            Assert.That(empty.FormattedValues, Is.Empty);
        });
    }

    [Test]
    public void IndexerSet_StoresInAttributes()
    {
        // Arrange
        var entity = new Entity("contact");

        // Act
        entity["firstname"] = "Ada";

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(entity.Attributes["firstname"], Is.EqualTo("Ada"));
            Assert.That(entity["firstname"], Is.EqualTo("Ada"));
            Assert.That(entity.Contains("firstname"), Is.True);
            Assert.That(entity.Contains("lastname"), Is.False);
        });
    }

    [Test]
    public void IndexerGetOfMissingColumn_ThrowsKeyNotFoundException()
    {
        // Arrange
        var entity = new Entity("contact");

        // Act / Assert
        Assert.That(() => entity["missing"], Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void ColumnNames_AreCaseSensitive()
    {
        // Arrange
        var entity = new Entity("contact") { ["firstname"] = "Ada" };

        // Act
        var contains = entity.Contains("FirstName");

        // Assert
        Assert.That(contains, Is.False);
    }

    [Test]
    public void GetAttributeValueOfMissingColumn_ReturnsDefault()
    {
        // Arrange
        var entity = new Entity("contact");

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<int>("missing"), Is.Zero);
            Assert.That(entity.GetAttributeValue<int?>("missing"), Is.Null);
            Assert.That(entity.GetAttributeValue<DateTime>("missing"), Is.EqualTo(DateTime.MinValue));
            Assert.That(entity.GetAttributeValue<Guid>("missing"), Is.EqualTo(Guid.Empty));
            Assert.That(entity.GetAttributeValue<OptionSetValue>("missing"), Is.Null);
            Assert.That(entity.GetAttributeValue<EntityReference>("missing"), Is.Null);
        });
    }

    [Test]
    public void GetAttributeValueOfNullValue_ReturnsDefault()
    {
        // Arrange
        var entity = new Entity("contact") { ["numberofchildren"] = null, ["parentcustomerid"] = null };

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<int>("numberofchildren"), Is.Zero);
            Assert.That(entity.GetAttributeValue<EntityReference>("parentcustomerid"), Is.Null);
        });
    }

    [Test]
    public void GetAttributeValueOfPresentValue_ReturnsIt()
    {
        // Arrange
        var reference = new EntityReference("account", Guid.NewGuid());
        var entity = new Entity("contact")
        {
            ["numberofchildren"] = 2,
            ["parentcustomerid"] = reference,
            ["preferredcontactmethodcode"] = new OptionSetValue(3),
        };

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<int>("numberofchildren"), Is.EqualTo(2));
            Assert.That(entity.GetAttributeValue<int?>("numberofchildren"), Is.EqualTo(2));
            Assert.That(entity.GetAttributeValue<EntityReference>("parentcustomerid"), Is.SameAs(reference));
            Assert.That(entity.GetAttributeValue<OptionSetValue>("preferredcontactmethodcode").Value, Is.EqualTo(3));
        });
    }

    [Test]
    public void GetAttributeValueWithWrongType_ThrowsInvalidCastException()
    {
        // Arrange
        var entity = new Entity("contact") { ["preferredcontactmethodcode"] = new OptionSetValue(3), ["numberofchildren"] = 2 };

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(() => entity.GetAttributeValue<int>("preferredcontactmethodcode"), Throws.TypeOf<InvalidCastException>());
            Assert.That(() => entity.GetAttributeValue<string>("numberofchildren"), Throws.TypeOf<InvalidCastException>());
            Assert.That(() => entity.GetAttributeValue<long>("numberofchildren"), Throws.TypeOf<InvalidCastException>());
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void GetAttributeValueWithBlankName_ThrowsArgumentNullException(string? name)
    {
        // Arrange
        var entity = new Entity("contact");

        // Act / Assert
        Assert.That(() => entity.GetAttributeValue<object>(name!), Throws.ArgumentNullException);
    }

    [Test]
    public void TryGetAttributeValue_TrueOnlyForAPresentValueOfThatType()
    {
        // Arrange
        var entity = new Entity("contact") { ["numberofchildren"] = 2 };

        // Act
        var found = entity.TryGetAttributeValue<int>("numberofchildren", out var children);
        var missing = entity.TryGetAttributeValue<int>("missing", out var missingValue);
        var wrongType = entity.TryGetAttributeValue<string>("numberofchildren", out var wrongValue);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(children, Is.EqualTo(2));
            Assert.That(missing, Is.False);
            Assert.That(missingValue, Is.Zero);
            Assert.That(wrongType, Is.False);
            Assert.That(wrongValue, Is.Null);
        });
    }

    [Test]
    public void ToEntityReference_CarriesLogicalNameAndId()
    {
        // Arrange
        var entity = new Entity("contact", Guid.NewGuid());

        // Act
        var reference = entity.ToEntityReference();

        // Assert
        Assert.That(reference, Is.EqualTo(new EntityReference("contact", entity.Id)));
    }

    [Test]
    public void AttributesSet_ReplacesTheCollection()
    {
        // Arrange
        var attributes = new AttributeCollection { { "firstname", "Ada" } };
        var entity = new Entity("contact");

        // Act
        entity.Attributes = attributes;

        // Assert
        Assert.That(entity.GetAttributeValue<string>("firstname"), Is.EqualTo("Ada"));
    }
}

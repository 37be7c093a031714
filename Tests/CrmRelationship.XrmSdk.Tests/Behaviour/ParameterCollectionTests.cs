using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>ParameterCollection.TryGetValue&lt;T&gt; is how plug-ins read Target; it must be false, not throw, on a mismatch.</summary>
[TestFixture]
public sealed class ParameterCollectionTests
{
    [Test]
    public void TryGetValueOfT_PresentValueOfThatType_ReturnsTrueAndValue()
    {
        // Arrange
        var target = new Entity("contact");
        var parameters = new ParameterCollection { { "Target", target } };

        // Act
        var found = parameters.TryGetValue<Entity>("Target", out var value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(value, Is.SameAs(target));
        });
    }

    [Test]
    public void TryGetValueOfT_MissingKey_ReturnsFalseAndDefault()
    {
        // Arrange
        var parameters = new ParameterCollection();

        // Act
        var found = parameters.TryGetValue<Entity>("Target", out var value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.False);
            Assert.That(value, Is.Null);
        });
    }

    [Test]
    public void TryGetValueOfT_ValueOfAnotherType_ReturnsFalseAndDefault()
    {
        // Arrange: a Delete's Target is an EntityReference, not an Entity.
        var parameters = new ParameterCollection { { "Target", new EntityReference("contact", Guid.NewGuid()) }, { "Depth", 1 } };

        // Act
        var found = parameters.TryGetValue<Entity>("Target", out var value);
        var foundNumber = parameters.TryGetValue<long>("Depth", out var number);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.False);
            Assert.That(value, Is.Null);
            Assert.That(foundNumber, Is.False);
            Assert.That(number, Is.Zero);
        });
    }

    [Test]
    public void TryGetValueOfT_NullValue_ReturnsFalse()
    {
        // Arrange
        var parameters = new ParameterCollection { { "Target", null! } };

        // Act
        var found = parameters.TryGetValue<Entity>("Target", out _);

        // Assert
        Assert.That(found, Is.False);
    }

    [Test]
    public void TryGetValueWithObjectOut_BindsToTheGenericOverloadAndReturnsTheValue()
    {
        // Arrange: C# picks ParameterCollection.TryGetValue<object> over the base class's TryGetValue here.
        var parameters = new ParameterCollection { { "Depth", 1 } };

        // Act
        var found = parameters.TryGetValue("Depth", out object value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(value, Is.EqualTo(1));
        });
    }

    [Test]
    public void RequestAndResponseIndexers_ReadAndWriteTheirCollections()
    {
        // Arrange
        var target = new Entity("contact");
        var request = new OrganizationRequest("Update") { ["Target"] = target };
        var response = new OrganizationResponse { ResponseName = "Update", ["id"] = Guid.Empty };

        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(request.RequestName, Is.EqualTo("Update"));
            Assert.That(request.Parameters["Target"], Is.SameAs(target));
            Assert.That(request["Target"], Is.SameAs(target));
            Assert.That(new OrganizationRequest().Parameters, Is.Empty);
            Assert.That(response.Results["id"], Is.EqualTo(Guid.Empty));
            Assert.That(() => response["missing"], Throws.TypeOf<System.Collections.Generic.KeyNotFoundException>());
        });
    }
}

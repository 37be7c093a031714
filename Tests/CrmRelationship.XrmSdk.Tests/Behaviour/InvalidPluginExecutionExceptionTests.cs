using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>The exception plug-ins throw keeps the status, error code and HTTP status it was given.</summary>
[TestFixture]
public sealed class InvalidPluginExecutionExceptionTests
{
    [Test]
    public void MessageConstructors_DefaultToFailedAndNotSet()
    {
        // Arrange / Act
        var empty = new InvalidPluginExecutionException();
        var message = new InvalidPluginExecutionException("Set a relationship owner.");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(empty.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(empty.HttpStatus, Is.EqualTo(PluginHttpStatusCode.NotSet));
            Assert.That(message.Message, Is.EqualTo("Set a relationship owner."));
            Assert.That(message.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo(message.HResult));
        });
    }

    [Test]
    public void StatusAndErrorCode_AreKept()
    {
        // Arrange / Act
        var withStatus = new InvalidPluginExecutionException(OperationStatus.Canceled, "Cancelled.");
        var withCode = new InvalidPluginExecutionException(OperationStatus.Retry, 0x40001, "Try again.");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(withStatus.Status, Is.EqualTo(OperationStatus.Canceled));
            Assert.That(withCode.Status, Is.EqualTo(OperationStatus.Retry));
            Assert.That(withCode.ErrorCode, Is.EqualTo(0x40001));
            Assert.That(withCode.HResult, Is.EqualTo(0x40001));
        });
    }

    [Test]
    public void HttpStatus_IsKeptAndCopiedFromAnInnerPluginException()
    {
        // Arrange
        var inner = new InvalidPluginExecutionException("Conflict.", PluginHttpStatusCode.Conflict);

        // Act
        var outer = new InvalidPluginExecutionException("Outer.", inner);
        var plainInner = new InvalidPluginExecutionException("Outer.", new InvalidOperationException());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(inner.HttpStatus, Is.EqualTo(PluginHttpStatusCode.Conflict));
            Assert.That(outer.HttpStatus, Is.EqualTo(PluginHttpStatusCode.Conflict));
            Assert.That(outer.InnerException, Is.SameAs(inner));
            Assert.That(plainInner.HttpStatus, Is.EqualTo(PluginHttpStatusCode.NotSet));
        });
    }

    [TestCase(OperationStatus.Failed, 0)]
    [TestCase(OperationStatus.Canceled, 1)]
    [TestCase(OperationStatus.Retry, 2)]
    [TestCase(OperationStatus.Suspended, 3)]
    [TestCase(OperationStatus.Succeeded, 4)]
    public void OperationStatus_HasTheDocumentedValue(OperationStatus status, int value)
    {
        // Act / Assert
        Assert.That((int)status, Is.EqualTo(value));
    }

    [TestCase(PluginHttpStatusCode.NotSet, 0)]
    [TestCase(PluginHttpStatusCode.BadRequest, 400)]
    [TestCase(PluginHttpStatusCode.Forbidden, 403)]
    [TestCase(PluginHttpStatusCode.Conflict, 409)]
    [TestCase(PluginHttpStatusCode.PreconditionFailed, 412)]
    [TestCase(PluginHttpStatusCode.TooManyRequests, 429)]
    [TestCase(PluginHttpStatusCode.GatewayTimeout, 504)]
    public void PluginHttpStatusCode_HasTheDocumentedValue(PluginHttpStatusCode code, int value)
    {
        // Act / Assert
        Assert.That((int)code, Is.EqualTo(value));
    }
}

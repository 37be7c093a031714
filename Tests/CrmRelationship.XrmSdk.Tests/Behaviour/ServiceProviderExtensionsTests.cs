using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;
using Moq;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>Get&lt;T&gt; is the typed form of GetService that plug-ins use for their services.</summary>
[TestFixture]
public sealed class ServiceProviderExtensionsTests
{
    [Test]
    public void Get_ReturnsTheServiceForThatType()
    {
        // Arrange
        var tracing = Mock.Of<ITracingService>();
        var provider = new Mock<IServiceProvider>();
        provider.Setup(p => p.GetService(typeof(ITracingService))).Returns(tracing);

        // Act
        var service = provider.Object.Get<ITracingService>();

        // Assert
        Assert.That(service, Is.SameAs(tracing));
    }

    [Test]
    public void Get_OnNullProvider_ThrowsArgumentNullException()
    {
        // Arrange
        IServiceProvider provider = null!;

        // Act / Assert
        Assert.That(() => provider.Get<ITracingService>(), Throws.ArgumentNullException);
    }
}

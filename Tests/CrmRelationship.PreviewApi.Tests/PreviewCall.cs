using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Moq;

namespace CrmRelationship.PreviewApi.Tests;

/// <summary>
/// One call of the Custom API as the platform makes it to its main operation: an IServiceProvider (Moq) that
/// serves the execution context (message rel_PreviewRelationshipAssessment, stage 30, unbound), the tracing
/// service and a strict organization-service factory, and records whether anything asked for that factory.
/// </summary>
public sealed class PreviewCall
{
    public const string Message = "rel_PreviewRelationshipAssessment";

    public ParameterCollection Input { get; } = new();

    public ParameterCollection Output { get; } = new();

    /// <summary>Strict: any use fails the call.</summary>
    public Mock<IOrganizationServiceFactory> Factory { get; } = new(MockBehavior.Strict);

    public Mock<ITracingService> Tracing { get; } = new();

    public string MessageName { get; init; } = Message;

    public int Stage { get; init; } = 30;

    /// <summary>How many times the plug-in asked the service provider for an IOrganizationServiceFactory.</summary>
    public int FactoryRequests { get; private set; }

    public PreviewCall With(string parameter, object? value)
    {
        Input[parameter] = value!;
        return this;
    }

    public PreviewCall Execute(IPlugin plugin)
    {
        var context = new Mock<IPluginExecutionContext>();
        context.SetupGet(c => c.MessageName).Returns(MessageName);
        context.SetupGet(c => c.Stage).Returns(Stage);
        context.SetupGet(c => c.PrimaryEntityName).Returns("none");
        context.SetupGet(c => c.InputParameters).Returns(Input);
        context.SetupGet(c => c.OutputParameters).Returns(Output);
        context.SetupGet(c => c.CorrelationId).Returns(new Guid("0b8c3c4e-6c55-4e0a-9a53-7e1f2f0c4d11"));
        var provider = new Mock<IServiceProvider>();
        provider.Setup(p => p.GetService(typeof(IPluginExecutionContext))).Returns(context.Object);
        provider.Setup(p => p.GetService(typeof(ITracingService))).Returns(Tracing.Object);
        provider.Setup(p => p.GetService(typeof(IOrganizationServiceFactory))).Returns(Factory.Object);
        try
        {
            plugin.Execute(provider.Object);
        }
        finally
        {
            FactoryRequests = provider.Invocations.Count(i => Equals(i.Arguments[0], typeof(IOrganizationServiceFactory)));
        }

        return this;
    }

    /// <summary>An output value, or null when the plug-in left it out.</summary>
    public object? Result(string property) => Output.TryGetValue(property, out object value) ? value : null;
}

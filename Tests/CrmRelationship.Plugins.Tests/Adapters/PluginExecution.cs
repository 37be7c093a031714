using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using Moq;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>
/// One plug-in execution for adapter tests: a mocked service provider wired to real
/// ParameterCollections (input and output) and EntityImageCollections, a strict mocked service factory
/// and service (any call not set up fails), and a tracing service that keeps every line. No pipeline:
/// just the seam.
/// </summary>
internal sealed class PluginExecution
{
    private readonly Mock<IPluginExecutionContext> context = new();
    private readonly Mock<IServiceProvider> provider = new();
    private readonly ParameterCollection input = new();
    private readonly ParameterCollection output = new();
    private readonly EntityImageCollection pre = new();
    private readonly EntityImageCollection post = new();
    private readonly List<string> trace = new();
    private bool tracing = true;

    private PluginExecution(string message, string entity, int stage, Guid id)
    {
        context.SetupGet(c => c.MessageName).Returns(message);
        context.SetupGet(c => c.PrimaryEntityName).Returns(entity);
        context.SetupGet(c => c.Stage).Returns(stage);
        context.SetupGet(c => c.PrimaryEntityId).Returns(id);
        context.SetupGet(c => c.CorrelationId).Returns(CorrelationId);
        context.SetupGet(c => c.Depth).Returns(1);
        context.SetupGet(c => c.InputParameters).Returns(input);
        context.SetupGet(c => c.OutputParameters).Returns(output);
        context.SetupGet(c => c.SharedVariables).Returns(new ParameterCollection());
        context.SetupGet(c => c.PreEntityImages).Returns(pre);
        context.SetupGet(c => c.PostEntityImages).Returns(post);
        Factory.Setup(f => f.CreateOrganizationService(It.IsAny<Guid?>())).Returns(Service.Object);
    }

    public Guid CorrelationId { get; } = Guid.NewGuid();

    public Mock<IPluginExecutionContext> Context => context;

    public Mock<IOrganizationServiceFactory> Factory { get; } = new(MockBehavior.Strict);

    public Mock<IOrganizationService> Service { get; } = new(MockBehavior.Strict);

    public IReadOnlyList<string> Trace => trace;

    /// <summary>The OutputParameters the plug-in set (a Custom API's response).</summary>
    public ParameterCollection Output => output;

    /// <summary>How many times the plug-in asked the service provider for an IOrganizationServiceFactory.</summary>
    public int FactoryRequests =>
        provider.Invocations.Count(i => i.Arguments.Count == 1 && Equals(i.Arguments[0], typeof(IOrganizationServiceFactory)));

    public string TraceText => string.Join(Environment.NewLine, trace);

    public static PluginExecution For(string message, string entity, int stage, Guid id = default) =>
        new(message, entity, stage, id == Guid.Empty ? Guid.NewGuid() : id);

    public PluginExecution WithTarget(object target)
    {
        input["Target"] = target;
        return this;
    }

    /// <summary>Sets one InputParameter, e.g. a Custom API's request parameter.</summary>
    public PluginExecution With(string parameter, object? value)
    {
        input[parameter] = value!;
        return this;
    }

    public PluginExecution WithPreImage(Entity image, string name = "PreImage")
    {
        pre[name] = image;
        return this;
    }

    public PluginExecution WithPostImage(Entity image, string name = "PostImage")
    {
        post[name] = image;
        return this;
    }

    public PluginExecution WithoutTracing()
    {
        tracing = false;
        return this;
    }

    /// <summary>Runs the plug-in through IPlugin.Execute.</summary>
    public void Run(IPlugin plugin)
    {
        provider.Setup(p => p.GetService(typeof(IPluginExecutionContext))).Returns(context.Object);
        provider.Setup(p => p.GetService(typeof(IOrganizationServiceFactory))).Returns(Factory.Object);
        provider.Setup(p => p.GetService(typeof(ITracingService))).Returns(tracing ? new RecordingTracingService(trace.Add) : null!);
        plugin.Execute(provider.Object);
    }

    /// <summary>An output value, or null when the plug-in left it out.</summary>
    public object? Result(string property) => output.TryGetValue(property, out object value) ? value : null;

    /// <summary>No organization service was asked for, so no call could be made.</summary>
    public void VerifyNoServiceUsed()
    {
        Factory.Verify(f => f.CreateOrganizationService(It.IsAny<Guid?>()), Times.Never);
        Service.VerifyNoOtherCalls();
    }
}

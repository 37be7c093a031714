using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;

namespace CrmRelationship.Testing.Tests.Fakes;

// Small plug-ins that exercise one behaviour of the harness each. Their configuration string is
// their only parameter, so a test registers the same class with different behaviour.

/// <summary>Traces its depth and does nothing else.</summary>
public sealed class TracingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        serviceProvider.Get<ITracingService>().Trace("ran at depth {0}, stage {1}", context.Depth, context.Stage);
    }
}

/// <summary>PreOperation: sets the column named by its configuration ("column=value") on the Target.</summary>
public sealed class TargetStampPlugin : IPlugin
{
    private readonly string column;
    private readonly string value;

    public TargetStampPlugin(string unsecure, string secure)
    {
        var parts = (unsecure ?? "description=stamped").Split('=');
        column = parts[0];
        value = parts[1];
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Get<IPluginExecutionContext>().InputParameters["Target"];
        target[column] = value;
    }
}

/// <summary>PostOperation on contact: writes the depth it ran at into its parent account's column (the configuration), as SYSTEM.</summary>
public sealed class ParentWriterPlugin : IPlugin
{
    private readonly string column;

    public ParentWriterPlugin(string unsecure, string secure)
    {
        column = string.IsNullOrEmpty(unsecure) ? "description" : unsecure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        var image = context.PostEntityImages["PostImage"];
        var parent = image.GetAttributeValue<EntityReference>(TestNames.ParentCustomerId);
        if (parent is null)
        {
            return;
        }

        var service = serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(null);
        var update = new Entity(parent.LogicalName, parent.Id);
        update[column] = "written at depth " + context.Depth;
        service.Update(update);
    }
}

/// <summary>
/// PostOperation Update: writes its own row again (an infinite loop when its step has no filtering
/// attributes). Configuration "wrap" makes it turn every exception into its own, as PluginCall.Run does.
/// </summary>
public sealed class SelfUpdatePlugin : IPlugin
{
    private readonly bool wrap;

    public SelfUpdatePlugin(string unsecure, string secure)
    {
        wrap = string.Equals(unsecure, "wrap", StringComparison.Ordinal);
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        try
        {
            var update = new Entity(context.PrimaryEntityName, context.PrimaryEntityId);
            update["description"] = "depth " + context.Depth;
            serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(context.UserId).Update(update);
        }
        catch (Exception ex) when (wrap && ex is not InvalidPluginExecutionException)
        {
            throw new InvalidPluginExecutionException("Something went wrong; reference " + context.CorrelationId + ".");
        }
    }
}

/// <summary>Throws an InvalidPluginExecutionException with its configuration as the message.</summary>
public sealed class ThrowingPlugin : IPlugin
{
    private readonly string message;

    public ThrowingPlugin(string unsecure, string secure)
    {
        message = unsecure ?? "refused";
    }

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(message);
}

/// <summary>PostOperation: updates a row that does not exist and swallows the failure.</summary>
public sealed class SwallowingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var service = serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(null);
        try
        {
            service.Update(new Entity(TestNames.Account, Guid.NewGuid()) { ["description"] = "never" });
        }
        catch (OrganizationServiceFaultException)
        {
            // Swallowed on purpose: the platform still aborts the transaction.
        }
    }
}

/// <summary>Counts its own executions in an instance field (test-only) and traces the count: shows one instance serves every execution.</summary>
public sealed class CountingPlugin : IPlugin
{
    private int executions;

    public void Execute(IServiceProvider serviceProvider)
    {
        executions++;
        serviceProvider.Get<ITracingService>().Trace("execution {0}", executions);
    }
}

/// <summary>Has no constructor that takes a configuration.</summary>
public sealed class NoConfigurationPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
    }
}

/// <summary>Runs one FetchXML query on activitypointer, to show a FetchExpression is counted.</summary>
public sealed class FetchingPlugin : IPlugin
{
    public FetchingPlugin(string unsecure, string secure)
    {
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var service = serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(null);
        service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.FetchExpression("<fetch><entity name='activitypointer'><attribute name='activityid' /></entity></fetch>"));
    }
}

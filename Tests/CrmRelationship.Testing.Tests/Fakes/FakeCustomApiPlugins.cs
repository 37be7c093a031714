using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;

namespace CrmRelationship.Testing.Tests.Fakes;

// Small main operations for Custom APIs registered in code (TestCustomApis). A Custom API's plug-in
// gets no configuration, so each one's behaviour is driven by the request it receives.

/// <summary>Copies every request parameter to the output parameter of the same name, registered as a response property or not.</summary>
public sealed class MirrorApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        serviceProvider.Get<ITracingService>().Trace("{0} stage {1} depth {2}", context.MessageName, context.Stage, context.Depth);
        foreach (var parameter in context.InputParameters)
        {
            context.OutputParameters[parameter.Key] = parameter.Value;
        }
    }
}

/// <summary>
/// Creates a contact as SYSTEM and returns its id as ContactId; when the request's Fail is true it then
/// refuses with an <see cref="InvalidPluginExecutionException"/>, after the write.
/// </summary>
public sealed class WritingApiPlugin : IPlugin
{
    public const string Refusal = "Refused after writing: change the request and try again.";

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        var service = serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(null);
        var id = service.Create(new Entity(TestNames.Contact));
        if (context.InputParameters.TryGetValue("Fail", out object fail) && fail is true)
        {
            throw new InvalidPluginExecutionException(Refusal);
        }

        context.OutputParameters["ContactId"] = id;
    }
}

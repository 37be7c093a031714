using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

// Custom API messages: a request is checked against the API's registered parameters, its main
// operation runs at stage 30 in a transaction of its own, and the response carries only registered
// response properties. Steps of stages 10, 20 and 40 are not run for these messages: the product's
// Custom API allows no custom processing steps (allowedcustomprocessingsteptype 0).
public sealed partial class Pipeline
{
    /// <summary>The stage of a message's main operation, where a Custom API's plug-in type runs.</summary>
    public const int MainOperationStage = 30;

    /// <summary>The PrimaryEntityName of an unbound (global) message's context.</summary>
    public const string UnboundEntityName = "none";

    private readonly CustomApiCatalog customApis = CustomApiCatalog.Empty;
    private readonly Dictionary<string, IPlugin> customApiPlugins = new(StringComparer.Ordinal);

    /// <summary>
    /// The Custom APIs <see cref="Execute(OrganizationRequest)"/> runs (none unless set). Setting it creates each main
    /// operation's plug-in instance now, as steps' instances are created with the pipeline, so a class
    /// the assembly lacks or a wrong public key token fails at once.
    /// </summary>
    public CustomApiCatalog CustomApis
    {
        get => customApis;
        init
        {
            customApis = value ?? throw new ArgumentNullException(nameof(value));
            customApiPlugins.Clear();
            foreach (var api in value.Apis.Where(a => a.MainOperation is not null))
            {
                customApiPlugins.Add(api.UniqueName, PluginActivator.Create(api.MainOperation!, value.PluginAssembly));
            }
        }
    }

    /// <summary>
    /// Executes a Custom API request as the caller, e.g.
    /// <c>Execute(new OrganizationRequest("new_Preview") { ["Count"] = 3 })</c>.
    /// The request is refused, with nothing run or recorded, when its name is no registered API's, when it
    /// names a parameter the API does not register, leaves out a required one or gives a value of another
    /// .NET type than the registered type code takes. Otherwise it is a top-level operation: the main
    /// operation runs at stage 30, its service calls are counted in <see cref="LastOperation"/>, and an
    /// exception (an <see cref="InvalidPluginExecutionException"/> included) reaches the caller as thrown,
    /// after every write it made is undone.
    /// </summary>
    /// <exception cref="CustomApiRequestException">Dataverse would refuse the request.</exception>
    /// <exception cref="CustomApiResponseException">The main operation set an output that is not a registered response property, or of another type.</exception>
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var api = customApis.Find(request.RequestName) ?? throw UnknownRequest(request.RequestName);
        var input = CustomApiValues.CheckRequest(api.Definition, request.Parameters);
        return InTransaction(
            () => new OperationRecord(api.UniqueName, UnboundEntityName, NewId()),
            transaction => RunMainOperation(api, transaction, input));
    }

    /// <summary>Executes a Custom API request by name: <c>Execute("rel_X", ("Name", value), …)</c>.</summary>
    public OrganizationResponse Execute(string requestName, params (string Name, object? Value)[] parameters)
    {
        var request = new OrganizationRequest(requestName);
        foreach (var (name, value) in parameters ?? Array.Empty<(string, object?)>())
        {
            request[name] = value!;
        }

        return Execute(request);
    }

    private OrganizationResponse RunMainOperation(RegisteredCustomApi api, PipelineTransaction transaction, ParameterCollection input)
    {
        var output = new ParameterCollection();
        if (api.MainOperation is { } registration)
        {
            var context = new PipelineExecutionContext(
                api.UniqueName, UnboundEntityName, MainOperationStage, depth: 1, parent: null, input, output, new ParameterCollection())
            {
                Mode = 0,
                UserId = CallerId,
                InitiatingUserId = transaction.InitiatingUserId,
                CorrelationId = transaction.Record.CorrelationId,
                OperationId = transaction.OperationId,
                OperationCreatedOn = transaction.CreatedOn,
                RequestId = transaction.OperationId,
                OrganizationId = OrganizationId,
                BusinessUnitId = BusinessUnitId,
                StepName = registration.Name,
            };
            Invoke(customApiPlugins[api.UniqueName], registration, context, transaction);
        }

        return CustomApiValues.Response(api.Definition, output);
    }

    private CustomApiRequestException UnknownRequest(string? requestName)
    {
        var near = customApis.Apis.FirstOrDefault(a => string.Equals(a.UniqueName, requestName, StringComparison.OrdinalIgnoreCase));
        var registered = customApis.Apis.Count == 0 ? "none" : string.Join(", ", customApis.Apis.Select(a => a.UniqueName));
        return new CustomApiRequestException(
            $"Dataverse refuses the request '{requestName}': no Custom API has that unique name"
            + (near is null ? string.Empty : $" (the harness matches names exactly, as the Web API does: did you mean '{near.UniqueName}'?)")
            + $". Registered Custom APIs: {registered}. Create, Update and Delete go through Create, Update and Delete.");
    }
}

using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmRelationship.Testing;

/// <summary>The service provider one step execution receives: context, tracing and service factory; null for anything else.</summary>
internal sealed class PipelineServiceProvider : IServiceProvider
{
    private readonly PipelineExecutionContext context;
    private readonly ITracingService tracing;
    private readonly IOrganizationServiceFactory factory;

    public PipelineServiceProvider(PipelineExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        this.context = context;
        this.tracing = tracing;
        this.factory = factory;
    }

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext) ? context
        : serviceType == typeof(ITracingService) ? tracing
        : serviceType == typeof(IOrganizationServiceFactory) ? factory
        : null;
}

/// <summary>Hands a step execution services that count its calls; a null user id means SYSTEM.</summary>
internal sealed class PipelineServiceFactory : IOrganizationServiceFactory
{
    private readonly Pipeline pipeline;
    private readonly PipelineTransaction transaction;
    private readonly StepExecution execution;

    public PipelineServiceFactory(Pipeline pipeline, PipelineTransaction transaction, StepExecution execution)
    {
        this.pipeline = pipeline;
        this.transaction = transaction;
        this.execution = execution;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new StepOrganizationService(pipeline, transaction, execution, userId ?? Pipeline.SystemUserId);
}

/// <summary>
/// The organization service a plug-in gets from its factory. Every call is counted on the step
/// execution; Create, Update and Delete re-enter the pipeline one level deeper, in the same
/// transaction, with the calling context as the parent.
/// </summary>
internal sealed class StepOrganizationService : IOrganizationService
{
    private readonly Pipeline pipeline;
    private readonly PipelineTransaction transaction;
    private readonly StepExecution execution;
    private readonly Guid userId;

    public StepOrganizationService(Pipeline pipeline, PipelineTransaction transaction, StepExecution execution, Guid userId)
    {
        this.pipeline = pipeline;
        this.transaction = transaction;
        this.execution = execution;
        this.userId = userId;
    }

    public Guid Create(Entity entity)
    {
        Record(CallKind.Create, entity?.LogicalName, entity?.Id ?? Guid.Empty, entity);
        return Nested(PipelineRequest.Create(entity!));
    }

    public void Update(Entity entity)
    {
        Record(CallKind.Update, entity?.LogicalName, entity?.Id ?? Guid.Empty, entity);
        Nested(PipelineRequest.Update(entity!));
    }

    public void Delete(string entityName, Guid id)
    {
        Record(CallKind.Delete, entityName, id);
        Nested(PipelineRequest.Delete(entityName, id));
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
    {
        Record(CallKind.Retrieve, entityName, id);
        return pipeline.Read(entityName, id, columnSet);
    }

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var expression = query as QueryExpression;
        var page = expression?.PageInfo is { PageNumber: > 0 } info ? info.PageNumber : 1;
        var entityName = expression?.EntityName ?? (query is FetchExpression fetch ? FetchEngine.EntityName(fetch.Query) : string.Empty);
        execution.Record(new ServiceCall(CallKind.RetrieveMultiple, entityName, Guid.Empty, userId, execution.Depth, page));
        return QueryEngine.Execute(pipeline.Store, query);
    }

    public OrganizationResponse Execute(OrganizationRequest request) =>
        throw new NotSupportedException($"The in-memory organization does not execute {request?.RequestName ?? "requests"}; only Create, Retrieve, RetrieveMultiple, Update and Delete.");

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new NotSupportedException("The in-memory organization does not support Associate.");

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new NotSupportedException("The in-memory organization does not support Disassociate.");

    private void Record(CallKind kind, string? entityName, Guid id, Entity? written = null) =>
        execution.Record(new ServiceCall(kind, entityName ?? string.Empty, id, userId, execution.Depth)
        {
            Columns = written is null ? Array.Empty<string>() : written.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
        });

    /// <summary>
    /// A failed nested operation reaches the calling plug-in as the organization service's fault, as on
    /// the platform, never as the exception a step of that operation threw (an
    /// InvalidPluginExecutionException included); the fault keeps the message.
    /// </summary>
    private Guid Nested(PipelineRequest request)
    {
        try
        {
            return pipeline.RunNested(request, transaction, execution.PipelineContext, userId);
        }
        catch (Exception ex)
        {
            throw new OrganizationServiceFaultException(ex);
        }
    }
}

/// <summary>
/// The caller's (the test's) organization service: each Create, Update and Delete is a top-level
/// operation with its own transaction; reads go straight to the store and are not counted.
/// </summary>
internal sealed class CallerOrganizationService : IOrganizationService
{
    private readonly Pipeline pipeline;

    public CallerOrganizationService(Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    public Guid Create(Entity entity) => pipeline.RunTopLevel(PipelineRequest.Create(entity));

    public void Update(Entity entity) => pipeline.RunTopLevel(PipelineRequest.Update(entity));

    public void Delete(string entityName, Guid id) => pipeline.RunTopLevel(PipelineRequest.Delete(entityName, id));

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => pipeline.Read(entityName, id, columnSet);

    public EntityCollection RetrieveMultiple(QueryBase query) => QueryEngine.Execute(pipeline.Store, query);

    public OrganizationResponse Execute(OrganizationRequest request) => pipeline.Execute(request);

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new NotSupportedException("The in-memory organization does not support Associate.");

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        throw new NotSupportedException("The in-memory organization does not support Disassociate.");
}

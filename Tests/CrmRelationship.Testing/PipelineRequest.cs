using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The messages the harness runs steps for, with the stages it runs them in: for registrations written in
/// code and for assertions on <see cref="StepExecution.Message"/> and <see cref="OperationRecord.Message"/>.
/// </summary>
public static class PipelineMessages
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    /// <summary>PreValidation 10, PreOperation 20, PostOperation 40.</summary>
    public static readonly IReadOnlyList<int> Stages = new[] { 10, 20, 40 };
}

/// <summary>A Create, Update or Delete entering the pipeline, with the caller's Target copied (the caller's object is never changed).</summary>
internal sealed class PipelineRequest
{
    private PipelineRequest(string message, string entityName, Guid id, Entity? target)
    {
        Message = message;
        EntityName = entityName;
        Id = id;
        Target = target;
    }

    public string Message { get; }

    public string EntityName { get; }

    /// <summary>The row's id; empty for a Create that lets the platform choose.</summary>
    public Guid Id { get; }

    /// <summary>The Target entity (Create, Update); null for Delete.</summary>
    public Entity? Target { get; }

    public static PipelineRequest Create(Entity entity)
    {
        var target = Copy(entity, PipelineMessages.Create);
        return new PipelineRequest(PipelineMessages.Create, target.LogicalName, target.Id, target);
    }

    public static PipelineRequest Update(Entity entity)
    {
        var target = Copy(entity, PipelineMessages.Update);
        var idColumn = EntityStore.IdColumn(target.LogicalName);
        if (target.Id == Guid.Empty && target.Attributes.TryGetValue(idColumn, out var value) && value is Guid fromColumn)
        {
            target.Id = fromColumn;
        }

        if (target.Id == Guid.Empty)
        {
            throw new ArgumentException($"An Update of {target.LogicalName} needs the row's id (Entity.Id or {idColumn}).", nameof(entity));
        }

        return new PipelineRequest(PipelineMessages.Update, target.LogicalName, target.Id, target);
    }

    public static PipelineRequest Delete(string entityName, Guid id)
    {
        if (string.IsNullOrEmpty(entityName) || id == Guid.Empty)
        {
            throw new ArgumentException("A Delete needs a table name and an id.", nameof(entityName));
        }

        return new PipelineRequest(PipelineMessages.Delete, entityName, id, null);
    }

    private static Entity Copy(Entity entity, string message)
    {
        if (entity is null || string.IsNullOrEmpty(entity.LogicalName))
        {
            throw new ArgumentException($"A {message} needs an entity with a LogicalName.", nameof(entity));
        }

        var copy = new Entity(entity.LogicalName, entity.Id);
        foreach (var pair in entity.Attributes.ToList())
        {
            copy[pair.Key] = AttributeValues.Copy(pair.Key, pair.Value);
        }

        return copy;
    }
}

/// <summary>The state of one top-level operation while it runs: its record, ids shared by its contexts, and how it went wrong.</summary>
internal sealed class PipelineTransaction
{
    public PipelineTransaction(OperationRecord record, Guid operationId, Guid initiatingUserId, DateTime createdOn)
    {
        Record = record;
        OperationId = operationId;
        InitiatingUserId = initiatingUserId;
        CreatedOn = createdOn;
    }

    public OperationRecord Record { get; }

    public Guid OperationId { get; }

    public Guid InitiatingUserId { get; }

    public DateTime CreatedOn { get; }

    /// <summary>Set when an operation went deeper than <see cref="Pipeline.MaxDepth"/>.</summary>
    public string? Loop { get; set; }

    /// <summary>The first nested operation that failed: the platform dooms the transaction even if a plug-in catches it.</summary>
    public Exception? NestedFailure { get; set; }
}

using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

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

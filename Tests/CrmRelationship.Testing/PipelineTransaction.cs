using System;
using System.Collections.Generic;

namespace CrmRelationship.Testing;

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

    /// <summary>Asynchronous step executions the operation queued; they run once it commits, and are dropped when it rolls back.</summary>
    public List<Pipeline.AsyncJob> AsyncQueue { get; } = new();
}

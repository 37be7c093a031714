using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Testing;

/// <summary>
/// One top-level Create, Update or Delete made by the test (the caller), with every step execution it
/// caused at any depth, in order. Its calls are the calls those steps made: the caller's own request
/// is not one of them, so a save that costs nothing extra has <see cref="CallCounts"/>.Total 0.
/// </summary>
public sealed class OperationRecord
{
    private readonly List<StepExecution> steps = new();
    private readonly List<OperationRecord> asyncOperations = new();

    internal OperationRecord(string message, string entityName, Guid correlationId)
    {
        Message = message;
        EntityName = entityName;
        CorrelationId = correlationId;
    }

    public string Message { get; }

    public string EntityName { get; }

    /// <summary>The row's id (known after a Create's main operation).</summary>
    public Guid RecordId { get; internal set; }

    /// <summary>Shared by every context of the operation, nested ones included.</summary>
    public Guid CorrelationId { get; }

    /// <summary>True when the operation completed; false when it was aborted and rolled back.</summary>
    public bool Succeeded { get; internal set; }

    /// <summary>The exception that aborted the operation, or null.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>The deepest depth any step ran at (1 when only the caller's own request ran steps).</summary>
    public int MaxDepth => steps.Count == 0 ? 0 : steps.Max(s => s.Depth);

    public IReadOnlyList<StepExecution> Steps => steps;

    /// <summary>True for the system job of one asynchronous step execution (see <see cref="AsyncOperations"/>).</summary>
    public bool Asynchronous { get; internal set; }

    /// <summary>
    /// The asynchronous step executions this operation queued, each run after the operation committed as a
    /// system job with its own transaction and its own calls (the steps its writes ran included), in the order
    /// they were queued, followed by those their own writes queued. A failed job is recorded here
    /// (<see cref="Succeeded"/> false) and undone, but never undoes or fails the caller's operation.
    /// </summary>
    public IReadOnlyList<OperationRecord> AsyncOperations => asyncOperations;

    /// <summary>The calls of every asynchronous job the operation queued; <see cref="CallCounts"/> counts only the synchronous pipeline.</summary>
    public CallCounts AsyncCallCounts => CallCounts.Of(asyncOperations.SelectMany(o => o.Calls));

    public IEnumerable<ServiceCall> Calls => steps.SelectMany(s => s.Calls);

    public CallCounts CallCounts => CallCounts.Of(Calls);

    public IEnumerable<string> Trace => steps.SelectMany(s => s.Trace);

    /// <summary>The executions of one plug-in class (short name, e.g. ContactRollupPlugin).</summary>
    public IReadOnlyList<StepExecution> StepsOf(string pluginName) =>
        steps.Where(s => string.Equals(s.PluginName, pluginName, StringComparison.Ordinal)).ToList();

    /// <summary>The calls made by executions of one plug-in class.</summary>
    public CallCounts CallsOf(string pluginName) => CallCounts.Of(StepsOf(pluginName).SelectMany(s => s.Calls));

    internal void Add(StepExecution step) => steps.Add(step);

    internal void AddAsync(OperationRecord job) => asyncOperations.Add(job);

    public override string ToString() =>
        $"{Message} {EntityName} {RecordId}: {(Succeeded ? "succeeded" : "aborted")}, {steps.Count} step executions, {CallCounts}";
}

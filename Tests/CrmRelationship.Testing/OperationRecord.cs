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

    public IEnumerable<ServiceCall> Calls => steps.SelectMany(s => s.Calls);

    public CallCounts CallCounts => CallCounts.Of(Calls);

    public IEnumerable<string> Trace => steps.SelectMany(s => s.Trace);

    /// <summary>The executions of one plug-in class (short name, e.g. ContactRollupPlugin).</summary>
    public IReadOnlyList<StepExecution> StepsOf(string pluginName) =>
        steps.Where(s => string.Equals(s.PluginName, pluginName, StringComparison.Ordinal)).ToList();

    /// <summary>The calls made by executions of one plug-in class.</summary>
    public CallCounts CallsOf(string pluginName) => CallCounts.Of(StepsOf(pluginName).SelectMany(s => s.Calls));

    internal void Add(StepExecution step) => steps.Add(step);

    public override string ToString() =>
        $"{Message} {EntityName} {RecordId}: {(Succeeded ? "succeeded" : "aborted")}, {steps.Count} step executions, {CallCounts}";
}

using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// One execution of one registered step: the context it received, the service calls it made, the
/// lines it traced and how it ended. Tests read these to assert which steps fired and what they cost.
/// </summary>
public sealed class StepExecution
{
    private readonly List<ServiceCall> calls = new();
    private readonly List<string> trace = new();

    internal StepExecution(StepRegistration step, PipelineExecutionContext context)
    {
        Step = step;
        PipelineContext = context;
    }

    /// <summary>The registration that ran: a step of the solution, or the main operation a Custom API implies.</summary>
    public StepRegistration Step { get; }

    /// <summary>The context the plug-in received (Target, images, depth …), as it was left after the plug-in ran.</summary>
    public IPluginExecutionContext Context => PipelineContext;

    /// <summary>The plug-in's short class name, e.g. ContactRollupPlugin.</summary>
    public string PluginName => Step.PluginClassName.Split('.').Last();

    public string Message => PipelineContext.MessageName;

    public string EntityName => PipelineContext.PrimaryEntityName;

    public int Stage => PipelineContext.Stage;

    public int Depth => PipelineContext.Depth;

    /// <summary>Calls made through services from the step's <c>IOrganizationServiceFactory</c>.</summary>
    public IReadOnlyList<ServiceCall> Calls => calls;

    public CallCounts CallCounts => CallCounts.Of(calls);

    public IReadOnlyList<string> Trace => trace;

    /// <summary>What the plug-in threw, or null.</summary>
    public Exception? Exception { get; internal set; }

    internal PipelineExecutionContext PipelineContext { get; }

    internal void Record(ServiceCall call) => calls.Add(call);

    internal void AddTrace(string line) => trace.Add(line);

    public override string ToString() => $"{PluginName} {Message} {EntityName} stage {Stage} depth {Depth}: {CallCounts}";
}

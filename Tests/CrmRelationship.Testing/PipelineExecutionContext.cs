using System;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The <see cref="IPluginExecutionContext"/> the harness hands to one step execution. Steps of the
/// same message share its InputParameters (so PreOperation changes to Target reach later steps, as on
/// the platform), its OutputParameters and its SharedVariables; each step gets its own images.
/// </summary>
internal sealed class PipelineExecutionContext : IPluginExecutionContext
{
    internal PipelineExecutionContext(
        string messageName,
        string primaryEntityName,
        int stage,
        int depth,
        PipelineExecutionContext? parent,
        ParameterCollection inputParameters,
        ParameterCollection outputParameters,
        ParameterCollection sharedVariables)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        Stage = stage;
        Depth = depth;
        ParentContext = parent;
        InputParameters = inputParameters;
        OutputParameters = outputParameters;
        SharedVariables = sharedVariables;
    }

    public int Stage { get; }

    public IPluginExecutionContext? ParentContext { get; }

    /// <summary>0: every registered step is synchronous (the harness refuses asynchronous ones).</summary>
    public int Mode { get; init; }

    /// <summary>2: sandbox, as the assembly is registered.</summary>
    public int IsolationMode { get; init; } = 2;

    public int Depth { get; }

    public string MessageName { get; }

    public string PrimaryEntityName { get; }

    public Guid? RequestId { get; init; }

    public string SecondaryEntityName { get; init; } = "none";

    public ParameterCollection InputParameters { get; }

    public ParameterCollection OutputParameters { get; }

    public ParameterCollection SharedVariables { get; }

    public Guid UserId { get; init; }

    public Guid InitiatingUserId { get; init; }

    public Guid BusinessUnitId { get; init; }

    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "inmemory";

    public Guid PrimaryEntityId { get; init; }

    public EntityImageCollection PreEntityImages { get; } = new();

    public EntityImageCollection PostEntityImages { get; } = new();

    /// <summary>The step being executed.</summary>
    public EntityReference? OwningExtension { get; init; }

    public Guid CorrelationId { get; init; }

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    /// <summary>PreOperation and PostOperation run inside the transaction; so does anything nested.</summary>
    public bool IsInTransaction => Stage >= 20 || Depth > 1;

    /// <summary>The registered step's name, for diagnostics (e.g. the chain of an infinite loop).</summary>
    public string StepName { get; init; } = string.Empty;

    public Guid OperationId { get; init; }

    public DateTime OperationCreatedOn { get; init; }
}

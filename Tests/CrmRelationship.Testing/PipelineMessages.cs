using System.Collections.Generic;

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

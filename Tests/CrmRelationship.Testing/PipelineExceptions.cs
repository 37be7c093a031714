using System;

namespace CrmRelationship.Testing;

/// <summary>
/// Thrown to the test when an operation nests deeper than the platform allows (depth above 8): the
/// symptom of a plug-in whose writes re-trigger itself. The message lists the chain of steps.
/// </summary>
public sealed class PipelineLoopException : Exception
{
    public PipelineLoopException()
    {
    }

    public PipelineLoopException(string message)
        : base(message)
    {
    }

    public PipelineLoopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Thrown when the harness is given a registration the platform would refuse or that it cannot run:
/// an image a message cannot have, an asynchronous step, a class the plug-in assembly lacks.
/// </summary>
public sealed class PipelineRegistrationException : Exception
{
    public PipelineRegistrationException()
    {
    }

    public PipelineRegistrationException(string message)
        : base(message)
    {
    }

    public PipelineRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Stands in for the <c>FaultException&lt;OrganizationServiceFault&gt;</c> a plug-in receives when an
/// operation it started through its organization service fails: same message, the harness's own
/// exception as the inner exception for diagnosis.
/// </summary>
public sealed class OrganizationServiceFaultException : Exception
{
    public OrganizationServiceFaultException()
    {
    }

    public OrganizationServiceFaultException(string message)
        : base(message)
    {
    }

    public OrganizationServiceFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrganizationServiceFaultException(Exception innerException)
        : base((innerException ?? throw new ArgumentNullException(nameof(innerException))).Message, innerException)
    {
    }
}

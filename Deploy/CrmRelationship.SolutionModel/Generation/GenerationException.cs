using System;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>The source or the facts cannot be turned into code: two names give one identifier, an action has no rank…</summary>
public sealed class GenerationException : Exception
{
    public GenerationException()
    {
    }

    public GenerationException(string message)
        : base(message)
    {
    }

    public GenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

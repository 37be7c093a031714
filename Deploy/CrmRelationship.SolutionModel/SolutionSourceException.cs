using System;

namespace CrmRelationship.SolutionModel;

/// <summary>A source file that cannot be read into the model: missing element, bad value, unknown id.</summary>
public sealed class SolutionSourceException : Exception
{
    public SolutionSourceException()
    {
    }

    public SolutionSourceException(string message)
        : base(message)
    {
    }

    public SolutionSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

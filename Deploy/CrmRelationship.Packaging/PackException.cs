using System;

namespace CrmRelationship.Packaging;

/// <summary>
/// The pack cannot go on. The message is one sentence that says what to build or fix; callers print it
/// as it is, without a stack trace.
/// </summary>
public sealed class PackException : Exception
{
    public PackException()
    {
    }

    public PackException(string message)
        : base(message)
    {
    }

    public PackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

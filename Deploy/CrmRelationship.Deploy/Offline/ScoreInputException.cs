using System;

namespace CrmRelationship.Deploy.Offline;

/// <summary>
/// Scoring cannot start or go on: an unreadable file, a missing required column, invalid settings, an
/// output folder that cannot be written. The message is one sentence that tells the user what to
/// do; the command prints it and exits with code 1. Never used for a bad row (those are rejected).
/// </summary>
public sealed class ScoreInputException : Exception
{
    public ScoreInputException()
    {
    }

    public ScoreInputException(string message)
        : base(message)
    {
    }

    public ScoreInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

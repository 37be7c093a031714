using System;

namespace CrmRelationship.Offline;

/// <summary>
/// Scoring cannot start or go on: an unreadable file, a missing required column, invalid settings, an
/// output folder that cannot be written. Never used for a bad row (those are rejected). The message
/// is one sentence. When the fix is in a file, the sentence says what to do; when the fix is a
/// different choice by the caller (another path, another output folder), <see cref="Choice"/> names
/// that choice, and the caller tells its user how to make it in its own terms (crmrel names its option).
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

    public ScoreInputException(string message, ScoreInputChoice choice, Exception? innerException = null)
        : base(message, innerException)
    {
        Choice = choice;
    }

    /// <summary>What the caller should choose differently, or <see cref="ScoreInputChoice.None"/> when the fix is in a file.</summary>
    public ScoreInputChoice Choice { get; }
}

/// <summary>The caller's choices that a <see cref="ScoreInputException"/> can be about.</summary>
public enum ScoreInputChoice
{
    None,

    /// <summary><see cref="ScoreOptions.ContactsPath"/> cannot be read.</summary>
    ContactsPath,

    /// <summary><see cref="ScoreOptions.AccountsPath"/> cannot be read.</summary>
    AccountsPath,

    /// <summary><see cref="ScoreOptions.ActivitiesPath"/> cannot be read.</summary>
    ActivitiesPath,

    /// <summary><see cref="ScoreOptions.SettingsPath"/> cannot be read.</summary>
    SettingsPath,

    /// <summary><see cref="ScoreOptions.OutputDirectory"/> cannot be created or written, holds an input file (however it is reached) or a folder under an output's name.</summary>
    OutputDirectory,

    /// <summary>A file in <see cref="ScoreOptions.OutputDirectory"/> cannot be replaced, perhaps because it is open elsewhere.</summary>
    OutputFile,
}

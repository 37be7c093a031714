using System;
using System.Collections.Generic;

namespace CrmRelationship.Offline;

/// <summary>
/// The offline scorer as a library: reads a contacts export (and optionally an accounts export),
/// scores every contact with the Scoring library as it streams past, rolls active contacts up to
/// their accounts, and writes contacts.csv, accounts.csv, rejected.csv and report.html. The
/// <c>crmrel score</c> command, the tests and the benchmark all call <see cref="Run"/>.
/// </summary>
public static class OfflineScoring
{
    public const string ContactsFileName = "contacts.csv";
    public const string AccountsFileName = "accounts.csv";
    public const string RejectedFileName = "rejected.csv";
    public const string ReportFileName = "report.html";

    /// <summary>The activities file as crmrel export writes it and the sample book holds it (an input, never an output).</summary>
    public const string ActivitiesFileName = "activities.csv";

    /// <summary>Every file a run writes in the output folder.</summary>
    public static readonly IReadOnlyList<string> OutputFileNames = [ContactsFileName, AccountsFileName, RejectedFileName, ReportFileName];

    /// <summary>
    /// Scores the book. Bad rows are rejected and listed in the result and in rejected.csv; a problem
    /// that stops the whole run (unreadable file, missing required column, invalid settings, output not
    /// writable) throws <see cref="ScoreInputException"/> and leaves the previous outputs as they were.
    /// </summary>
    public static ScoreResult Run(ScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var run = new ScoringRun(options);
        return run.Execute();
    }
}

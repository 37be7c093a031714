using System;
using System.Collections.Generic;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>What recalc did to one table.</summary>
/// <param name="Table">contact or account.</param>
/// <param name="Read">Active records read.</param>
/// <param name="Changed">Records whose computed values differ from the stored ones.</param>
/// <param name="Written">Changed records written by this run (or found written after an unknown outcome).</param>
/// <param name="WrittenBefore">Changed records the interrupted run had already written (--resume).</param>
public sealed record TableCounts(string Table, long Read, long Changed, long Written, long WrittenBefore);

/// <summary>The outcome of one recalc run, for the summary table and the exit code.</summary>
public sealed record RecalcResult
{
    public required TableCounts Contacts { get; init; }

    public required TableCounts Accounts { get; init; }

    public required IReadOnlyList<FailedRecord> Failed { get; init; }

    /// <summary>Failed attempts that were tried again (429, 503, timeouts, dropped connections on reads).</summary>
    public int Retried { get; init; }

    /// <summary>HTTP requests sent, retries included.</summary>
    public long Requests { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool DryRun { get; init; }

    public bool Resumed { get; init; }

    /// <summary>Stopped by Ctrl+C: what was written is in the checkpoint, and --resume finishes the run.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The time written as scored on (and as level changed on), and whose date is "today".</summary>
    public DateTime ScoredOn { get; init; }

    /// <summary>What the steps' settings mean ("the defaults", or what differs from them).</summary>
    public string Settings { get; init; } = string.Empty;

    public int Parallelism { get; init; }

    public int? ParallelismHint { get; init; }

    /// <summary>Whether writes carried MSCRM.BypassBusinessLogicExecution: CustomSync.</summary>
    public bool BypassedCustomSync { get; init; }

    /// <summary>Things the admin should know (a step our writes would run, and what was done about it).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public string? ChangesFile { get; init; }

    public string? FailedFile { get; init; }

    /// <summary>The checkpoint left for --resume, or null when the run finished with nothing left to write.</summary>
    public string? CheckpointFile { get; init; }

    public string? LogFile { get; init; }

    /// <summary>0 every change written (or listed, in a dry run), 2 some records failed (listed), 1 interrupted.</summary>
    public int ExitCode => Interrupted ? 1 : Failed.Count > 0 ? 2 : 0;
}

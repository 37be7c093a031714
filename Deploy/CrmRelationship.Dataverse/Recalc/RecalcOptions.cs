using System;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>What one <c>crmrel recalc</c> run does; the command builds it from its options, tests and the benchmark directly.</summary>
public sealed record RecalcOptions
{
    /// <summary>Folder for the checkpoint, recalc.log, changes.csv (dry run) and failed.csv; created if missing.</summary>
    public string OutputDirectory { get; init; } = "out";

    /// <summary>Write nothing; list every difference in changes.csv.</summary>
    public bool DryRun { get; init; }

    /// <summary>Continue the run whose checkpoint is in <see cref="OutputDirectory"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>The time of scoring (its date is "today"); null for now. A resumed run keeps the interrupted run's.</summary>
    public DateTime? Now { get; init; }

    /// <summary>Records per page read (Prefer: odata.maxpagesize), at most 5,000.</summary>
    public int PageSize { get; init; } = 5000;

    /// <summary>The first UpdateMultiple batch; it doubles after each success up to <see cref="MaxBatchSize"/>.</summary>
    public int FirstBatchSize { get; init; } = 100;

    /// <summary>The smallest batch a timeout or a size error halves to (a record that fails alone is still found by splitting).</summary>
    public int MinBatchSize { get; init; } = 100;

    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Called as records are read and written; null for none.</summary>
    public IRecalcProgress? Progress { get; init; }

    /// <summary>How records are written: UpdateMultiple batches, or one PATCH per record (the benchmark's baseline).</summary>
    internal WriteMode WriteMode { get; init; } = WriteMode.UpdateMultiple;
}

/// <summary>How recalc sends its writes.</summary>
internal enum WriteMode
{
    UpdateMultiple,

    /// <summary>One PATCH per record: what a loop over the records costs, measured by the benchmark.</summary>
    OnePerRecord,
}

/// <summary>Told how a run advances, for a progress bar.</summary>
public interface IRecalcProgress
{
    /// <summary>Records of <paramref name="table"/> read so far, and how many of them differ from the computed values.</summary>
    void Read(string table, long read, long changed, bool complete);

    /// <summary>Records of <paramref name="table"/> written (or found written) so far.</summary>
    void Written(string table, long written);
}

using System;
using System.Collections.Generic;
using CrmRelationship.Dataverse.Columns;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>One computed column whose stored value differs from the value computed now.</summary>
public readonly record struct ColumnChange(string Column, ColumnValue Stored, ColumnValue Computed);

/// <summary>A record whose computed columns differ: what recalc writes (only those columns, and scored on).</summary>
internal sealed class RecordChange
{
    public RecordChange(string table, Guid id, IReadOnlyList<ColumnChange> columns)
    {
        Table = table;
        Id = id;
        Columns = columns;
    }

    public string Table { get; }

    public Guid Id { get; }

    public IReadOnlyList<ColumnChange> Columns { get; }
}

/// <summary>A record recalc could not write, and the one sentence why.</summary>
public sealed record FailedRecord(string Table, Guid Id, string Reason);

using System;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Offline;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>changes.csv of a dry run: one row per column that would change (table, id, column, stored, computed).</summary>
internal sealed class ChangesFile : IDisposable
{
    public const string FileName = "changes.csv";
    private static readonly string[] Header = { "table", "id", "column", "stored", "computed" };
    private readonly CsvFileWriter writer;
    private readonly object gate = new();

    public ChangesFile(string path)
    {
        Path = path;
        writer = CsvFileWriter.Create(path, Header);
    }

    public string Path { get; }

    public void Write(RecordChange change)
    {
        lock (gate)
        {
            foreach (var column in change.Columns)
            {
                var withTime = WebApiNames.IsDateAndTime(column.Column);
                writer.WriteRow(new[] { change.Table, change.Id.ToString("D"), column.Column, column.Stored.Display(withTime), column.Computed.Display(withTime) });
            }
        }
    }

    public void Dispose() => writer.Dispose();
}

/// <summary>failed.csv: every record recalc could not write, with the reason.</summary>
internal static class FailedFile
{
    public const string FileName = "failed.csv";
    private static readonly string[] Header = { "table", "id", "reason" };

    public static void Write(string path, System.Collections.Generic.IEnumerable<FailedRecord> failed)
    {
        using var writer = CsvFileWriter.Create(path, Header);
        foreach (var record in failed)
        {
            writer.WriteRow(new[] { record.Table, record.Id.ToString("D"), record.Reason });
        }
    }
}

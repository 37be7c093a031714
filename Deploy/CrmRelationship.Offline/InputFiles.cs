using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>
/// The offline scorer's input files as <c>crmrel score</c> reads them, for the code that writes them (<c>crmrel export</c>):
/// which columns each file has (logical-name headers) and how a value is written (display labels, multi-select labels
/// joined by "; ", dates yyyy-MM-dd, dates and times ISO 8601 in UTC). Kept beside the reader so the two cannot drift.
/// </summary>
public static class InputFiles
{
    /// <summary>How the labels of a multi-select value are joined (the reader splits on ';' and trims).</summary>
    public const string MultiSelectSeparator = "; ";

    /// <summary>contactid, fullname, parentcustomerid, the nine inputs, createdon.</summary>
    public static IReadOnlyList<string> ContactColumns { get; } = [.. ColumnNames.RequiredContactColumns, LogicalNames.ContactInputs.PrimaryNeed, ColumnNames.CreatedOn];

    /// <summary>accountid, name and the account's three inputs.</summary>
    public static IReadOnlyList<string> AccountColumns { get; } = ColumnNames.RequiredAccountColumns;

    /// <summary>A date-only value as the reader reads it: yyyy-MM-dd; empty for none.</summary>
    public static string Date(DateTime? value) =>
        value is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A date and time as the reader reads it: ISO 8601 in UTC, such as 2026-11-24T09:30:00Z; empty for none.</summary>
    public static string DateAndTime(DateTime? value) =>
        value is { } date ? date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A multi-select value: its labels joined by "; ".</summary>
    public static string MultiSelect(IEnumerable<string> labels) => string.Join(MultiSelectSeparator, labels);
}

/// <summary>
/// Writes a CSV file the way the offline scorer writes and reads them (UTF-8 with BOM, CRLF, quoted only when a value
/// needs it), one row at a time; for files of rows other code builds (crmrel export, recalc's changes.csv). A failure to
/// create the file is a <see cref="ScoreInputException"/> that names it.
/// </summary>
public sealed class CsvFileWriter : IDisposable
{
    private readonly CsvWriter writer;

    private CsvFileWriter(CsvWriter writer) => this.writer = writer;

    public static CsvFileWriter Create(string path, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var file = new CsvFileWriter(OfflineFiles.CreateCsv(path));
        file.WriteRow(header);
        return file;
    }

    public void WriteRow(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            writer.Write(value);
        }

        writer.EndRecord();
    }

    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}

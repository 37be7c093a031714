using System;
using System.Collections.Generic;
using CsvHelper;

namespace CrmRelationship.Tests.Shared;

/// <summary>
/// Reads crmrel's output with CsvHelper directly, not through the offline scorer's own CSV layer, so
/// the round-trip tests (score, export) do not check that layer against itself.
/// </summary>
internal static class TestCsv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false };

    public static List<string[]> ReadRecords(string path)
    {
        var records = new List<string[]>();
        using var reader = CsvReader.FromFile(path, Options);
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>Each data record as a column → value map (first column wins on a repeated name).</summary>
    public static List<Dictionary<string, string>> ReadTable(string path, out string[] header)
    {
        var records = ReadRecords(path);
        header = records[0];
        var table = new List<Dictionary<string, string>>();
        for (var r = 1; r < records.Count; r++)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length && c < records[r].Length; c++)
            {
                row.TryAdd(header[c], records[r][c]);
            }

            table.Add(row);
        }

        return table;
    }

    public static List<Dictionary<string, string>> ReadTable(string path) => ReadTable(path, out _);
}

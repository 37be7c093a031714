using System;
using System.Collections.Generic;
using CsvHelper;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>Reads crmrel's CSV files with CsvHelper directly, so the tests do not check crmrel's CSV layer against itself.</summary>
internal static class TestCsv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false };

    /// <summary>Each data record as a column → value map.</summary>
    public static List<Dictionary<string, string>> ReadTable(string path, out string[] header)
    {
        var records = new List<string[]>();
        using (var reader = CsvReader.FromFile(path, Options))
        {
            while (reader.Read())
            {
                var record = new string[reader.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = reader.GetString(i);
                }

                records.Add(record);
            }
        }

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

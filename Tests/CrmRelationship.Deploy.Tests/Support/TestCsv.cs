using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CrmRelationship.Deploy.Tests.Support;

/// <summary>
/// A deliberately simple RFC 4180 parser, independent of crmrel's reader, so the round-trip tests do
/// not check the reader against itself. Reads a whole file; fine for test-sized books.
/// </summary>
internal static class TestCsv
{
    public static List<string[]> ReadRecords(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<string[]>();
        var record = new List<string>();
        var value = new StringBuilder();
        var i = 0;
        var quoted = false;
        var any = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { value.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                value.Append(c);
                i++;
                continue;
            }

            if (c == '"') { quoted = true; any = true; i++; continue; }
            if (c == ',') { record.Add(value.ToString()); value.Clear(); any = true; i++; continue; }
            if (c == '\r' || c == '\n')
            {
                if (any || value.Length > 0)
                {
                    record.Add(value.ToString());
                    records.Add(record.ToArray());
                }

                record.Clear();
                value.Clear();
                any = false;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            value.Append(c);
            any = true;
            i++;
        }

        if (any || value.Length > 0)
        {
            record.Add(value.ToString());
            records.Add(record.ToArray());
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
}

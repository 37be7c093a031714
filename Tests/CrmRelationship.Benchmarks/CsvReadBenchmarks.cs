using System.IO;
using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using CrmRelationship.Offline.Csv;
using nietras.SeparatedValues;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// Reading CSV: every value of a generated 100,000-contact export read as UTF-16 text by the offline
/// scorer's reader (CsvHelper behind it), by CsvHelper on its own, and by Sep, the other candidate
/// when the hand-written reader was replaced (README, Performance), each set up as the scorer needs it
/// (invalid UTF-8 detected, physical line numbers, quoting errors reported where the library can).
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly char[] chars = new char[4096];
    private string folder = string.Empty;
    private string contacts = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "crmrel-bdn-csv");
        contacts = Path.Combine(folder, BookGenerator.ContactsFile);
        if (!File.Exists(contacts))
        {
            BookGenerator.Write(folder, 100_000, 2_000);
        }
    }

    [Benchmark(Baseline = true)]
    public long ScorerReader()
    {
        using var reader = new CsvReader(File.OpenRead(contacts));
        var row = new CsvRow();
        long characters = 0;
        while (reader.Read(row))
        {
            for (var i = 0; i < row.Count; i++)
            {
                characters += row[i].Length;
            }
        }

        return characters;
    }

    [Benchmark]
    public long Sep()
    {
        using var text = new StreamReader(contacts, StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(text);
        long characters = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                characters += row[i].Span.Length;
            }
        }

        return characters;
    }

    [Benchmark]
    public long CsvHelper()
    {
        var options = global::CsvHelper.CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            OnMalformedRecord = _ => { },
        };
        using var reader = global::CsvHelper.CsvReader.Create(File.OpenRead(contacts), options, leaveOpen: false);
        long characters = 0;
        while (reader.Read())
        {
            if (!Utf8.IsValid(reader.RawRecord))
            {
                throw new InvalidDataException("Not UTF-8 on line " + reader.LineNumber);
            }

            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.GetChars(i, chars);
            }
        }

        return characters;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own cleanup.
        }
    }
}

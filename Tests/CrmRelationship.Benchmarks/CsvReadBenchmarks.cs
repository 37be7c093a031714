using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using CrmRelationship.Offline.Csv;
using CsvHelper.Configuration;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// Why crmrel has its own CSV reader: reading every value of a generated 100,000-contact export with
/// it against CsvHelper's lowest-level parser (the fastest way CsvHelper reads).
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
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
    public long CrmRelReader()
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
    public long CsvHelperParser()
    {
        using var text = new StreamReader(contacts);
        using var parser = new CsvHelper.CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture));
        long characters = 0;
        while (parser.Read())
        {
            for (var i = 0; i < parser.Count; i++)
            {
                characters += parser[i].Length;
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

using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmRelationship.Offline;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// (3) crmrel score end to end over a generated 1,000,000-contact, 20,000-account book (target: under
/// 20 s on 2 cores). One cold iteration: the point is the wall time of a real run, not a steady state.
/// The peak working set is measured by the `e2e` mode, in a process that does nothing else.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class EndToEndBenchmarks
{
    private string folder = string.Empty;

    [Params(1_000_000)]
    public int Contacts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "crmrel-bdn-" + Contacts);
        if (!File.Exists(Path.Combine(folder, BookGenerator.ContactsFile)))
        {
            BookGenerator.Write(folder, Contacts, Contacts / 50);
        }
    }

    [Benchmark]
    public long Score() => OfflineScoring.Run(new ScoreOptions
    {
        ContactsPath = Path.Combine(folder, BookGenerator.ContactsFile),
        AccountsPath = Path.Combine(folder, BookGenerator.AccountsFile),
        AsOf = new DateOnly(2026, 11, 24),
        OutputDirectory = Path.Combine(folder, "out"),
    }).ContactsScored;

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

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using CrmRelationship.Offline;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// `-- e2e [contacts] [accounts]`: generates the book once (or reuses it), then runs the offline
/// scorer once in this process and prints the elapsed seconds and the process's peak working set:
/// the numbers the 1,000,000-contact target (under 20 s, under 1 GB on 2 cores) is checked against.
/// </summary>
public static class EndToEndMode
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var contacts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var accounts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        var folder = Path.Combine(Path.GetTempPath(), "crmrel-e2e-" + contacts.ToString(CultureInfo.InvariantCulture) + "-" + accounts.ToString(CultureInfo.InvariantCulture));
        var contactsPath = Path.Combine(folder, BookGenerator.ContactsFile);
        if (!File.Exists(contactsPath))
        {
            var generating = Stopwatch.StartNew();
            BookGenerator.Write(folder, contacts, accounts);
            Console.WriteLine("Generated " + folder + " in " + generating.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s.");
        }

        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var result = OfflineScoring.Run(new ScoreOptions
        {
            ContactsPath = contactsPath,
            AccountsPath = Path.Combine(folder, BookGenerator.AccountsFile),
            AsOf = new DateOnly(2026, 11, 24),
            OutputDirectory = Path.Combine(folder, "out"),
        });
        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(
            "Scored " + result.ContactsScored.ToString("N0", CultureInfo.InvariantCulture) + " contacts and "
            + result.Accounts.Count.ToString("N0", CultureInfo.InvariantCulture) + " accounts ("
            + result.RejectedCount.ToString("N0", CultureInfo.InvariantCulture) + " rejected).");
        Console.WriteLine("Elapsed: " + stopwatch.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s");
        Console.WriteLine("Peak working set: " + (process.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MB");
        Console.WriteLine(
            "GC: " + GC.CollectionCount(0).ToString(CultureInfo.InvariantCulture) + " gen0, " + GC.CollectionCount(1).ToString(CultureInfo.InvariantCulture) + " gen1, "
            + GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture) + " gen2 collections, paused "
            + GC.GetTotalPauseDuration().TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s, allocated "
            + (GC.GetTotalAllocatedBytes() / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MB");
        Console.WriteLine("Output: " + new FileInfo(result.ContactsOutput).Length / (1024 * 1024) + " MB contacts.csv in " + result.OutputDirectory);
        return 0;
    }
}

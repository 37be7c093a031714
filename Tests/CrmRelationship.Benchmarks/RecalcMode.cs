using System;
using System.Globalization;
using CrmRelationship.Dataverse.Recalc;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// `-- recalc [contacts] [accounts] [latency ms] [bulk]` (default 20,000, 1,000, 50): the counted run behind the README's
/// table. Runs crmrel recalc once with UpdateMultiple and once with one request per record (not with `bulk`) against the
/// fake Dataverse and prints requests (the touchpoint recount's aggregates among them), wall time and the ratio
/// (target: at least 20× fewer requests).
/// </summary>
public static class RecalcMode
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var contacts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var accounts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50);
        var bulk = RecalcRun.MeasureAsync(contacts, accounts, latency, onePerRecord: false).GetAwaiter().GetResult();
        var bulkOnly = args.Length > 4 && args[4] == "bulk";
        var single = bulkOnly ? null : RecalcRun.MeasureAsync(contacts, accounts, latency, onePerRecord: true).GetAwaiter().GetResult();

        Console.WriteLine("crmrel recalc, " + N(contacts) + " contacts with " + N(bulk.Activities) + " activities and " + N(accounts) + " accounts never scored, "
            + latency.TotalMilliseconds + " ms per request, parallelism 4:");
        Console.WriteLine("| Writes | Records written | Requests | Wall time | Most requests in 5 min (limit 6,000) | Most in flight (limit 52) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in single is null ? new[] { bulk } : new[] { bulk, single })
        {
            Console.WriteLine("| " + m.Strategy + " | " + N(m.RecordsWritten) + " | " + N(m.Requests) + " | " + m.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)
                + " s | " + N(m.MostInFiveMinutes) + " | " + N(m.MostInFlight) + " |");
        }

        Console.WriteLine("Touchpoint recount: " + N(bulk.AggregateQueries) + " aggregate queries (one per " + TouchpointRecount.ChunkSize + " active contacts).");
        if (single is null)
        {
            return 0;
        }

        Console.WriteLine("Requests: " + (single.Requests / (double)bulk.Requests).ToString("F0", CultureInfo.InvariantCulture) + "× fewer; wall time: "
            + (single.Elapsed.TotalSeconds / bulk.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) + "× shorter.");
        return 0;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

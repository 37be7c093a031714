using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.FakeDataverse;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// One crmrel recalc of a never-scored book with its activities (every active record changes, and its touchpoints
/// are recounted) against the fake Dataverse with a fixed
/// latency per request, written with UpdateMultiple or one PATCH per record, at the same parallelism (4). The fake's
/// request limit is lifted so the baseline's cost is measured, not its throttling; how far it would exceed the
/// service protection limit is reported instead.
/// </summary>
internal static class RecalcRun
{
    public static async Task<RecalcMeasurement> MeasureAsync(int contacts, int accounts, TimeSpan latency, bool onePerRecord)
    {
        await using var fake = await FakeDataverse.FakeDataverse.StartAsync();
        fake.Steps.AddRange(FakeStep.FromSolution(SolutionSource.FindRepositoryRoot(AppContext.BaseDirectory)));
        var (accountIds, contactIds) = FakeBook.Seed(fake, contacts, accounts);
        var activities = FakeBook.SeedActivities(fake, contactIds, accountIds);
        fake.RequestLimit = int.MaxValue;
        fake.Latency = latency;
        var output = Path.Combine(Path.GetTempPath(), "crmrel-recalc-bench-" + Guid.NewGuid().ToString("N"));
        var url = DataverseUrl.Parse(fake.Url.ToString());
        var tokens = AccessTokens.Choose(url, name => name == AccessTokens.TokenVariable ? fake.Token : null, false, _ => { });
        var clock = Stopwatch.StartNew();
        using var client = await DataverseClient.ConnectAsync(url, tokens, new DataverseClientOptions(), new RequestLog(null), CancellationToken.None);
        var result = await Recalculation.RunAsync(
            client,
            new RecalcOptions { OutputDirectory = output, WriteMode = onePerRecord ? WriteMode.OnePerRecord : WriteMode.UpdateMultiple },
            CancellationToken.None);
        clock.Stop();
        Directory.Delete(output, recursive: true);
        return new RecalcMeasurement(
            onePerRecord ? "one PATCH per record" : "UpdateMultiple (100 → 1,000)",
            result.Contacts.Written + result.Accounts.Written,
            fake.Journal.Count,
            clock.Elapsed,
            fake.Journal.MaxInWindow(TimeSpan.FromMinutes(5)),
            fake.Journal.MaxInFlight,
            activities,
            fake.AggregateQueries);
    }
}

/// <summary>What one measured recalc sent and took.</summary>
internal sealed record RecalcMeasurement(
    string Strategy, long RecordsWritten, int Requests, TimeSpan Elapsed, int MostInFiveMinutes, int MostInFlight, int Activities, int AggregateQueries);

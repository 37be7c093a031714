using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Export;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>
/// The proof at scale: 20,000 contacts with their activities and 1,000 accounts recalculated while the fake injects every fault (429 and 503
/// with Retry-After, connections dropped before and after a write and mid-body, slow answers, an expired sign-in, a
/// missing privilege), finished by --resume after each stop: every record written exactly once, the stored values
/// equal to what crmrel score computes from the same records, and the requests inside the service protection limits.
/// </summary>
[TestFixture]
public sealed class RecalcAtScaleTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

    [Test]
    public async Task TwentyThousandContacts_EveryFault_StoredValuesEqualTheOfflineScorer_WrittenExactlyOnce_WithinServiceProtectionLimits()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 20000, accounts: 1000, seed: 2026);
        var fake = environment.Fake;
        FakeBook.SeedActivities(fake, fake.Contacts.Ids(), fake.Accounts.Ids());
        var exportFolder = Path.Combine(environment.Output, "export");
        using (var client = await environment.ConnectAsync())
        {
            await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = exportFolder }, default);
        }

        fake.Journal.Clear();
        var faults = new[]
        {
            fake.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Every = 5, Times = 4, RetryAfterSeconds = 1 }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.Unavailable, Every = 7, Times = 3, RetryAfterSeconds = 1 }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Every = 6, Times = 3 }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Every = 4, Times = 2, Match = r => r.IsUpdateMultiple }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.DropMidBody, Every = 2, Times = 2, Match = r => r.IsPage("contacts") }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Every = 9, Times = 1, Match = r => r.IsUpdateMultiple }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Every = 3, Times = 1, Match = r => r.IsPage("contacts") }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.ExpiredToken, Every = 8, Times = 1, Match = r => r.IsUpdateMultiple }),
            fake.Faults.Add(new FaultRule { Kind = FaultKind.MissingPrivilege, Every = 14, Times = 1, Match = r => r.IsUpdateMultiple }),
        };

        // Act: each stop (expired sign-in, missing privilege) is followed by --resume, as an admin would after fixing it.
        var stops = 0;
        RecalcResult? result = null;
        var resume = false;
        while (result is null)
        {
            try
            {
                result = await environment.RecalcAsync(new RecalcOptions { Now = Now, Resume = resume });
            }
            catch (DataverseException ex) when (ex.Kind is FailureKind.Unauthorized or FailureKind.Forbidden && stops < 2)
            {
                stops++;
                resume = true;
            }
        }

        var offline = OfflineComparison.Score(exportFolder, Now, Path.Combine(environment.Output, "scored"), activities: true);

        // Assert
        var differences = OfflineComparison.Differences(fake, offline);
        var log = environment.LogText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(faults.Select(f => f.Kind + " " + f.Applied), Is.EqualTo(faults.Select(f => f.Kind + " " + f.Times)), "every fault was injected");
            Assert.That(stops, Is.EqualTo(2), "the expired sign-in and the missing privilege each stopped a run");
            Assert.That(result.ExitCode, Is.Zero, log);
            Assert.That(offline.RejectedCount, Is.Zero, "crmrel score read every exported row");
            Assert.That(offline.ContactsScored, Is.EqualTo(WriteCounts.Active(fake.Contacts).Count));
            Assert.That(differences, Is.Empty, "stored values that differ from crmrel score's");
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
            Assert.That(fake.ServiceProtectionRefusals, Is.Zero);
            Assert.That(fake.Journal.MaxInFlight, Is.LessThanOrEqualTo(52), "concurrent requests (a slow answer the client gave up on still counts at the server)");
            Assert.That(fake.Journal.MaxInWindow(TimeSpan.FromMinutes(5)), Is.LessThanOrEqualTo(6000));
            var aggregatesPerRun = (WriteCounts.Active(fake.Contacts).Count + TouchpointRecount.ChunkSize - 1) / TouchpointRecount.ChunkSize;
            Assert.That(fake.Journal.Count, Is.LessThan(200 + (3 * aggregatesPerRun)), "requests for 21,000 records, faults, retries and three runs included, each run recounting every contact");
        });
        TestContext.Out.WriteLine("Requests: " + fake.Journal.Count + " (retried " + log.Split('\n').Count(l => l.Contains("retrying in", StringComparison.Ordinal))
            + "); most in flight: " + fake.Journal.MaxInFlight + "; most in 5 minutes: " + fake.Journal.MaxInWindow(TimeSpan.FromMinutes(5)));
    }
}

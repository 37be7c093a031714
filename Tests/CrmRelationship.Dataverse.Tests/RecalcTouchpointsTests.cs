using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Export;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using CrmRelationship.Scoring;
using NUnit.Framework;
using FakeParty = CrmRelationship.FakeDataverse.FakeDataverse.FakeParty;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>
/// crmrel recalc recounts every active contact's touchpoints from its activities (relationship-model.md §9, "How crmrel
/// recalc takes the count"), with one grouped aggregate per 250 contacts, and writes them only when they differ.
/// </summary>
[TestFixture]
public sealed class RecalcTouchpointsTests
{
    private const string Settings = "{\"touchpoints\": {\"activities\": {\"" + FakeBook.CustomActivityTable + "\": 2}, \"noticedAfter\": 3}}";
    private static readonly DateTime Now = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

    [Test]
    public async Task Recount_EqualsScoreWithActivitiesOnTheExport_RerunWritesNothing()
    {
        // Arrange: a book with activities of every kind, the custom table weighted by the steps' settings.
        await using var environment = await FakeEnvironment.StartAsync(contacts: 1200, accounts: 60, seed: 41);
        var fake = environment.Fake;
        ConfigureSteps(fake);
        var contacts = fake.Contacts.Ids();
        FakeBook.SeedActivities(fake, contacts, fake.Accounts.Ids());
        var exportFolder = Path.Combine(environment.Output, "export");
        using (var client = await environment.ConnectAsync())
        {
            await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = exportFolder }, default);
        }

        fake.Journal.Clear();

        // Act
        var first = await environment.RecalcAsync(new RecalcOptions { Now = Now });
        var aggregates = fake.Journal.Entries.Count(e => e.Query.Contains("fetchXml", StringComparison.Ordinal));
        var second = await environment.RecalcAsync(new RecalcOptions { Now = Now });
        var settingsFile = Path.Combine(environment.Output, "settings.json");
        await File.WriteAllTextAsync(settingsFile, Settings);
        var offline = OfflineComparison.Score(exportFolder, Now, Path.Combine(environment.Output, "scored"), activities: true, settingsPath: settingsFile);

        // Assert
        var active = WriteCounts.Active(fake.Contacts);
        var engagements = active.Select(c => fake.Contacts.Value(c, Names.Touchpoints.Engagement)).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(offline.RejectedCount, Is.Zero);
            Assert.That(OfflineComparison.Differences(fake, offline), Is.Empty, "stored values (touchpoints, explanations, accounts) that differ from crmrel score --activities");
            Assert.That(engagements, Is.EquivalentTo(new object?[] { null, (int)Engagement.NotYetNoticed, (int)Engagement.Noticed }), "the book has every engagement");
            Assert.That(aggregates, Is.EqualTo((active.Count + TouchpointRecount.ChunkSize - 1) / TouchpointRecount.ChunkSize), "one aggregate per 250 active contacts");
            Assert.That(second.Contacts.Changed + second.Accounts.Changed, Is.Zero, "a rerun finds nothing to write");
            Assert.That(first.Warnings.Single(), Does.Contain("ContactRollupPlugin"), "writing the touchpoint columns runs the steps registered on them");
        });
    }

    [Test]
    public async Task Rules_ToAndCcOnce_RegardingOwnerBccOpenCanceledAndUnweightedNever_CustomTableWeighted_ModifiedOnWithoutActualEnd()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        ConfigureSteps(fake);
        var account = Records.Account(fake, "Engaged");
        var emailed = Records.Contact(fake, account, "Emailed");
        var visited = Records.Contact(fake, account, "Visited");
        var onlyWatching = Records.Contact(fake, account, "Only watching", (Names.Touchpoints.Count, 4m), (Names.Touchpoints.LastTouchpoint, "2026-01-01"),
            (Names.Touchpoints.Engagement, (int)Engagement.Noticed));
        var other = Records.Contact(fake, null, "Other");
        var day = new DateTime(2026, 10, 2, 23, 30, 0, DateTimeKind.Utc);
        fake.AddActivity("email", 1, day, day, FakeParty.Contact(emailed, 2), FakeParty.Contact(emailed, 3), FakeParty.Contact(other, 1));
        fake.AddActivity("email", 1, null, day.AddDays(20), FakeParty.Contact(emailed, 1));
        fake.AddActivity("phonecall", 1, day.AddDays(-30), day.AddDays(40), FakeParty.Contact(emailed, 2));
        fake.AddActivity(FakeBook.CustomActivityTable, 1, day.AddDays(-400), day, FakeParty.Contact(visited, 5), FakeParty.Contact(visited, 7));
        fake.AddActivity("task", 1, day, day, FakeParty.Contact(visited, 2));
        fake.AddActivity("phonecall", 0, null, day, FakeParty.Contact(visited, 1));
        fake.AddActivity("appointment", 2, day, day, FakeParty.Contact(visited, 5));
        fake.AddActivity("email", 1, day, day, FakeParty.Contact(onlyWatching, 4), FakeParty.Contact(onlyWatching, 8), FakeParty.Contact(onlyWatching, 9));

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(fake.Contacts.Value(emailed, Names.Touchpoints.Count), Is.EqualTo(2m), "To and CC once (0.5), the email without actual end (0.5), the call (1)");
            Assert.That(fake.Contacts.Value(emailed, Names.Touchpoints.LastTouchpoint), Is.EqualTo("2026-10-22"), "modifiedon of the email without actual end is the latest");
            Assert.That(fake.Contacts.Value(emailed, Names.Touchpoints.Engagement), Is.EqualTo((int)Engagement.NotYetNoticed));
            Assert.That(fake.Contacts.Value(visited, Names.Touchpoints.Count), Is.EqualTo(2m), "the site visit once at weight 2; the task, the open call and the canceled meeting never");
            Assert.That(fake.Contacts.Value(visited, Names.Touchpoints.LastTouchpoint), Is.EqualTo("2025-08-28"));
            Assert.That(fake.Contacts.Value(other, Names.Touchpoints.Count), Is.EqualTo(0.5m), "the sender of the first email");
            Assert.That(fake.Contacts.Value(onlyWatching, Names.Touchpoints.Count), Is.Null, "BCC, Regarding and Owner never count: the stored 4 is emptied");
            Assert.That(fake.Contacts.Value(onlyWatching, Names.Touchpoints.Engagement), Is.Null);
            Assert.That((string?)fake.Contacts.Value(emailed, Names.Computed.ScoreExplanation), Does.Contain("Touchpoints: 2 of the 3 it takes to be noticed; last on 2026-10-22."));
            Assert.That(fake.Accounts.Value(account, Names.Touchpoints.AccountLastTouchpoint), Is.EqualTo("2026-10-22"));
            Assert.That(fake.Accounts.Value(account, Names.Touchpoints.NoticedContacts), Is.Zero);
        });
    }

    [Test]
    public async Task ChunkOverTheAggregateLimit_SplitUntilItFits_SameCounts_AContactOverItAloneKeepsItsStoredColumns()
    {
        // Arrange: the limit lowered to 6 joined rows; a contact with 7 party rows cannot be counted even alone.
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var day = new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        var contacts = Enumerable.Range(0, 4).Select(i => Records.Contact(fake, null, "Caller " + i)).ToList();
        foreach (var contact in contacts)
        {
            fake.AddActivity("phonecall", 1, day, day, FakeParty.Contact(contact, 2));
            fake.AddActivity("phonecall", 1, day, day, FakeParty.Contact(contact, 1));
        }

        var busy = Records.Contact(fake, null, "Busy", (Names.Touchpoints.Count, 99m), (Names.Touchpoints.LastTouchpoint, "2026-01-01"),
            (Names.Touchpoints.Engagement, (int)Engagement.Noticed));
        for (var i = 0; i < 7; i++)
        {
            fake.AddActivity("phonecall", 1, day, day, FakeParty.Contact(busy, 2));
        }

        fake.AggregateLimit = 6;

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(contacts.Select(c => fake.Contacts.Value(c, Names.Touchpoints.Count)), Is.All.EqualTo(2m));
            Assert.That(fake.Contacts.Value(busy, Names.Touchpoints.Count), Is.EqualTo(99m), "over the limit alone: kept as stored");
            Assert.That(result.Warnings, Has.One.Contains(busy.ToString("D")).And.Contains("left as stored"));
            Assert.That(fake.AggregateQueries, Is.GreaterThan(1), "the chunk was split");
        });
    }

    [Test]
    public async Task FaultWhileWritingRecounts_Resume_EachContactWrittenOnce()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3000, accounts: 100, seed: 5);
        var fake = environment.Fake;
        FakeBook.SeedActivities(fake, fake.Contacts.Ids(), Array.Empty<Guid>());
        fake.Faults.Add(new FaultRule { Kind = FaultKind.ExpiredToken, Every = 3, Times = 1, Match = r => r.IsUpdateMultiple });
        fake.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Every = 2, Times = 1, Match = r => r.IsUpdateMultiple });

        // Act
        await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync(new RecalcOptions { Now = Now }));
        var resumed = await environment.RecalcAsync(new RecalcOptions { Now = Now, Resume = true });
        var rerun = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(resumed.Contacts.WrittenBefore, Is.GreaterThan(0));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
            Assert.That(rerun.Contacts.Changed + rerun.Accounts.Changed, Is.Zero);
        });
    }

    private static void ConfigureSteps(FakeDataverse.FakeDataverse fake)
    {
        foreach (var step in fake.Steps)
        {
            step.Configuration = Settings;
        }
    }
}

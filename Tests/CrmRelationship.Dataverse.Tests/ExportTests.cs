using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Export;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using FakeParty = CrmRelationship.FakeDataverse.FakeDataverse.FakeParty;
using CrmRelationship.Offline;
using CrmRelationship.Scoring;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;
using CrmRelationship.Tests.Shared;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>crmrel export writes exactly what crmrel score reads.</summary>
[TestFixture]
public sealed class ExportTests
{
    [Test]
    public async Task Export_LogicalNameHeadersLabelsAndIsoDates_ScoreReadsEveryRow()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 2000, accounts: 100);
        var fake = environment.Fake;
        var account = Records.Account(fake, "Castellan", (Names.AccountInputs.CustomerViewLevel, Records.Option<RelationshipLevel>("Partner")),
            (Names.AccountInputs.CustomerViewDate, "2025-12-01"));
        var contact = Records.Contact(fake, account, "Amelia Hart",
            (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("No")),
            (Names.ContactInputs.ObservedBehaviours, Records.Options<RelationshipBehaviour>("Buys from us", "Relies on our support")),
            (Names.ContactInputs.RiskBehaviours, Records.Options<RiskBehaviour>("Criticism", "Stonewalling")),
            (Names.ContactInputs.CustomerViewDate, "2026-04-12"),
            (Names.Standard.CreatedOn, "2024-05-01T15:28:00Z"));
        var childOfContact = Records.Contact(fake, null, "Child of a contact", (Names.Standard.ParentCustomerId, new FakeLookup(contact, Names.Contact)));

        // Act
        ExportResult result;
        using (var client = await environment.ConnectAsync())
        {
            result = await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = environment.Output }, default);
        }

        var offline = OfflineScoring.Run(new ScoreOptions
        {
            ContactsPath = result.ContactsFile,
            AccountsPath = result.AccountsFile,
            AsOf = new DateOnly(2026, 11, 24),
            OutputDirectory = Path.Combine(environment.Output, "scored"),
        });

        // Assert
        var contacts = TestCsv.ReadTable(result.ContactsFile, out var contactHeader);
        var accounts = TestCsv.ReadTable(result.AccountsFile, out var accountHeader);
        var amelia = contacts.Single(r => r[Names.Standard.ContactId] == contact.ToString("D"));
        Assert.Multiple(() =>
        {
            Assert.That(contactHeader, Is.EqualTo(InputFiles.ContactColumns));
            Assert.That(accountHeader, Is.EqualTo(InputFiles.AccountColumns));
            Assert.That(result.Contacts, Is.EqualTo(WriteCounts.Active(fake.Contacts).Count));
            Assert.That(result.Accounts, Is.EqualTo(WriteCounts.Active(fake.Accounts).Count));
            Assert.That(amelia[Names.Standard.FullName], Is.EqualTo("Amelia Hart"));
            Assert.That(amelia[Names.Standard.ParentCustomerId], Is.EqualTo(account.ToString("D")));
            Assert.That(amelia[Names.ContactInputs.Relationship], Is.EqualTo("No"));
            Assert.That(amelia[Names.ContactInputs.ObservedBehaviours], Is.EqualTo("Buys from us; Relies on our support"));
            Assert.That(amelia[Names.ContactInputs.RiskBehaviours], Is.EqualTo("Criticism; Stonewalling"));
            Assert.That(amelia[Names.ContactInputs.CustomerViewDate], Is.EqualTo("2026-04-12"), "yyyy-MM-dd, not the formatted 4/12/2026");
            Assert.That(amelia[Names.Standard.CreatedOn], Is.EqualTo("2024-05-01T15:28:00Z"));
            Assert.That(amelia[Names.ContactInputs.Perception], Is.Empty);
            Assert.That(contacts.Single(r => r[Names.Standard.ContactId] == childOfContact.ToString("D"))[Names.Standard.ParentCustomerId], Is.Empty,
                "a contact whose parent is a contact belongs to no account");
            Assert.That(accounts.Single(r => r[Names.Standard.AccountId] == account.ToString("D"))[Names.AccountInputs.CustomerViewLevel], Is.EqualTo("Partner"));
            Assert.That(result.Relabelled, Is.Zero);
            Assert.That(offline.RejectedCount, Is.Zero, "crmrel score read every row");
            Assert.That(offline.ContactsScored, Is.EqualTo(result.Contacts));
            Assert.That(offline.Accounts, Has.Count.EqualTo(result.Accounts));
            Assert.That(Directory.GetFiles(environment.Output, "*.partial"), Is.Empty);
        });
    }

    [Test]
    public async Task Export_ActivitiesOfTheCountedTablesWithTheirContactParties_PagedAndReadByScore()
    {
        // Arrange: the steps weight a custom table; a task is no counted table; one call has only an account party.
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3, accounts: 1);
        var fake = environment.Fake;
        var settings = Path.Combine(environment.Output, "settings.json");
        File.WriteAllText(settings, "{\"touchpoints\": {\"activities\": {\"new_sitevisit\": 2}}}");
        foreach (var step in fake.Steps)
        {
            step.Configuration = File.ReadAllText(settings);
        }

        var ids = fake.Contacts.Ids();
        var account = fake.Accounts.Ids()[0];
        var end = new DateTime(2026, 10, 2, 23, 30, 0, DateTimeKind.Utc);
        var call = fake.AddActivity("phonecall", 1, end, end, FakeParty.Contact(ids[0], 1), new FakeParty(account, Names.Account, 2));
        var email = fake.AddActivity("email", 0, null, end, FakeParty.Contact(ids[0], 2), FakeParty.Contact(ids[0], 3), FakeParty.Contact(ids[1], 8));
        var visit = fake.AddActivity("new_sitevisit", 1, end, end, FakeParty.Contact(ids[2], 5));
        fake.AddActivity("task", 1, end, end, FakeParty.Contact(ids[0], 9));
        fake.AddActivity("phonecall", 1, end, end, new FakeParty(account, Names.Account, 2));

        // Act
        ExportResult result;
        using (var client = await environment.ConnectAsync())
        {
            result = await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = environment.Output, PageSize = 2 }, default);
        }

        var offline = OfflineScoring.Run(new ScoreOptions
        {
            ContactsPath = result.ContactsFile,
            AccountsPath = result.AccountsFile,
            ActivitiesPath = result.ActivitiesFile,
            SettingsPath = settings,
            AsOf = new DateOnly(2026, 11, 24),
            OutputDirectory = Path.Combine(environment.Output, "scored"),
        });

        // Assert
        var rows = TestCsv.ReadTable(result.ActivitiesFile, out var header).ToDictionary(r => r["activityid"]);
        var activityPages = fake.Journal.Entries.Count(e => e.Path.EndsWith("/activitypointers", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(CrmRelationship.Offline.Columns.ActivityColumns.All));
            Assert.That(rows.Keys, Is.EquivalentTo(new[] { call, email, visit }.Select(i => i.ToString("D"))), "counted tables only, and only activities with a contact");
            Assert.That(rows[call.ToString("D")]["partyids"], Is.EqualTo(ids[0].ToString("D") + ":1"), "the account party is no contact");
            Assert.That(rows[call.ToString("D")]["statecode"], Is.EqualTo("Completed"));
            Assert.That(rows[call.ToString("D")]["actualend"], Is.EqualTo("2026-10-02T23:30:00Z"));
            Assert.That(rows[email.ToString("D")]["statecode"], Is.EqualTo("Open"));
            Assert.That(rows[email.ToString("D")]["actualend"], Is.Empty);
            Assert.That(rows[email.ToString("D")]["partyids"], Is.EqualTo(string.Join(";", ids[0].ToString("D") + ":2", ids[0].ToString("D") + ":3", ids[1].ToString("D") + ":8")));
            Assert.That(result.ActivityTables, Is.EqualTo(new[] { "appointment", "email", "new_sitevisit", "phonecall" }));
            Assert.That(activityPages, Is.EqualTo(2), "four activities of the counted tables at two a page, by @odata.nextLink");
            Assert.That(offline.RejectedCount, Is.Zero, "crmrel score read every row");
            Assert.That(offline.Engagement, Is.EqualTo(new EngagementCounts(CallsOrMeetings: 1, Emails: 0, OtherActivities: 1, ContactsWithTouchpoints: 2, ContactsNoticed: 0)));
        });
    }

    [Test]
    public async Task LabelTranslatedInTheEnvironment_WrittenWithTheSolutionsLabel_Counted()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.Contacts.RelabelOption(Names.ContactInputs.Perception, Records.Option<Perception>("Advocate"), "Fürsprecher");
        var contact = Records.Contact(fake, null, "Jürgen", (Names.ContactInputs.Perception, Records.Option<Perception>("Advocate")),
            (Names.ContactInputs.Relationship, 415700099));

        // Act
        ExportResult result;
        using (var client = await environment.ConnectAsync())
        {
            result = await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = environment.Output }, default);
        }

        // Assert
        var row = TestCsv.ReadTable(result.ContactsFile).Single(r => r[Names.Standard.ContactId] == contact.ToString("D"));
        Assert.Multiple(() =>
        {
            Assert.That(row[Names.ContactInputs.Perception], Is.EqualTo("Advocate"));
            Assert.That(result.Relabelled, Is.EqualTo(1));
            Assert.That(row[Names.ContactInputs.Relationship], Is.Empty, "an option the solution does not have is not assessed, as the plug-ins read it");
            Assert.That(result.UnknownOptions, Is.EqualTo(new[] { Names.ContactInputs.Relationship + " 415700099" }));
        });
    }

    [Test]
    public async Task FailureWhileExporting_LeavesNoHalfWrittenFile()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 100, accounts: 10);
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.MissingPrivilege, Match = r => r.IsPage("accounts") });

        // Act
        using var client = await environment.ConnectAsync();
        var error = await Assert.ThrowsAsync<DataverseException>(() => DataExport.RunAsync(client, new ExportOptions { OutputDirectory = environment.Output }, default));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Forbidden));
            Assert.That(File.Exists(Path.Combine(environment.Output, "accounts.csv")), Is.False);
            Assert.That(Directory.GetFiles(environment.Output, "*.partial"), Is.Empty);
        });
    }
}

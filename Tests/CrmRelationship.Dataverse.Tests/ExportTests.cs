using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Export;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Deploy.Commands;
using CrmRelationship.Deploy.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>`crmrel score` with no --contacts scores the bundled sample book; its output must agree with the Scoring library.</summary>
[TestFixture]
public sealed class SampleBookTests
{
    private static readonly DateTime Now = new(2026, 11, 24);
    private TestBook book = null!;
    private CliRun run = null!;

    [OneTimeSetUp]
    public void ScoreTheSampleBook()
    {
        book = new TestBook();
        run = TestBook.Run("score", "--as-of", "2026-11-24", "--out", book.Out);
    }

    [OneTimeTearDown]
    public void Cleanup() => book.Dispose();

    [Test]
    public void SampleBook_ExitsZeroWithNothingRejected()
    {
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Is.Empty);
        Assert.That(run.Output, Does.Contain("Rejected rows: 0."));
        Assert.That(book.RejectedTable(), Is.Empty);
    }

    [Test]
    public void SampleBook_ScoredWithItsActivities_EveryContactHasTheTouchpointColumnsAndEveryEngagementShows()
    {
        var rows = book.ContactsTable();
        var sampleContacts = TestCsv.ReadTable(SampleBook.ContactsPath).Select(r => r["contactid"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parties = TestCsv.ReadTable(SampleBook.ActivitiesPath)
            .SelectMany(a => a["partyids"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')[0])).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r[ContactFields.Engagement]).Distinct(), Is.EquivalentTo(new[] { string.Empty, "Not yet noticed", "Noticed" }));
            Assert.That(rows.Where(r => r[ContactFields.Engagement].Length > 0).Select(r => r[ContactFields.Touchpoints]), Has.None.Empty);
            Assert.That(parties.Where(p => !sampleContacts.Contains(p)), Is.Empty, "every party of the sample activities is a sample contact");
            Assert.That(run.Output, Does.Contain("Noticed"));
        });
    }

    [Test]
    public void ActivitiesWithoutContacts_RefusedWithWhatToDo()
    {
        using var other = new TestBook();

        var refused = TestBook.Run("score", "--activities", SampleBook.ActivitiesPath, "--out", other.Out);

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("--activities needs --contacts"));
    }

    [TestCase("contacts.csv")]
    [TestCase("accounts.csv")]
    public void SampleBook_EveryInputColumnIsUnchanged(string file)
    {
        var input = TestCsv.ReadRecords(Path.Combine(SampleBook.Directory, file));
        var output = TestCsv.ReadRecords(Path.Combine(book.Out, file));

        Assert.That(output, Has.Count.EqualTo(input.Count));
        for (var r = 0; r < input.Count; r++)
        {
            Assert.That(output[r].Take(input[r].Length), Is.EqualTo(input[r]), "record " + r);
        }
    }

    [Test]
    public void SampleBook_ContactColumnsAgreeWithTheScoringLibrary()
    {
        var rows = book.ContactsTable();

        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(75));
        foreach (var row in rows)
        {
            var expected = LibraryOracle.Expected(RelationshipScorer.Default.ScoreContact(LibraryOracle.InputsOf(row), null, Now));
            foreach (var pair in expected)
            {
                Assert.That(row[pair.Key], Is.EqualTo(pair.Value), row["fullname"] + ": " + pair.Key);
            }
        }
    }

    [Test]
    public void SampleBook_AccountColumnsAgreeWithTheScoringLibrary()
    {
        var contacts = book.ContactsTable();
        var accounts = book.AccountsTable();

        Assert.That(accounts, Has.Count.EqualTo(10));
        foreach (var account in accounts)
        {
            var active = new List<AccountContact>();
            foreach (var row in contacts)
            {
                if (row["parentcustomerid"] == account["accountid"] && LibraryOracle.IsActive(row))
                {
                    var inputs = LibraryOracle.InputsOf(row);
                    var score = RelationshipScorer.Default.ScoreContact(inputs, null, Now);
                    active.Add(AccountContact.From(row["contactid"], row["fullname"], LibraryOracle.CreatedOn(row), inputs, score));
                }
            }

            var expected = LibraryOracle.Expected(RelationshipScorer.Default.ScoreAccount(LibraryOracle.AccountInputsOf(account), active, Now));
            foreach (var pair in expected)
            {
                Assert.That(account[pair.Key], Is.EqualTo(pair.Value), account["name"] + ": " + pair.Key);
            }
        }
    }

    [Test]
    public void SampleBook_CoversAllSixteenMatrixRows()
    {
        var rows = book.ContactsTable().Select(r => LibraryOracle.MatrixRow(LibraryOracle.InputsOf(r))).Where(r => r is not null).Distinct();

        Assert.That(rows.Count(), Is.EqualTo(RelationshipMatrix.RowCount));
    }

    [Test]
    public void SampleBook_CoversTheCasesItPromises()
    {
        var contacts = book.ContactsTable();
        var accounts = book.AccountsTable();
        var gaps = contacts.Select(c => c["rel_expectationgap"]).Where(g => g.Length > 0).Select(int.Parse).ToList();
        var captured = contacts.Where(c => c["rel_customerviewdate"].Length > 0).Select(c => c["rel_nextfeedbackdue"]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(gaps, Has.Some.GreaterThan(0).And.Some.EqualTo(0).And.Some.LessThan(0), "every gap sign");
            Assert.That(contacts.Any(c => c["rel_scoreexplanation"].Contains("is not: the level stays", StringComparison.Ordinal)), Is.True, "a skipped rung");
            Assert.That(captured, Has.Some.Matches<string>(d => string.CompareOrdinal(d, "2026-11-24") <= 0), "feedback overdue");
            Assert.That(captured, Has.Some.Matches<string>(d => string.CompareOrdinal(d, "2026-11-24") > 0), "feedback not yet due");
            Assert.That(accounts.Any(a => a["rel_assessedcontacts"] == "0"), Is.True, "an account with no assessed contacts");
            Assert.That(contacts.Any(c => c["statecode"] == "Inactive"), Is.True, "an inactive contact");
            Assert.That(contacts.Any(c => c["parentcustomerid"].Length == 0), Is.True, "a contact without a parent account");
            Assert.That(contacts.Any(c => c["rel_direction"] == "Coming apart"), Is.True, "a relationship coming apart");
        });
    }

    [Test]
    public void SampleBook_SummaryListsActionsAccountsAndFiles()
    {
        Assert.That(run.Output, Does.Contain("High risk, improve perception"));
        Assert.That(run.Output, Does.Contain("Quillon Insurance Group"));
        Assert.That(run.Output, Does.Contain(book.ReportOut));
        Assert.That(File.Exists(book.ReportOut), Is.True);
    }
}

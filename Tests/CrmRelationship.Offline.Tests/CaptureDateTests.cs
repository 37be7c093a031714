using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>A book to score offline: the as-of day, and the capture day and cadence of each contact and account.</summary>
public sealed record CaptureBook(DateOnly AsOf, (DateOnly Day, FeedbackCadence? Cadence)[] Contacts, (DateOnly Day, FeedbackCadence? Cadence)[] Accounts)
{
    public override string ToString() =>
        "as of " + AnyDay.Iso(AsOf) + "; contacts " + string.Join(" ", Contacts.Select(c => AnyDay.Iso(c.Day) + "/" + c.Cadence))
        + "; accounts " + string.Join(" ", Accounts.Select(a => AnyDay.Iso(a.Day) + "/" + a.Cadence));
}

/// <summary>FsCheck generators for <see cref="CaptureBook"/>: any as-of day, capture days near it, at the edges or anywhere.</summary>
public static class CaptureBooks
{
    public static Arbitrary<CaptureBook> Books() =>
        (from asOf in AnyDay.Near(DateOnly.FromDateTime(DateTime.UtcNow))
         from contactCount in Gen.Choose(1, 40)
         from contacts in Gen.ArrayOf(Row(asOf), contactCount)
         from accountCount in Gen.Choose(1, 8)
         from accounts in Gen.ArrayOf(Row(asOf), accountCount)
         select new CaptureBook(asOf, contacts, accounts)).ToArbitrary();

    private static Gen<(DateOnly, FeedbackCadence?)> Row(DateOnly asOf) =>
        from day in AnyDay.Near(asOf)
        from cadence in AnyDay.Cadences
        select (day, cadence);
}

/// <summary>
/// relationship-model.md §4, capture dates, offline: a contact or account row whose view was captured later than
/// the day after the as-of day is rejected into rejected.csv naming the input, and the run goes on; every other
/// row is scored with next feedback due its capture date plus the cadence, or empty past 9999-12-31.
/// </summary>
[TestFixture]
public sealed class CaptureDateTests
{
    private const string Input = "Customer view captured on ";

    [Test]
    public void ContactAndAccountCapturedIn9999_RowsRejectedNamingTheInputAndTheRunGoesOn()
    {
        // Arrange
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us", view: "Partner", viewDate: "2026-11-01"),
            TestBook.Contact("c2", "Bo Park", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us", view: "Service", viewDate: "9999-12-31", cadence: "Yearly"),
            TestBook.Contact("c3", "Cai Moss", "a2", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us", view: "Service", viewDate: "2026-11-25"));
        var accounts = book.Accounts("a1,Contoso,Partner,9999-06-01,Yearly", "a2,Fabrikam,Partner,2026-11-20,");

        // Act
        var result = book.Score(contacts, accounts);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Rejected.Select(r => (r.File, r.Line, r.Id)), Is.EqualTo(new[] { ("accounts-in.csv", 2L, "a1"), ("contacts-in.csv", 3L, "c2") }));
            Assert.That(result.Rejected[0].Reason, Is.EqualTo(
                "rel_customerviewdate: " + Input + "9999-06-01 is in the future (2026-11-25 is the latest date allowed today): enter the day the customer gave their view"));
            Assert.That(result.Rejected[1].Reason, Does.Contain(Input + "9999-12-31 is in the future (2026-11-25 is the latest date allowed today)"));
            Assert.That(TestCsv.ReadTable(book.ContactsOut).Select(r => r["contactid"] + " " + r[ContactFields.NextFeedbackDue]), Is.EqualTo(new[] { "c1 2027-02-01", "c3 2027-02-25" }));
            Assert.That(TestCsv.ReadTable(book.AccountsOut).Select(r => r["accountid"] + " " + r[AccountFields.NextFeedbackDue]), Is.EqualTo(new[] { "a2 2027-02-20" }));
            Assert.That(result.ContactsWithUnknownAccount, Is.EqualTo(1), "c1's account was rejected");
        });
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(CaptureBooks) }, MaxTest = 60)]
    public Property AnyCaptureDates_EveryRowScoredOrRejectedNamingTheInput(CaptureBook capture)
    {
        // Arrange: every contact is assessed and has a level; each account also has a contact without a capture date, so it has both too.
        using var book = new TestBook();
        var contactRows = capture.Contacts.Select((c, i) => TestBook.Contact(
            "c" + i, "Contact " + i, "a" + (i % capture.Accounts.Length), relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us", view: "Service", viewDate: AnyDay.Iso(c.Day), cadence: Label(c.Cadence)));
        var plainRows = capture.Accounts.Select((_, j) => TestBook.Contact("k" + j, "Plain " + j, "a" + j, relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us"));
        var contacts = book.Contacts(contactRows.Concat(plainRows).ToArray());
        var accounts = book.Accounts(capture.Accounts.Select((a, j) => TestBook.Line("a" + j, "Account " + j, "Partner", AnyDay.Iso(a.Day), Label(a.Cadence))).ToArray());

        // Act
        ScoreResult result;
        try
        {
            result = OfflineScoring.Run(new ScoreOptions { ContactsPath = contacts, AccountsPath = accounts, AsOf = capture.AsOf, OutputDirectory = book.Out });
        }
        catch (Exception ex) when (ex is ArgumentException or ScoreInputException)
        {
            return false.Label("the run stopped: " + ex);
        }

        // Assert
        var rejected = result.Rejected.ToDictionary(r => r.Id, r => r.Reason);
        var scoredContacts = TestCsv.ReadTable(book.ContactsOut).ToDictionary(r => r["contactid"], r => r[ContactFields.NextFeedbackDue]);
        var scoredAccounts = TestCsv.ReadTable(book.AccountsOut).ToDictionary(r => r["accountid"], r => r[AccountFields.NextFeedbackDue]);
        var property = (result.RejectedCount == rejected.Count).Label("every rejected row kept");
        for (var i = 0; i < capture.Contacts.Length; i++)
        {
            property = property.And(Row(capture.AsOf, capture.Contacts[i], "c" + i, rejected, scoredContacts));
        }

        for (var j = 0; j < capture.Accounts.Length; j++)
        {
            property = property.And(Row(capture.AsOf, capture.Accounts[j], "a" + j, rejected, scoredAccounts));
        }

        return property;
    }

    private static Property Row(DateOnly asOf, (DateOnly Day, FeedbackCadence? Cadence) row, string id, Dictionary<string, string> rejected, Dictionary<string, string> scored)
    {
        var day = AnyDay.Iso(row.Day);
        if (AnyDay.IsAfterTomorrow(row.Day, asOf))
        {
            return (rejected.TryGetValue(id, out var reason) && reason.Contains(Input + day + " is in the future", StringComparison.Ordinal) && !scored.ContainsKey(id))
                .Label(id + " captured on " + day + " is rejected naming the input, not scored: " + (reason ?? "not rejected"));
        }

        var expected = AnyDay.PlusMonths(row.Day, AnyDay.Months(row.Cadence)) is { } due ? AnyDay.Iso(due) : string.Empty;
        var written = scored.TryGetValue(id, out var value) ? value : null;
        return (!rejected.ContainsKey(id) && written == expected)
            .Label(id + " captured on " + day + " is scored with next feedback due " + expected + ": " + (written ?? "not written") + (rejected.TryGetValue(id, out var why) ? ", rejected: " + why : string.Empty));
    }

    private static string Label(FeedbackCadence? cadence) => cadence is { } c ? Labels.Of(c) : string.Empty;
}

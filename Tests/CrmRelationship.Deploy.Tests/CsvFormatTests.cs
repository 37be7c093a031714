using System.Linq;
using CrmRelationship.Deploy.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>The CSV a Dynamics export gives: RFC 4180 quoting, BOM or not, CRLF or LF, multi-select with spaces.</summary>
[TestFixture]
public sealed class CsvFormatTests
{
    [TestCase("Buys from us;Relies on our support;Collaborates with us closely")]
    [TestCase("Buys from us ; Relies on our support ;Collaborates with us closely")]
    [TestCase("  Collaborates with us closely;  Buys from us ;Relies on our support;  ")]
    [TestCase("Buys from us;;Relies on our support; ;Collaborates with us closely")]
    public void MultiSelectWithSpaces_ParsedAsTheSameSet(string observed)
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", observed: observed, risks: " Criticism ; Contempt "));

        var run = book.Score(contacts);

        var row = book.ContactsTable()[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(row["rel_relationshiplevel"], Is.EqualTo("Partner"));
            Assert.That(row["rel_direction"], Is.EqualTo("Coming apart"));
            Assert.That(row["rel_observedbehaviours"], Is.EqualTo(observed), "the input text is carried through unchanged");
        });
    }

    [Test]
    public void QuotedValuesWithCommasQuotesAndLineBreaks_RoundTripUnchanged()
    {
        using var book = new TestBook();
        const string name = "Lee, Ann \"Annie\"\r\nsecond line";
        const string note = "likes: golf, sailing\nand \"long\" lunches";
        var contacts = book.WriteLines("c.csv", new[]
        {
            TestBook.ContactHeader + ",notes",
            TestBook.Line("c1", name, "a1", "", "", "Yes", "High", "Advocate", "Active", "Buys from us", "", "", "", "", note),
        });

        var run = book.Score(contacts);

        var row = book.ContactsTable()[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(row["fullname"], Is.EqualTo(name));
            Assert.That(row["notes"], Is.EqualTo(note));
            Assert.That(row["rel_recommendedaction"], Is.EqualTo("High potential, leverage"));
            Assert.That(TestCsv.ReadRecords(book.ContactsOut)[0][14], Is.EqualTo("notes"), "extra columns keep their place");
        });
    }

    [TestCase(true, "\r\n")]
    [TestCase(false, "\r\n")]
    [TestCase(true, "\n")]
    [TestCase(false, "\n")]
    public void ByteOrderMarkAndLineEnds_GiveTheSameResult(bool bom, string newline)
    {
        using var book = new TestBook();
        var contacts = book.WriteLines(
            "c.csv",
            new[] { TestBook.ContactHeader, TestBook.Contact("c1", "Zoë Ångström", "a1", relationship: "Yes", power: "Low", perception: "Advocate", activity: "Passive", viewDate: "2026-01-31") },
            newline,
            bom);

        var run = book.Score(contacts);

        var row = book.ContactsTable()[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(row["contactid"], Is.EqualTo("c1"));
            Assert.That(row["fullname"], Is.EqualTo("Zoë Ångström"));
            Assert.That(row["rel_recommendedaction"], Is.EqualTo("Low potential, make a hero"));
        });
    }

    [Test]
    public void InputAlreadyHasAComputedColumn_RecomputedInPlaceNotRepeated()
    {
        using var book = new TestBook();
        var contacts = book.WriteLines("c.csv", new[]
        {
            "rel_healthscore," + TestBook.ContactHeader,
            "99," + TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", perception: "Advocate", observed: "Buys from us"),
        });

        var run = book.Score(contacts);

        var header = TestCsv.ReadRecords(book.ContactsOut)[0];
        Assert.Multiple(() =>
        {
            Assert.That(header.Count(h => h == "rel_healthscore"), Is.EqualTo(1));
            Assert.That(header[0], Is.EqualTo("rel_healthscore"));
            var row = book.ContactsTable()[0];
            var expected = LibraryOracle.Expected(RelationshipScorer.Default.ScoreContact(LibraryOracle.InputsOf(row), null, new System.DateTime(2026, 11, 24)));
            Assert.That(row["rel_healthscore"], Is.EqualTo(expected["rel_healthscore"]).And.Not.EqualTo("99").And.Not.Empty);
            Assert.That(run.Output, Does.Contain("Recomputed in place"));
        });
    }

    [Test]
    public void InputWithTheUrgencySortKey_RecomputedInPlace_WithoutItNeverAdded()
    {
        // rel_actionurgency is the views' sort key and is on no form: the output does not add it,
        // but a re-export of a scored book that carries it gets the rank of the new action (§2 order), not a stale one.
        using var book = new TestBook();
        var highRisk = TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", power: "High", perception: "Detractor", activity: "Active");
        var withKey = book.WriteLines("with.csv", new[] { TestBook.ContactHeader + ",rel_actionurgency", highRisk + ",11" });
        var without = book.WriteLines("without.csv", new[] { TestBook.ContactHeader, highRisk });

        book.Score(withKey);
        var recomputed = book.ContactsTable()[0];
        book.Score(without);
        var header = TestCsv.ReadRecords(book.ContactsOut)[0];

        Assert.Multiple(() =>
        {
            Assert.That(recomputed["rel_recommendedaction"], Is.EqualTo("High risk, improve perception"));
            Assert.That(recomputed["rel_actionurgency"], Is.EqualTo("1"));
            Assert.That(header, Does.Not.Contain("rel_actionurgency").And.Contain("rel_recommendedaction"));
        });
    }

    [Test]
    public void ComputedColumnsAdded_AreTheScoresButLevelHistoryScoredOnAndUrgency()
    {
        // README: previous level, level changed on and scored on are not written offline (a book has no
        // stored level to change from); action urgency is only recomputed where the input has it.
        using var book = new TestBook();
        var contacts = book.WriteLines("c.csv", new[] { TestBook.ContactHeader, TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes") });

        book.Score(contacts);

        var header = TestCsv.ReadRecords(book.ContactsOut)[0];
        var inputColumns = TestCsv.ReadRecords(contacts)[0].Length;
        Assert.That(header.Skip(inputColumns), Is.EqualTo(new[]
        {
            LogicalNames.Computed.RecommendedAction, LogicalNames.Computed.RelationshipLevel, LogicalNames.Computed.Direction,
            LogicalNames.Computed.ExpectationGap, LogicalNames.Computed.ExpectationGapScore, LogicalNames.Computed.ExpectationAlignment,
            LogicalNames.Computed.NextFeedbackDue, LogicalNames.Computed.HealthScore, LogicalNames.Computed.ScoreExplanation,
            LogicalNames.Computed.NextStep,
        }));
    }
}

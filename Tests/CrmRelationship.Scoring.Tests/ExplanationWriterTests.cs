using System;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// The one explanation writer, taken on its own: numbers and dates as the model writes them, stored text
/// as one plain line, and the cap of the explanation column (2,000 characters, cut after the last whole line).
/// </summary>
[TestFixture]
public sealed class ExplanationWriterTests
{
    private delegate void Writing(ref ExplanationWriter w);

    [TestCase(0L, "0")]
    [TestCase(7L, "7")]
    [TestCase(10L, "10")]
    [TestCase(99L, "99")]
    [TestCase(100L, "100")]
    [TestCase(105L, "105")]
    [TestCase(1000L, "1000")]
    [TestCase(1000000007L, "1000000007")]
    [TestCase(3000000000L, "3000000000")]
    [TestCase(-4L, "-4")]
    [TestCase(-105L, "-105")]
    public void Number_InvariantDigitsWithAMinusSign(long value, string expected)
    {
        Assert.That(Write((ref ExplanationWriter w) => { w.Line(string.Empty); w.Number(value); }), Is.EqualTo(expected));
    }

    [TestCase(4, "+4")]
    [TestCase(0, "0")]
    [TestCase(-4, "-4")]
    public void Signed_PlusOnlyAboveZero(int value, string expected)
    {
        Assert.That(Write((ref ExplanationWriter w) => { w.Line(string.Empty); w.Signed(value); }), Is.EqualTo(expected));
    }

    [TestCase(2026, 11, 24, "2026-11-24")]
    [TestCase(2000, 1, 5, "2000-01-05")]
    [TestCase(99, 12, 31, "0099-12-31")]
    [TestCase(9999, 12, 31, "9999-12-31")]
    public void Date_YearMonthDayWithZeros(int year, int month, int day, string expected)
    {
        Assert.That(Write((ref ExplanationWriter w) => { w.Line(string.Empty); w.Date(new DateTime(year, month, day, 23, 59, 59, DateTimeKind.Unspecified)); }), Is.EqualTo(expected));
    }

    [TestCase("Dana Reyes", "Dana Reyes")]
    [TestCase("  Dana   Reyes  ", "Dana Reyes")]
    [TestCase("Dana\r\n\tReyes", "Dana Reyes")]
    [TestCase("Dana\u2028Reyes\u0007", "Dana Reyes")]
    [TestCase("<b>Dana</b>", "bDana/b")]
    [TestCase("a < b", "a b")]
    [TestCase(" <> \t", "")]
    [TestCase("", "")]
    public void PlainText_OneLineWithoutMarkupOrBlankEnds(string stored, string expected)
    {
        var text = Write((ref ExplanationWriter w) => { w.Line("["); w.PlainText(stored); w.Char(']'); });

        Assert.That(text, Is.EqualTo("[" + expected + "]"));
        Assert.That(ExplanationWriter.HasPlainText(stored), Is.EqualTo(expected.Length > 0), nameof(ExplanationWriter.HasPlainText));
    }

    [Test]
    public void LinesUpToTheCapWithTheLastEndingOnIt_AllKept()
    {
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line(new string('a', 999));
            w.Line(new string('b', 1000));
        });

        Assert.That(text, Is.EqualTo(new string('a', 999) + "\n" + new string('b', 1000)));
    }

    [Test]
    public void LineCrossingTheCap_ItAndEveryLineAfterItDropped()
    {
        // The third line would fit after the first, but the text is cut after the last whole line that fits.
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line(new string('a', 1000));
            w.Line(new string('b', 1000));
            w.Line("c");
        });

        Assert.That(text, Is.EqualTo(new string('a', 1000)));
    }

    [Test]
    public void LineEndingExactlyOnTheCapWithALineAfterIt_DroppedToo()
    {
        // Kept from the cut the account explanation always had (at 2,000 characters, then back to the last
        // line break before the cut): a line that ends exactly on the cap is dropped when another follows.
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line(new string('a', 999));
            w.Line(new string('b', 1000));
            w.Line("c");
        });

        Assert.That(text, Is.EqualTo(new string('a', 999)));
    }

    [Test]
    public void FirstLineOfExactlyTheCapWithALineAfterIt_Kept()
    {
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line(new string('a', ExplanationWriter.MaxLength));
            w.Line("b");
        });

        Assert.That(text, Is.EqualTo(new string('a', ExplanationWriter.MaxLength)));
    }

    [Test]
    public void FirstLineLongerThanTheCap_CutAtTheCapSoTheTextIsNeverEmpty()
    {
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line("Key contact: ");
            w.PlainText(new string('n', 2500));
            w.Line("Contacts: 1 active.");
        });

        Assert.That(text, Is.EqualTo("Key contact: " + new string('n', ExplanationWriter.MaxLength - "Key contact: ".Length)));
    }

    [Test]
    public void LineOfManyPieces_WrittenWholeInOrder()
    {
        var text = Write((ref ExplanationWriter w) =>
        {
            w.Line("n:");
            for (var i = 0; i < 300; i++)
            {
                w.Char(' ');
                w.Number(i);
            }
        });

        Assert.That(text, Is.EqualTo("n: " + string.Join(" ", Enumerable.Range(0, 300))));
    }

    private static string Write(Writing writing)
    {
        var sink = new StringExplanationSink();
        var writer = new ExplanationWriter(sink);
        writing(ref writer);
        writer.End();
        return sink.ToString();
    }
}

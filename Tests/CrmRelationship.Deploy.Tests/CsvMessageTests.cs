using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Deploy.Tests.Support;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>
/// A file that is not what crmrel expects gets a message that says where and what: the line an
/// unclosed quote opened on and how much it took in, text that is not UTF-8 (UTF-16 without a byte
/// order mark, Latin-1) refused before anything is written, invisible characters shown by their code,
/// a computed column given twice, a file with a header and no rows.
/// </summary>
[TestFixture]
public sealed class CsvMessageTests
{
    private static readonly string Good = TestBook.Contact("c1", "Ann Lee", "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active");

    [Test]
    public void FileThatIsNotAsExpected_MessageSaysWhereAndWhat()
    {
        var cases = new (string Name, Func<TestBook, string> Contacts, int Exit, Func<TestBook, CliRun, string?> Check)[]
        {
            ("a quote on line 4 that is never closed takes in the 7 lines after it", book => book.Contacts(
                [Good, TestBook.Contact("c2", "Bo Park", "a1"), "c3,\"Cai Moss,a1,,,,,,,,,,,", .. Enumerable.Range(4, 7).Select(i => TestBook.Contact("c" + i, "Name " + i, "a1"))]),
                2,
                (book, run) => Rejected(book, "the quote that opens on line 4 is never closed, so the 7 lines after it, to the end of the file, were read into this row and not scored")
                    ?? Expect(run.Output, "Rejected rows: 1. They were not scored or written, and neither were the 7 lines that a quote never closed took in; every other row was.")),
            ("a quote opened on the second line of a row (line 5)", book => book.Contacts(
                [Good, "c2,\"Bo\nPark\",a1,,,,,,,,,,,", "c3,Cai,a1,,,,,,\"Buys\nfrom us,,,,", Good.Replace("c1", "c4", StringComparison.Ordinal)]),
                2,
                (book, run) => Rejected(book, "the quote that opens on line 5 is never closed, so the 2 lines after it")),
            ("a byte that is not UTF-8 on line 2,501, past the first 64K characters", book => Latin1Late(book, 2500),
                1,
                (book, run) => Expect(run.Error, "is not UTF-8 text (line 2501 is the first that is not); save it as CSV UTF-8 and run again.") ?? NothingWritten(book)),
            ("UTF-16 (little-endian) without a byte order mark", book => Encoded(book, new UnicodeEncoding(false, false)),
                1,
                (book, run) => Expect(run.Error, "is not UTF-8 text (line 1 holds NUL bytes, as UTF-16 text does); save it as CSV UTF-8 and run again.") ?? NothingWritten(book)),
            ("UTF-16 (big-endian) without a byte order mark", book => Encoded(book, new UnicodeEncoding(true, false)),
                1,
                (book, run) => Expect(run.Error, "is not UTF-8 text (line 1 holds NUL bytes") ?? NothingWritten(book)),
            ("Latin-1", book => Encoded(book, Encoding.Latin1),
                1,
                (book, run) => Expect(run.Error, "is not UTF-8 text (line 3 is the first that is not); save it as CSV UTF-8") ?? NothingWritten(book)),
            ("a label with a zero-width space", book => book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", perception: "Advocate\u200B")),
                2,
                (book, run) => Rejected(book, "rel_perception has \"Advocate<U+200B>\" (with the invisible character U+200B), which is not one of Detractor or Advocate")),
            ("a label with a non-breaking space inside", book => book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1", observed: "Buys\u00A0from us")),
                2,
                (book, run) => Rejected(book, "rel_observedbehaviours has \"Buys<U+00A0>from us\" (with the invisible character U+00A0), which is not one of")),
            ("a header with a zero-width space after a column name", book => book.WriteLines("c.csv", [TestBook.ContactHeader.Replace("rel_perception", "rel_perception\u200B", StringComparison.Ordinal), Good]),
                1,
                (book, run) => Expect(run.Error, "has no rel_perception column in its header row (column 8 is \"rel_perception<U+200B>\" (with the invisible character U+200B))")),
            ("a computed column given twice", book => book.WriteLines("c.csv", [TestBook.ContactHeader + ",rel_healthscore,rel_healthscore", Good + ",10,20"]),
                1,
                (book, run) => Expect(run.Error, "has the column rel_healthscore twice (columns 15 and 16); remove one of them and run again.") ?? NothingWritten(book)),
            ("a header and no rows", book => book.WriteLines("c.csv", [TestBook.ContactHeader]),
                1,
                (book, run) => Expect(run.Error, "has a header row but no contacts; export the contacts with their rows and run again.") ?? NothingWritten(book)),
        };
        var failures = new List<string>();

        foreach (var (name, contacts, exit, check) in cases)
        {
            using var book = new TestBook();
            var run = book.Score(contacts(book));

            var problem = run.ExitCode != exit ? "exit " + run.ExitCode + " " + run.Error.Trim() : check(book, run);
            if (problem is not null)
            {
                failures.Add(name + ": " + problem);
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static string? Expect(string text, string expected) =>
        text.Replace("\r", string.Empty, StringComparison.Ordinal).Contains(expected, StringComparison.Ordinal) ? null : "expected \"" + expected + "\" in \"" + text.Trim() + "\"";

    private static string? Rejected(TestBook book, string reason)
    {
        var rejected = book.RejectedTable();
        return rejected.Count == 1 && rejected[0]["reason"].Contains(reason, StringComparison.Ordinal)
            ? null
            : "expected one rejected row with \"" + reason + "\", got [" + string.Join(" | ", rejected.Select(r => r["line"] + ": " + r["reason"])) + "]";
    }

    private static string? NothingWritten(TestBook book) => Directory.Exists(book.Out) ? "the output folder was created: [" + string.Join(", ", Directory.GetFileSystemEntries(book.Out).Select(Path.GetFileName)) + "]" : null;

    /// <summary>2,600 contacts with a Latin-1 ë in the name on <paramref name="row"/>.</summary>
    private static string Latin1Late(TestBook book, int row)
    {
        var lines = new List<string> { TestBook.ContactHeader };
        lines.AddRange(Enumerable.Range(1, 2600).Select(i => TestBook.Contact("c" + i, (i == row ? "Zo\u00EB " : "Contact ") + i, "a" + (i % 30))));
        var path = Path.Combine(book.Folder, "late.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);
        return path;
    }

    private static string Encoded(TestBook book, Encoding encoding)
    {
        var path = Path.Combine(book.Folder, "encoded.csv");
        File.WriteAllText(path, string.Join("\r\n", TestBook.ContactHeader, Good, TestBook.Contact("c2", "Zoë Ångström", "a1")) + "\r\n", encoding);
        return path;
    }
}

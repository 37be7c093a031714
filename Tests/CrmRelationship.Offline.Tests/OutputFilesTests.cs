using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Offline.Tests.Support;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>
/// A run writes all its outputs or none: a run that stops leaves the previous contacts.csv,
/// accounts.csv, rejected.csv and report.html byte for byte as they were, and no other file.
/// </summary>
[TestFixture]
public sealed class OutputFilesTests
{
    [Test]
    public void RunThatStops_PreviousOutputsUnchangedAndNoOtherFileLeft()
    {
        var cases = new (string Name, Action<TestBook> Arrange, Func<string, Stream>? CreateFile)[]
        {
            ("a byte that is not UTF-8 after the first 64K characters", book => WriteBook(book, badByteOnRow: 1500), null),
            ("report.html is a folder", book =>
            {
                WriteBook(book);
                File.Delete(book.ReportOut);
                Directory.CreateDirectory(book.ReportOut);
            }, null),
            ("the disk fills up while report.html is written", book => WriteBook(book), FullDisk(OfflineScoring.ReportFileName)),
            ("the disk fills up while contacts.csv is written", book => WriteBook(book), FullDisk(OfflineScoring.ContactsFileName)),
        };
        var failures = new List<string>();

        foreach (var (name, arrange, createFile) in cases)
        {
            using var book = new TestBook();
            book.Score(book.Contacts(TestBook.Contact("old-1", "Previous Run", "a1")));
            arrange(book);
            var before = Snapshot(book.Out);

            Exception? error = null;
            try
            {
                using var run = new ScoringRun(Options(book), createFile);
                run.Execute();
            }
            catch (Exception ex)
            {
                error = ex;
            }

            var after = Snapshot(book.Out);
            var changed = before.Keys.Union(after.Keys)
                .Where(f => !before.TryGetValue(f, out var b) || !after.TryGetValue(f, out var a) || !a.SequenceEqual(b))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (error is not ScoreInputException || changed.Count > 0)
            {
                failures.Add(name + ": " + (error?.GetType().Name ?? "no error") + ", changed or left [" + string.Join(", ", changed) + "]");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    /// <summary>2,000 contacts (about 170,000 characters), optionally with a Latin-1 byte in the name on one row.</summary>
    private static void WriteBook(TestBook book, int badByteOnRow = 0)
    {
        var text = new StringBuilder(TestBook.ContactHeader).Append("\r\n");
        for (var i = 1; i <= 2000; i++)
        {
            text.Append(TestBook.Contact("c" + i, (i == badByteOnRow ? "Zo\u00EB" : "Contact ") + i, "a" + (i % 40), relationship: "Yes", power: "High", perception: "Advocate", activity: "Active")).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (badByteOnRow > 0)
        {
            var at = Encoding.UTF8.GetBytes("Zo\u00EB").AsSpan();
            var index = bytes.AsSpan().IndexOf(at);
            bytes = [.. bytes[..(index + 2)], 0xEB, .. bytes[(index + at.Length)..]];
        }

        File.WriteAllBytes(Path.Combine(book.Folder, "contacts-in.csv"), bytes);
    }

    private static ScoreOptions Options(TestBook book) => new()
    {
        ContactsPath = Path.Combine(book.Folder, "contacts-in.csv"),
        AsOf = TestBook.AsOf,
        OutputDirectory = book.Out,
    };

    /// <summary>Files are created as usual, but the one named <paramref name="fileName"/> fails as a full disk after 4,000 bytes.</summary>
    private static Func<string, Stream> FullDisk(string fileName) => path =>
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        return Path.GetFileName(path).Contains(fileName, StringComparison.Ordinal) ? new FullDiskStream(stream, 4000) : stream;
    };

    /// <summary>Every entry under the folder: a file's bytes, or empty for a folder (named with a trailing /).</summary>
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(folder, p) + (Directory.Exists(p) ? "/" : string.Empty), p => Directory.Exists(p) ? Array.Empty<byte>() : File.ReadAllBytes(p));
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Deploy.Tests.Support;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>Problems that stop the whole run: exit code 1 and one sentence that says what to do, never a stack trace.</summary>
[TestFixture]
public sealed class FatalErrorTests
{
    [Test]
    public void MissingContactIdColumn_ExitsOneNamingTheColumn()
    {
        using var book = new TestBook();
        var contacts = book.WriteLines("c.csv", new[] { TestBook.ContactHeader.Replace("contactid,", string.Empty, System.StringComparison.Ordinal), "Ann Lee,a1,,,,,,,,,,," });

        var run = book.Score(contacts);

        AssertFatal(run, "has no contactid column");
        Assert.That(File.Exists(book.ContactsOut), Is.False, "nothing is written when the file cannot be read");
    }

    [Test]
    public void SeveralMissingColumns_AllNamed()
    {
        using var book = new TestBook();
        var contacts = book.WriteLines("c.csv", new[] { "contactid,fullname", "c1,Ann Lee" });

        var run = book.Score(contacts);

        AssertFatal(run, "parentcustomerid, rel_relationship");
    }

    [Test]
    public void MissingAccountsColumn_ExitsOne()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));
        var accounts = book.WriteLines("a.csv", new[] { "accountid,name", "a1,Acme" });

        var run = book.Score(contacts, accounts);

        AssertFatal(run, "The accounts file");
        Assert.That(run.Error, Does.Contain("rel_customerviewlevel"));
    }

    [Test]
    public void RepeatedKnownColumn_ExitsOne()
    {
        using var book = new TestBook();
        var contacts = book.WriteLines("c.csv", new[] { TestBook.ContactHeader + ",rel_perception", TestBook.Contact("c1") + ",Advocate" });

        var run = book.Score(contacts);

        AssertFatal(run, "has the column rel_perception twice");
    }

    [Test]
    public void ContactsFileDoesNotExist_ExitsOne()
    {
        using var book = new TestBook();

        var run = book.Score(Path.Combine(book.Folder, "nowhere.csv"));

        AssertFatal(run, "cannot be read (it does not exist); check the path given to --contacts");
    }

    [Test]
    public void ContactsPathIsAFolder_ExitsOne()
    {
        using var book = new TestBook();

        var run = book.Score(book.Folder);

        AssertFatal(run, "cannot be read");
    }

    [Test]
    public void EmptyContactsFile_ExitsOne()
    {
        using var book = new TestBook();
        var contacts = Path.Combine(book.Folder, "empty.csv");
        File.WriteAllText(contacts, string.Empty);

        var run = book.Score(contacts);

        AssertFatal(run, "is empty; it needs a header row");
    }

    [Test]
    public void ContactsFileNotUtf8_ExitsOne()
    {
        using var book = new TestBook();
        var contacts = Path.Combine(book.Folder, "latin1.csv");
        var bytes = Encoding.UTF8.GetBytes(TestBook.ContactHeader + "\r\nc1,Zo");
        File.WriteAllBytes(contacts, [.. bytes, 0xEB, (byte)'\r', (byte)'\n']);

        var run = book.Score(contacts);

        AssertFatal(run, "is not UTF-8 text");
    }

    [Test]
    public void ContactsFileNotUtf8_MessageNamesTheLineOfTheFirstBadByte()
    {
        using var book = new TestBook();
        var contacts = Path.Combine(book.Folder, "latin1.csv");
        var good = Encoding.UTF8.GetBytes(TestBook.ContactHeader + "\r\n" + TestBook.Contact("c1", "Ann Lee", "a1") + "\r\nc2,\"Bo\r\nZo");
        File.WriteAllBytes(contacts, [.. good, 0xEB, (byte)'"', (byte)'\r', (byte)'\n']);

        var run = book.Score(contacts);

        AssertFatal(run, "is not UTF-8 text (line 4 is the first that is not); save it as CSV UTF-8 and run again.");
    }

    [TestCase("{\"highPowerWeight\": 0}", "highPowerWeight", TestName = "BadWeight_ExitsOneNamingTheKey")]
    [TestCase("{\"healthWeights\": {\"ladder\": \"forty\"}}", "healthWeights.ladder", TestName = "BadHealthWeight_ExitsOneNamingTheKey")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": \"Panic\"}}", "matrix.No/High/Detractor/Active", TestName = "BadMatrixAction_ExitsOneNamingTheKey")]
    [TestCase("{\"colour\": \"blue\"}", "colour", TestName = "UnknownSetting_ExitsOneNamingTheKey")]
    [TestCase("{\"highPowerWeight\": 3", "settings", TestName = "BrokenJson_ExitsOne")]
    public void BadSettings_ExitsOneNamingTheKey(string json, string key)
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));
        var settings = book.WriteLines("settings.json", new[] { json });

        var run = book.Score(contacts, null, "--settings", settings);

        AssertFatal(run, "Fix the setting '" + key + "'");
    }

    [Test]
    public void UnknownSetting_MessageReadsAsOneSentence()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));
        var settings = book.WriteLines("settings.json", new[] { "{\"colour\": \"blue\"}" });

        var run = book.Score(contacts, null, "--settings", settings);

        AssertFatal(run, "Setting 'colour' is not a setting. The settings are matrix, highPowerWeight, healthWeights, nextSteps and touchpoints.");
    }

    [Test]
    public void SettingsFileDoesNotExist_ExitsOne()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));

        var run = book.Score(contacts, null, "--settings", Path.Combine(book.Folder, "none.json"));

        AssertFatal(run, "check the path given to --settings");
    }

    [TestCase("24/11/2026")]
    [TestCase("2026-11-31")]
    [TestCase("tomorrow")]
    public void BadAsOf_ExitsOne(string asOf)
    {
        using var book = new TestBook();
        var contacts = book.Contacts(TestBook.Contact("c1", "Ann Lee", "a1"));

        var run = TestBook.Run("score", "--contacts", contacts, "--as-of", asOf, "--out", book.Out);

        AssertFatal(run, "--as-of must be a date in yyyy-MM-dd form");
    }

    [Test]
    public void OutputFolderHoldsTheInput_ExitsOneWithoutOverwriting()
    {
        using var book = new TestBook();
        Directory.CreateDirectory(book.Out);
        var contacts = Path.Combine(book.Out, "contacts.csv");
        File.WriteAllText(contacts, TestBook.ContactHeader + "\r\n" + TestBook.Contact("c1", "Ann Lee", "a1") + "\r\n");
        var before = File.ReadAllText(contacts);

        var run = book.Score(contacts);

        AssertFatal(run, "which scoring would overwrite");
        Assert.That(File.ReadAllText(contacts), Is.EqualTo(before));
    }

    [Test]
    public void OutputIsTheInputReachedThroughALink_ExitsOneWithoutOverwriting()
    {
        // Each case names an output file that is an input file under another path; none may be written over.
        var cases = new (string Name, Func<TestBook, string[]> Arrange)[]
        {
            ("--out is a symbolic link to the folder that holds contacts.csv", book =>
            {
                var data = Directory.CreateDirectory(Path.Combine(book.Folder, "data")).FullName;
                var contacts = WriteContacts(Path.Combine(data, "contacts.csv"));
                Directory.CreateSymbolicLink(Path.Combine(book.Folder, "out-link"), data);
                return new[] { "--contacts", contacts, "--out", Path.Combine(book.Folder, "out-link") };
            }),
            ("--contacts is a symbolic link to out/contacts.csv", book =>
            {
                var contacts = WriteContacts(Path.Combine(Directory.CreateDirectory(book.Out).FullName, "contacts.csv"));
                File.CreateSymbolicLink(Path.Combine(book.Folder, "export.csv"), contacts);
                return new[] { "--contacts", Path.Combine(book.Folder, "export.csv"), "--out", book.Out };
            }),
            ("--contacts is a hard link to out/contacts.csv", book =>
            {
                var contacts = WriteContacts(Path.Combine(Directory.CreateDirectory(book.Out).FullName, "contacts.csv"));
                HardLink.Create(Path.Combine(book.Folder, "export.csv"), contacts);
                return new[] { "--contacts", Path.Combine(book.Folder, "export.csv"), "--out", book.Out };
            }),
            ("--accounts is a hard link to out/accounts.csv", book =>
            {
                var accounts = Path.Combine(Directory.CreateDirectory(book.Out).FullName, "accounts.csv");
                File.WriteAllText(accounts, TestBook.AccountHeader + "\r\n" + TestBook.Line("a1", "Acme", "", "", "") + "\r\n");
                HardLink.Create(Path.Combine(book.Folder, "accounts-export.csv"), accounts);
                return new[] { "--contacts", WriteContacts(Path.Combine(book.Folder, "c.csv")), "--accounts", Path.Combine(book.Folder, "accounts-export.csv"), "--out", book.Out };
            }),
        };
        var failures = new List<string>();

        foreach (var (name, arrange) in cases)
        {
            using var book = new TestBook();
            var args = arrange(book);
            var inputs = Directory.GetFiles(book.Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

            var run = TestBook.Run(["score", "--as-of", "2026-11-24", .. args]);

            var changed = inputs.Where(f => !File.ReadAllBytes(f.Key).AsSpan().SequenceEqual(f.Value)).Select(f => Path.GetFileName(f.Key)).ToList();
            if (run.ExitCode != 1 || !run.Error.Contains("which scoring would overwrite", StringComparison.Ordinal) || changed.Count > 0)
            {
                failures.Add(name + ": exit " + run.ExitCode + ", changed [" + string.Join(", ", changed) + "], " + run.Error.Trim());
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void AccountsWithoutContacts_ExitsOne()
    {
        using var book = new TestBook();
        var accounts = book.Accounts(TestBook.Line("a1", "Acme", "", "", ""));

        var run = TestBook.Run("score", "--accounts", accounts, "--out", book.Out);

        AssertFatal(run, "--accounts needs --contacts");
    }

    [Test]
    public void UnknownOption_ExitsOne()
    {
        var run = TestBook.Run("score", "--contact", "x.csv");

        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    private static string WriteContacts(string path)
    {
        File.WriteAllText(path, TestBook.ContactHeader + "\r\n" + TestBook.Contact("c1", "Ann Lee", "a1") + "\r\n" + TestBook.Contact("c2", "Bo Park", "a1") + "\r\n");
        return path;
    }

    private static void AssertFatal(CliRun run, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(run.Error, Does.StartWith("crmrel score: "));
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one sentence, one line");
            Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }
}

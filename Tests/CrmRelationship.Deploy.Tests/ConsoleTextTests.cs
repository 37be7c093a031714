using System.Linq;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Deploy.Tests;

/// <summary>Data shown on the console is plain text: no control character from a file reaches the terminal, and a huge value is shortened.</summary>
[TestFixture]
public sealed class ConsoleTextTests
{
    [Test]
    public void NamesWithControlCharacters_SummaryShowsThemWithoutTheControls()
    {
        using var book = new TestBook();
        const string hostile = "\u001B[2J\u001B[31mEvil\u001B]0;owned\u0007 \u009B1mCorp\u202E";
        var contacts = book.Contacts(
            TestBook.Contact("k1", hostile, "a1", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"),
            TestBook.Contact("k2", new string('L', 1_000_000), "a2", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"),
            TestBook.Contact("bad\u001B[1m", "Bo Park", "a1", perception: "Sure\u001B[5m"));
        var accounts = book.Accounts(TestBook.Line("a1", "Acme\u001B[8m Hidden", "", "", ""), TestBook.Line("a2", "Beta", "", "", ""));

        var run = book.Score(contacts, accounts);

        var controls = run.Output.Where(c => char.IsControl(c) && c != '\n' && c != '\r').Select(c => "U+" + ((int)c).ToString("X4")).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(controls, Is.Empty, "control characters on the console");
            Assert.That(run.Output, Does.Contain("[2J[31mEvil]0;owned 1mCorp"));
            Assert.That(run.Output, Does.Contain("Acme[8m Hidden"));
            Assert.That(run.Output, Does.Not.Contain(new string('L', 201)), "a value is shortened to 200 characters on the console");
            Assert.That(run.Output.Length, Is.LessThan(20_000));
        });
    }
}

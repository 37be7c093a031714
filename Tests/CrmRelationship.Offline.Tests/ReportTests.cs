using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>report.html is self-contained and safe to open: no script, no external request, every value encoded.</summary>
[TestFixture]
public sealed class ReportTests
{
    [Test]
    public void SampleReport_HasNoScriptAndNoExternalReference()
    {
        using var book = new TestBook();
        book.Score(TestBook.SampleContacts, TestBook.SampleAccounts);

        var html = File.ReadAllText(book.ReportOut);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Match("(?i)https?:|//[a-z0-9]|src=|href=|url\\(|@import|<link|<img|<iframe"));
            Assert.That(html, Does.Contain("Content-Security-Policy"));
            Assert.That(html, Does.Contain("Stakeholder maps"));
            Assert.That(html, Does.Contain("Quillon Insurance Group"));
        });
    }

    [Test]
    public void HostileNames_AreHtmlEncoded()
    {
        using var book = new TestBook();
        var accounts = book.Accounts(TestBook.Line("a1", "Acme & <b>Sons</b>", "", "", ""));
        var contacts = book.Contacts(
            TestBook.Contact("c1", "<script>alert('x')</script>", "a1", relationship: "No", power: "High", perception: "Detractor", activity: "Active"),
            TestBook.Contact("c2", "\"Quote\" O'Neil", "a1", relationship: "Yes", power: "Low"));

        book.Score(contacts, accounts);
        var html = File.ReadAllText(book.ReportOut);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
            Assert.That(html, Does.Contain("Acme &amp; &lt;b&gt;Sons&lt;/b&gt;"));
            Assert.That(html, Does.Contain("&quot;Quote&quot; O&#39;Neil"));
        });
    }

    [Test]
    public void ManyAccounts_MapsCappedToTheMostAtRisk()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Calm Carl", "a-calm", relationship: "Yes", power: "High", perception: "Advocate", activity: "Active"),
            TestBook.Contact("c2", "Risky Rita", "a-risk", relationship: "No", power: "High", perception: "Detractor", activity: "Active"),
            TestBook.Contact("c3", "Mild Mo", "a-mild", relationship: "Yes", power: "Low", perception: "Detractor", activity: "Active"));

        var result = book.Score(contacts, maxMappedAccounts: 2);
        var html = File.ReadAllText(book.ReportOut);

        Assert.Multiple(() =>
        {
            Assert.That(result.Accounts.Select(a => a.Id), Is.EqualTo(new[] { "a-risk", "a-mild", "a-calm" }));
            Assert.That(Regex.Count(html, "<section class=\"map\">"), Is.EqualTo(2));
            Assert.That(html, Does.Contain("The 2 accounts most at risk of 3 with active contacts are shown."));
            Assert.That(html, Does.Contain("Risky Rita").And.Contain("Mild Mo"));
            Assert.That(html, Does.Not.Contain("Calm Carl"));
        });
    }

    [Test]
    public void ContactWithoutPowerOrPerception_ListedOffTheMap()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "Placed Pat", "a1", power: "High", perception: "Advocate"),
            TestBook.Contact("c2", "Floating Flo", "a1", power: "High"));

        book.Score(contacts);
        var html = File.ReadAllText(book.ReportOut);

        Assert.That(html, Does.Contain("Not on the map (power or perception not assessed)"));
        Assert.That(html, Does.Match("Not on the map[^<]*<span class=\"chip chip-none\" title=\"Not assessed \\(missing Perception\\)\">Floating Flo"));
    }
}

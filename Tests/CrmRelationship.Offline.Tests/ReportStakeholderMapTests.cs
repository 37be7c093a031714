using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>
/// report.html draws its stakeholder maps from the table the account form's map is generated from
/// (<see cref="MapQuadrants"/>, <see cref="ActionColours"/>): the same quadrant names, order and placement, the same chip colours.
/// </summary>
[TestFixture]
public sealed partial class ReportStakeholderMapTests
{
    [Test]
    public void SampleReport_EveryMap_NamesTheTablesQuadrantsInTheirOrderWithTheirSubtitles()
    {
        using var book = new TestBook();
        book.Score(TestBook.SampleContacts, TestBook.SampleAccounts);
        var html = File.ReadAllText(book.ReportOut);

        var maps = MapSection().Matches(html).Select(m => CellLabel().Matches(m.Value).Select(c => (Name: c.Groups["name"].Value, Subtitle: c.Groups["subtitle"].Value))).ToList();

        Assert.That(maps, Is.Not.Empty.And.All.EqualTo(MapQuadrants.All.Select(q => (E(q.Name), E(q.Subtitle)))));
    }

    [Test]
    public void Report_EachContact_IsInTheQuadrantOfItsPowerAndPerception()
    {
        using var book = new TestBook();
        var contacts = book.Contacts(
            TestBook.Contact("c1", "High Advocate", "a1", power: "High", perception: "Advocate"),
            TestBook.Contact("c2", "High Detractor", "a1", power: "High", perception: "Detractor"),
            TestBook.Contact("c3", "Low Advocate", "a1", power: "Low", perception: "Advocate"),
            TestBook.Contact("c4", "Low Detractor", "a1", power: "Low", perception: "Detractor"));

        book.Score(contacts);
        var cells = Cell().Matches(File.ReadAllText(book.ReportOut)).ToDictionary(m => m.Groups["name"].Value, m => ChipText().Matches(m.Groups["chips"].Value).Select(c => c.Groups["text"].Value).ToList());

        Assert.That(
            cells,
            Is.EqualTo(new[] { OrganizationalPower.High, OrganizationalPower.Low }
                .SelectMany(p => new[] { Perception.Advocate, Perception.Detractor }.Select(pe => (p, pe)))
                .ToDictionary(x => MapQuadrants.All[MapQuadrants.IndexOf(x.p, x.pe)].Name, x => new[] { Labels.Of(x.p) + " " + Labels.Of(x.pe) }.ToList())));
    }

    [Test]
    public void SampleReport_ChipsOfEveryAction_AreInTheTablesColours()
    {
        using var book = new TestBook();
        book.Score(TestBook.SampleContacts, TestBook.SampleAccounts);
        var html = File.ReadAllText(book.ReportOut);

        var missing = ActionColours.All.Append(ActionColours.NoAction)
            .Select(c => $".chip-{c.Key} {{ background: {c.Background}; color: {c.Foreground}; }}")
            .Concat(RelationshipMatrix.ByUrgency.Select(a => $"<span class=\"chip chip-{ActionColours.Of(a).Key}\" title=\"{E(Labels.Of(a))}\">{E(Labels.Of(a))}</span>"))
            .Append($"<span class=\"chip chip-{ActionColours.NoAction.Key}\" title=\"Not assessed\">Not assessed</span>")
            .Where(expected => !html.Contains(expected, System.StringComparison.Ordinal));

        Assert.That(missing, Is.Empty);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("<section class=\"map\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex MapSection();

    [GeneratedRegex("<span class=\"label\"><b>(?<name>[^<]*)</b> \\([0-9,]+\\) · (?<subtitle>[^<]*)</span>")]
    private static partial Regex CellLabel();

    [GeneratedRegex("<div class=\"cell\"><span class=\"label\"><b>(?<name>[^<]*)</b>[^<]*</span>(?<chips>.*?)</div>")]
    private static partial Regex Cell();

    [GeneratedRegex("<span class=\"chip [^\"]*\" title=\"[^\"]*\">(?<text>[^<]*)</span>")]
    private static partial Regex ChipText();
}

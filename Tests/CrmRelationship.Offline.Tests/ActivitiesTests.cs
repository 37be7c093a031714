using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Scoring;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>
/// relationship-model.md §9 offline: <c>crmrel score --activities</c> gives every contact rel_touchpoints,
/// rel_lasttouchpoint and rel_engagement from the activities file, read with the contacts file's CSV rules (bad rows
/// rejected and listed, the others counted; a file that cannot be read stops the run and replaces no output).
/// </summary>
[TestFixture]
public sealed class ActivitiesTests
{
    private const string C1 = "11111111-1111-1111-1111-111111111111";
    private const string C2 = "22222222-2222-2222-2222-222222222222";
    private const string C3 = "33333333-3333-3333-3333-333333333333";

    private static string Contacts(TestBook book) => book.Contacts(
        TestBook.Contact(C1, "Ann Lee", "a1"),
        TestBook.Contact(C2, "Bo Park", "a1"),
        TestBook.Contact(C3, "Cai Moss", "a1"));

    private static string Activity(int n, string table, string state, string actualEnd, string modifiedOn, params string[] parties) =>
        TestBook.Line("00000000-0000-0000-0000-" + n.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), table, state, actualEnd, modifiedOn, string.Join(";", parties));

    [Test]
    public void EachKindOfActivity_CountedByTheRulesOfSection9()
    {
        // Arrange: C1 has a call (sender), an email in To and CC (once), an organized meeting without actualend
        // (dated by modifiedon), and activities that are no touchpoint: open, canceled, scheduled, BCC, regarding, owner.
        using var book = new TestBook();
        var activities = book.Activities(
            Activity(1, "phonecall", "Completed", "2026-10-01T09:00:00Z", "2026-10-01T09:05:00Z", C1 + ":1"),
            Activity(2, "email", "Completed", "2026-10-03T23:30:00Z", "2026-10-03T23:30:00Z", C1 + ":2", C1 + ":3", C2 + ":2"),
            Activity(3, "appointment", "Completed", string.Empty, "2026-10-05T12:00:00Z", C1 + ":7", C1 + ":5"),
            Activity(4, "phonecall", "Open", string.Empty, "2026-11-20T09:00:00Z", C1 + ":2"),
            Activity(5, "phonecall", "Canceled", "2026-11-21T09:00:00Z", "2026-11-21T09:00:00Z", C1 + ":2"),
            Activity(6, "appointment", "Scheduled", string.Empty, "2026-11-22T09:00:00Z", C1 + ":5"),
            Activity(7, "email", "Completed", "2026-11-23T09:00:00Z", "2026-11-23T09:00:00Z", C1 + ":4", C3 + ":8", C3 + ":9"));

        // Act
        var result = book.Score(Contacts(book), activities: activities);

        // Assert: C1 = 1 + 0.5 + 1; the email is C2's only touchpoint; C3 has none.
        var rows = TestCsv.ReadTable(book.ContactsOut).ToDictionary(r => r["contactid"]);
        Assert.Multiple(() =>
        {
            Assert.That(Engagement(rows[C1]), Is.EqualTo(("2.5", "2026-10-05", "Not yet noticed")));
            Assert.That(Engagement(rows[C2]), Is.EqualTo(("0.5", "2026-10-03", "Not yet noticed")));
            Assert.That(Engagement(rows[C3]), Is.EqualTo((string.Empty, string.Empty, string.Empty)));
            Assert.That(result.Engagement, Is.EqualTo(new EngagementCounts(CallsOrMeetings: 2, Emails: 2, OtherActivities: 0, ContactsWithTouchpoints: 2, ContactsNoticed: 0)));
            Assert.That(result.RejectedCount, Is.Zero);
            Assert.That(result.ActivityRows, Is.EqualTo(7));
        });
    }

    [Test]
    public void SettingsWeightACustomTableAndLowerTheThreshold_TheContactIsNoticed()
    {
        // Arrange
        using var book = new TestBook();
        var settings = book.WriteLines("settings.json", ["{\"touchpoints\": {\"activities\": {\"new_sitevisit\": 2, \"email\": 0}, \"noticedAfter\": 3}}"]);
        var activities = book.Activities(
            Activity(1, "new_sitevisit", "Completed", "2026-11-01T09:00:00Z", "2026-11-01T09:00:00Z", C1 + ":5"),
            Activity(2, "phonecall", "Completed", "2026-11-02T09:00:00Z", "2026-11-02T09:00:00Z", C1 + ":2"),
            Activity(3, "email", "Completed", "2026-11-20T09:00:00Z", "2026-11-20T09:00:00Z", C1 + ":2"));

        // Act
        var result = book.Score(Contacts(book), activities: activities, settings: settings);

        // Assert: 2 + 1, the weight-0 email is no touchpoint, so its later date does not count either.
        var c1 = TestCsv.ReadTable(book.ContactsOut).Single(r => r["contactid"] == C1);
        Assert.Multiple(() =>
        {
            Assert.That(Engagement(c1), Is.EqualTo(("3", "2026-11-02", "Noticed")));
            Assert.That(result.Engagement!.OtherActivities, Is.EqualTo(1));
            Assert.That(result.Engagement.Emails, Is.Zero);
        });
    }

    [Test]
    public void BadActivityRows_EachRejectedWithItsReasonsAndTheGoodRowsCounted()
    {
        // Arrange
        using var book = new TestBook();
        var activities = book.Activities(
            Activity(1, "phonecall", "Completed", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", C1 + ":2"),
            Activity(2, "phonecall", "Done", "2026-10-02", "yesterday", C1 + ":2"),
            Activity(3, "Phone Call", "Completed", "2026-10-03T09:00:00Z", "2026-10-03T09:00:00Z", C1 + ":2;" + C1, C2 + ":14"),
            Activity(1, "email", "Completed", "2026-10-04T09:00:00Z", "2026-10-04T09:00:00Z", C2 + ":2"),
            TestBook.Line(string.Empty, "email", "Completed", string.Empty, string.Empty, C3 + ":2"),
            TestBook.Line("not-a-guid", "email", "Completed", string.Empty, string.Empty, string.Empty),
            "00000000-0000-0000-0000-000000000009,email,Completed");

        // Act
        var result = book.Score(Contacts(book), activities: activities);

        // Assert
        var rejected = result.Rejected.Select(r => (r.File, r.Line, r.Id, r.Reason)).ToList();
        var rows = TestCsv.ReadTable(book.ContactsOut).ToDictionary(r => r["contactid"]);
        Assert.Multiple(() =>
        {
            Assert.That(rejected.Select(r => (r.File, r.Line)), Is.EqualTo(new[] { 3L, 4, 5, 6, 7, 8 }.Select(l => ("activities-in.csv", l))));
            Assert.That(rejected[0].Reason, Does.Contain("statecode has \"Done\", which is not one of Open, Completed, Canceled, Scheduled")
                .And.Contain("modifiedon has \"yesterday\"").And.Not.Contain("actualend"));
            Assert.That(rejected[1].Reason, Does.Contain("activitytypecode has \"Phone Call\"").And.Contain("partyids has \"" + C1 + "\"").And.Contain("partyids has \"" + C2 + ":14\""));
            Assert.That(rejected[2].Reason, Does.Contain("is already used on line 2; the first row with this id is kept"));
            Assert.That(rejected[3].Reason, Does.Contain("activityid is empty"));
            Assert.That(rejected[4].Reason, Does.Contain("activityid has \"not-a-guid\", which is not an id"));
            Assert.That(rejected[5].Reason, Does.Contain("the row has 3 values but the header has 6 columns"));
            Assert.That(Engagement(rows[C1]), Is.EqualTo(("1", "2026-10-01", "Not yet noticed")));
            Assert.That(Engagement(rows[C2]).Item1, Is.Empty, "the duplicate id's row is not counted");
            Assert.That(result.ContactsScored, Is.EqualTo(3));
        });
    }

    [Test]
    public void ActivitiesFileWithoutAColumnOrMissing_RunStopsNamingItAndThePreviousOutputsStay()
    {
        // Arrange
        using var book = new TestBook();
        var contacts = Contacts(book);
        book.Score(contacts);
        var before = File.ReadAllBytes(book.ContactsOut);
        var noParties = book.WriteLines("no-parties.csv", ["activityid,activitytypecode,statecode,actualend,modifiedon"]);

        // Act
        var missingColumn = Assert.Throws<ScoreInputException>(() => book.Score(contacts, activities: noParties));
        var missingFile = Assert.Throws<ScoreInputException>(() => book.Score(contacts, activities: Path.Combine(book.Folder, "none.csv")));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(missingColumn!.Message, Does.StartWith("The activities file " + noParties + " has no partyids column in its header row"));
            Assert.That(missingFile!.Message, Does.StartWith("The activities file ").And.Contain("cannot be read (it does not exist)"));
            Assert.That(missingFile.Choice, Is.EqualTo(ScoreInputChoice.ActivitiesPath));
            Assert.That(File.ReadAllBytes(book.ContactsOut), Is.EqualTo(before));
        });
    }

    [Test]
    public void ContactsFileThatHasTheTouchpointColumns_RecomputedInPlaceWithActivitiesAndCarriedWithout()
    {
        // Arrange: a re-export of a scored book, with stale touchpoint columns in the middle.
        using var book = new TestBook();
        var contacts = book.WriteLines("contacts-in.csv", [
            "contactid,rel_touchpoints,fullname,parentcustomerid,rel_engagement,rel_lasttouchpoint,rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,"
                + "rel_observedbehaviours,rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence",
            C1 + ",9,Ann Lee,a1,Noticed,2020-01-01,,,,,,,,,"]);
        var activities = book.Activities(Activity(1, "phonecall", "Completed", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", C1 + ":2"));

        // Act
        var with = book.Score(contacts, activities: activities);
        var withHeader = File.ReadLines(book.ContactsOut).First();
        var withRow = TestCsv.ReadTable(book.ContactsOut).Single();
        book.Score(contacts);
        var withoutRow = TestCsv.ReadTable(book.ContactsOut).Single();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(withHeader.Split(',').Count(c => c.Contains("touchpoint", StringComparison.Ordinal) || c.Contains("engagement", StringComparison.Ordinal)), Is.EqualTo(3), withHeader);
            Assert.That(Engagement(withRow), Is.EqualTo(("1", "2026-10-01", "Not yet noticed")));
            Assert.That(with.ReplacedColumns, Is.SupersetOf(LogicalNames.Touchpoints.Contact.Select(c => "contacts.csv: " + c)));
            Assert.That(Engagement(withoutRow), Is.EqualTo(("9", "2020-01-01", "Noticed")), "without --activities the stored values are inputs, carried as they are");
        });
    }

    [Test]
    public void SampleBookWithItsActivities_EveryContactAgreesWithTheLibraryOnItsOwnPartyRows()
    {
        // Arrange
        using var book = new TestBook();

        // Act
        var result = book.Score(TestBook.SampleContacts, TestBook.SampleAccounts, activities: TestBook.SampleActivities);

        // Assert: an independent reading of the sample's party rows, counted by the library per contact.
        var byContact = new Dictionary<string, List<ActivityParticipation>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TestCsv.ReadTable(TestBook.SampleActivities))
        {
            foreach (var party in row["partyids"].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = party.Split(':');
                var list = byContact.TryGetValue(parts[0], out var l) ? l : byContact[parts[0]] = new List<ActivityParticipation>();
                list.Add(new ActivityParticipation(
                    Guid.Parse(row["activityid"]), row["activitytypecode"], Array.IndexOf(new[] { "Open", "Completed", "Canceled", "Scheduled" }, row["statecode"]),
                    Time(row["actualend"]), Time(row["modifiedon"]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var wrong = new List<string>();
        var levels = new HashSet<string>();
        foreach (var contact in TestCsv.ReadTable(book.ContactsOut))
        {
            var expected = Touchpoints.FromParticipations(byContact.GetValueOrDefault(contact["contactid"]) ?? new List<ActivityParticipation>(), ScoringSettings.Default);
            var want = (expected.Touchpoints?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                expected.LastTouchpoint?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                expected.Level is { } level ? Labels.Of(level) : string.Empty);
            levels.Add(want.Item3);
            if (Engagement(contact) != want)
            {
                wrong.Add(contact["contactid"] + ": " + Engagement(contact) + " instead of " + want);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty);
            Assert.That(levels, Is.EquivalentTo(new[] { string.Empty, "Not yet noticed", "Noticed" }), "the sample shows every engagement");
            Assert.That(result.RejectedCount, Is.Zero);
            Assert.That(result.ActivityContactsUnknown, Is.Zero, "every party of the sample is a sample contact");
        });
    }

    [Test]
    public void SampleScoredWithActivities_ThenItsOutputWithout_SameExplanationsAndAccountEngagement()
    {
        // Arrange: the second run reads the touchpoint columns the first wrote, as the plug-ins read the stored columns.
        using var first = new TestBook();
        using var second = new TestBook();
        first.Score(TestBook.SampleContacts, TestBook.SampleAccounts, activities: TestBook.SampleActivities);

        // Act
        second.Score(first.ContactsOut, TestBook.SampleAccounts);

        // Assert
        var accountColumns = new[] { "accountid", LogicalNames.Touchpoints.AccountLastTouchpoint, LogicalNames.Touchpoints.NoticedContacts, AccountFields.ScoreExplanation };
        var withActivities = TestCsv.ReadTable(first.AccountsOut);
        var fromStored = TestCsv.ReadTable(second.AccountsOut);
        var contactsWith = TestCsv.ReadTable(first.ContactsOut).Select(r => r["contactid"] + " " + r[ContactFields.ScoreExplanation]).ToList();
        var contactsStored = TestCsv.ReadTable(second.ContactsOut).Select(r => r["contactid"] + " " + r[ContactFields.ScoreExplanation]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fromStored.Select(r => string.Join("|", accountColumns.Select(c => r[c]))), Is.EqualTo(withActivities.Select(r => string.Join("|", accountColumns.Select(c => r[c])))));
            Assert.That(contactsStored, Is.EqualTo(contactsWith));
            Assert.That(withActivities.Select(r => r[LogicalNames.Touchpoints.NoticedContacts]), Has.Some.Not.EqualTo("0"), "some account has a noticed contact");
            Assert.That(contactsWith, Has.Some.Contain("Touchpoints: "), "the explanation has the touchpoint line");
        });
    }

    [Test]
    public void ReportWithActivities_ShowsTheTouchpointsByKindAndPerAccount()
    {
        // Arrange
        using var book = new TestBook();
        var activities = book.Activities(
            Activity(1, "phonecall", "Completed", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", C1 + ":2"),
            Activity(2, "email", "Completed", "2026-10-02T09:00:00Z", "2026-10-02T09:00:00Z", C1 + ":2", C2 + ":2"));

        // Act
        book.Score(Contacts(book), activities: activities);
        var with = File.ReadAllText(book.ReportOut);
        book.Score(Contacts(book));
        var without = File.ReadAllText(book.ReportOut);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(with, Does.Contain("<h2>Engagement from activities</h2>").And.Contain("<b>1</b><span>calls or meetings</span>").And.Contain("<b>2</b><span>emails</span>"));
            Assert.That(with, Does.Contain("<tr><td>a1</td><td class=\"num\">0 / 3</td><td>2026-10-02</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">0</td></tr>"));
            Assert.That(without, Does.Not.Contain("Engagement from activities"));
        });
    }

    private static DateTime? Time(string text) => text.Length == 0 ? null : DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static (string, string, string) Engagement(Dictionary<string, string> row) =>
        (row[ContactFields.Touchpoints], row[ContactFields.LastTouchpoint], row[ContactFields.Engagement]);
}

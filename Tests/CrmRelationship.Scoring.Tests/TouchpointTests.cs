using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §9 as rule tables: which party rows are touchpoints, how they are weighted and
/// dated, when a contact is noticed; and the touchpoint settings of §8, each refusal naming its key.
/// </summary>
[TestFixture]
public sealed class TouchpointTests
{
    private static readonly DateTime Day = new(2026, 10, 2, 15, 30, 0, DateTimeKind.Utc);

    [TestCase(1, true)]
    [TestCase(2, true)]
    [TestCase(3, true)]
    [TestCase(4, false)]
    [TestCase(5, true)]
    [TestCase(6, true)]
    [TestCase(7, true)]
    [TestCase(8, false)]
    [TestCase(9, false)]
    [TestCase(10, false)]
    [TestCase(11, false)]
    [TestCase(0, false)]
    public void OneCompletedCall_CountsOnlyForTheRolesOfTheModel(int mask, bool counts)
    {
        // Arrange
        var rows = new[] { Row("phonecall", mask) };

        // Act
        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        // Assert
        Assert.That(engagement.Touchpoints, Is.EqualTo(counts ? 1m : (decimal?)null));
    }

    [TestCase(0, false, TestName = "Open_NotATouchpoint")]
    [TestCase(1, true, TestName = "Completed_IsATouchpoint")]
    [TestCase(2, false, TestName = "Canceled_NotATouchpoint")]
    [TestCase(3, false, TestName = "Scheduled_NotATouchpoint")]
    public void StateOfTheActivity_OnlyCompletedCounts(int state, bool counts)
    {
        var rows = new[] { Row("appointment", 5, state: state) };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That(engagement.Activities, Is.EqualTo(counts ? 1 : 0));
    }

    [TestCase("phonecall", "1")]
    [TestCase("appointment", "1")]
    [TestCase("email", "0.5")]
    [TestCase("task", null)]
    [TestCase("new_sitevisit", null)]
    public void DefaultWeights_CallAndMeetingOneEmailHalfOthersNothing(string table, string? expected)
    {
        var engagement = Touchpoints.FromParticipations(new[] { Row(table, 2) }, ScoringSettings.Default);

        Assert.That(engagement.Touchpoints, Is.EqualTo(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void EmailInToAndCc_CountsOnce()
    {
        var id = Guid.NewGuid();
        var rows = new[] { Row("email", 2, id), Row("email", 3, id), Row("email", 1, Guid.NewGuid()) };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That((engagement.Emails, engagement.Touchpoints), Is.EqualTo((2, 1m)));
    }

    [Test]
    public void AppointmentAsOrganizerAndAttendee_CountsOnce()
    {
        var id = Guid.NewGuid();
        var rows = new[] { Row("appointment", 7, id), Row("appointment", 5, id), Row("appointment", 9, id) };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That((engagement.CallsOrMeetings, engagement.Touchpoints), Is.EqualTo((1, 1m)));
    }

    [Test]
    public void RegardingAndOwnerOnly_NoTouchpointAndEverythingEmpty()
    {
        var rows = new[] { Row("phonecall", 8), Row("phonecall", 9) };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That((engagement.Touchpoints, engagement.LastTouchpoint, engagement.Level), Is.EqualTo(((decimal?)null, (DateTime?)null, (Engagement?)null)));
    }

    [Test]
    public void NoActualEnd_DatedByModifiedOn()
    {
        var rows = new[]
        {
            new ActivityParticipation(Guid.NewGuid(), "phonecall", 1, null, new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc), 2),
            new ActivityParticipation(Guid.NewGuid(), "email", 1, new DateTime(2026, 10, 1, 23, 59, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), 1),
        };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That(engagement.LastTouchpoint, Is.EqualTo(new DateTime(2026, 11, 5)));
    }

    [Test]
    public void ActualEndSet_ModifiedOnIgnored()
    {
        var rows = new[] { new ActivityParticipation(Guid.NewGuid(), "phonecall", 1, Day, Day.AddDays(30), 2) };

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That(engagement.LastTouchpoint, Is.EqualTo(new DateTime(2026, 10, 2)));
    }

    [TestCase(13, 6.5, "NotYetNoticed")]
    [TestCase(14, 7, "Noticed")]
    [TestCase(15, 7.5, "Noticed")]
    public void Emails_NoticedFromSevenTouchpoints(int emails, decimal touchpoints, string level)
    {
        var rows = Enumerable.Range(0, emails).Select(_ => Row("email", 2));

        var engagement = Touchpoints.FromParticipations(rows, ScoringSettings.Default);

        Assert.That((engagement.Touchpoints, engagement.Level), Is.EqualTo(((decimal?)touchpoints, (Engagement?)Enum.Parse<Engagement>(level))));
    }

    [Test]
    public void NoticedAfterSetting_MovesTheThreshold()
    {
        var settings = ScoringSettings.Parse("{\"touchpoints\": {\"noticedAfter\": 2.5}}");
        var two = Enumerable.Range(0, 2).Select(_ => Row("phonecall", 1)).ToList();

        var below = Touchpoints.FromParticipations(two, settings);
        var at = Touchpoints.FromParticipations(two.Append(Row("email", 2)), settings);

        Assert.That((below.Level, at.Level), Is.EqualTo(((Engagement?)Engagement.NotYetNoticed, (Engagement?)Engagement.Noticed)));
    }

    [Test]
    public void CustomWeights_NamedKeysOverrideDefaultsAndCustomTableCounts()
    {
        var settings = ScoringSettings.Parse("{\"touchpoints\": {\"activities\": {\"email\": 0, \"new_sitevisit\": 2.5}}}");
        var rows = new[] { Row("email", 2), Row("new_sitevisit", 2), Row("phonecall", 1) };

        var engagement = Touchpoints.FromParticipations(rows, settings);

        Assert.That((engagement.Touchpoints, engagement.Emails, engagement.OtherActivities, engagement.CallsOrMeetings), Is.EqualTo(((decimal?)3.5m, 0, 1, 1)));
    }

    [Test]
    public void WeightZeroTable_ItsDateIsNotTheLastTouchpoint()
    {
        var settings = ScoringSettings.Parse("{\"touchpoints\": {\"activities\": {\"email\": 0}}}");
        var rows = new[]
        {
            new ActivityParticipation(Guid.NewGuid(), "phonecall", 1, Day, null, 2),
            new ActivityParticipation(Guid.NewGuid(), "email", 1, Day.AddDays(3), null, 2),
        };

        var engagement = Touchpoints.FromParticipations(rows, settings);

        Assert.That(engagement.LastTouchpoint, Is.EqualTo(Day.Date));
    }

    [Test]
    public void FromTables_SeveralRowsOfOneTable_AddUp()
    {
        var tables = new[]
        {
            new TableTouchpoints("phonecall", 2, Day),
            new TableTouchpoints("phonecall", 1, Day.AddYears(-1)),
            new TableTouchpoints("email", 3, Day.AddDays(-1)),
        };

        var engagement = Touchpoints.FromTables(tables, ScoringSettings.Default);

        Assert.That((engagement.Touchpoints, engagement.CallsOrMeetings, engagement.Emails, engagement.LastTouchpoint),
            Is.EqualTo(((decimal?)4.5m, 3, 3, (DateTime?)Day.Date)));
    }

    [Test]
    public void FromTables_NegativeCount_RefusedNamingTheTable()
    {
        var error = Assert.Throws<ArgumentException>(() => Touchpoints.FromTables(new[] { new TableTouchpoints("email", -1, Day) }, ScoringSettings.Default));

        Assert.That(error!.Message, Does.Contain("email"));
    }

    [Test]
    public void TouchpointSettingsOmitted_DefaultsOfTheModel()
    {
        var settings = ScoringSettings.Parse("{\"touchpoints\": {}}").Touchpoints;

        Assert.That((settings.WeightOf("phonecall"), settings.WeightOf("appointment"), settings.WeightOf("email"), settings.NoticedAfter, string.Join(",", settings.CountedTables)),
            Is.EqualTo((1m, 1m, 0.5m, 7m, "appointment,email,phonecall")));
    }

    [TestCase("{\"touchpoints\": 3}", "touchpoints")]
    [TestCase("{\"touchpoints\": {\"weights\": {}}}", "touchpoints.weights")]
    [TestCase("{\"touchpoints\": {\"activities\": []}}", "touchpoints.activities")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"email\": 0.3}}}", "touchpoints.activities.email")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"email\": -0.5}}}", "touchpoints.activities.email")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"email\": 10.5}}}", "touchpoints.activities.email")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"email\": \"1\"}}}", "touchpoints.activities.email")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"Email\": 1}}}", "touchpoints.activities.Email")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"new site visit\": 1}}}", "touchpoints.activities.new site visit")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"1call\": 1}}}", "touchpoints.activities.1call")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"\": 1}}}", "touchpoints.activities.")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"new_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": 1}}}", "touchpoints.activities.new_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"activitypointer\": 1}}}", "touchpoints.activities.activitypointer")]
    [TestCase("{\"touchpoints\": {\"noticedAfter\": 0}}", "touchpoints.noticedAfter")]
    [TestCase("{\"touchpoints\": {\"noticedAfter\": 7.25}}", "touchpoints.noticedAfter")]
    [TestCase("{\"touchpoints\": {\"noticedAfter\": 1000.5}}", "touchpoints.noticedAfter")]
    [TestCase("{\"touchpoints\": {\"noticedAfter\": null}}", "touchpoints.noticedAfter")]
    public void TouchpointSettingThatCannotBeRight_RefusedNamingItsKey(string json, string key)
    {
        var error = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json));

        Assert.That(error!.Key, Is.EqualTo(key));
        Assert.That(error.Message, Does.StartWith("Setting '" + key + "' "));
    }

    [TestCase("{\"touchpoints\": {\"activities\": {\"email\": 10, \"phonecall\": 0}, \"noticedAfter\": 1000}}")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"new_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": 0.5}, \"noticedAfter\": 0.5}}")]
    public void TouchpointSettingsAtTheEdges_Accepted(string json)
    {
        Assert.That(() => ScoringSettings.Parse(json), Throws.Nothing);
    }

    [TestCase(null, null, "Touchpoints: none yet; it takes 7 to be noticed. Calls and meetings get there faster than email.")]
    [TestCase("4.5", "2026-10-02", "Touchpoints: 4.5 of the 7 it takes to be noticed; last on 2026-10-02. Calls and meetings get there faster than email.")]
    [TestCase("7", "2026-10-02", "Touchpoints: 7, noticed (it takes 7); last on 2026-10-02. Keep in regular contact.")]
    [TestCase("12.5", "2026-01-31", "Touchpoints: 12.5, noticed (it takes 7); last on 2026-01-31. Keep in regular contact.")]
    public void ContactExplanation_TouchpointLine_FromTheStoredColumns(string? touchpoints, string? last, string line)
    {
        var inputs = new ContactInputs
        {
            Touchpoints = touchpoints is null ? null : decimal.Parse(touchpoints, System.Globalization.CultureInfo.InvariantCulture),
            LastTouchpoint = last is null ? null : DateTime.Parse(last, System.Globalization.CultureInfo.InvariantCulture),
        };

        var score = RelationshipScorer.Default.ScoreContact(inputs, null, Day);

        Assert.That(score.Explanation.Split('\n'), Does.Contain(line));
    }

    [Test]
    public void ContactExplanation_EmailWeightedAsMuchAsCalls_NoFasterSentence()
    {
        var scorer = new RelationshipScorer(ScoringSettings.Parse("{\"touchpoints\": {\"activities\": {\"email\": 1}, \"noticedAfter\": 3}}"));

        var score = scorer.ScoreContact(new ContactInputs { Touchpoints = 2m, LastTouchpoint = Day.Date }, null, Day);

        Assert.That(score.Explanation.Split('\n'), Does.Contain("Touchpoints: 2 of the 3 it takes to be noticed; last on 2026-10-02."));
    }

    [TestCase(null, null, false)]
    [TestCase("6.5", "NotYetNoticed", true)]
    [TestCase("7", "Noticed", false)]
    public void ContactScore_EngagementFromTheStoredTouchpoints(string? touchpoints, string? level, bool notYetNoticed)
    {
        var inputs = new ContactInputs { Touchpoints = touchpoints is null ? null : decimal.Parse(touchpoints, System.Globalization.CultureInfo.InvariantCulture) };

        var score = RelationshipScorer.Default.ScoreContact(inputs, null, Day);

        Assert.That((score.Engagement, score.IsNotYetNoticed), Is.EqualTo((level is null ? (Engagement?)null : Enum.Parse<Engagement>(level), notYetNoticed)));
    }

    [Test]
    public void AccountRollup_LastTouchpointIsTheLatestAndNoticedCountsNoticedContacts_EvenWithNoAssessedContact()
    {
        var contacts = new[]
        {
            new AccountContact { Id = "a", LastTouchpoint = new DateTime(2026, 3, 1), Engagement = Engagement.Noticed },
            new AccountContact { Id = "b", LastTouchpoint = new DateTime(2026, 9, 30), Engagement = Engagement.NotYetNoticed },
            new AccountContact { Id = "c", Engagement = Engagement.Noticed },
            new AccountContact { Id = "d" },
        };

        var account = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, contacts, Day);
        var none = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, contacts.Skip(3), Day);

        Assert.That((account.LastTouchpoint, account.NoticedContacts, account.AssessedContacts, none.LastTouchpoint, none.NoticedContacts),
            Is.EqualTo(((DateTime?)new DateTime(2026, 9, 30), 2, 0, (DateTime?)null, 0)));
    }

    private static ActivityParticipation Row(string table, int mask, Guid? id = null, int state = 1) =>
        new(id ?? Guid.NewGuid(), table, state, Day, Day, mask);

    [TestCase("phonecall", 3, true, "phonecall 3 2026-10-02")]
    [TestCase("phonecall", 3, false, "phonecall 3 2026-11-20")]
    [TestCase(null, 3, true, "none")]
    [TestCase("email", 0, true, "none")]
    [TestCase("email", null, true, "none")]
    public void AggregateGroup_DatedByActualEndUnlessItHasNoYear_ThenByModifiedOn(string? table, int? activities, bool hasYear, string expected)
    {
        // Arrange
        var lastEnd = new DateTime(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc);
        var lastModified = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc);

        // Act
        var group = TouchpointQuery.Group(table, activities, hasYear, lastEnd, lastModified);

        // Assert
        Assert.That(group is null ? "none" : group.Table + " " + group.Activities + " " + group.Last!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [Test]
    public void AggregateQueries_OneContactLinksByExists_AChunkGroupsByParty_BothCountDistinctActivities()
    {
        // Act
        var tables = new List<string> { "phonecall" };
        var one = TouchpointQuery.ForContact(Guid.Empty, tables);
        var chunk = TouchpointQuery.ForContacts(new List<Guid> { Guid.Empty }, tables);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(one, Does.Contain("link-type='exists'").And.Not.Contain("alias='" + TouchpointQuery.ContactAlias + "'"));
            Assert.That(chunk, Does.Contain("link-type='inner' alias='" + TouchpointQuery.PartyAlias + "'").And.Contain("alias='" + TouchpointQuery.ContactAlias + "' groupby='true'"));
            Assert.That(new[] { one, chunk }, Has.All.Contain("aggregate='countcolumn' distinct='true'").And.All.Contain("dategrouping='year'"));
        });
    }
}

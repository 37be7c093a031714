using System;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §4, capture dates: a view captured later than the day after scoring cannot be right and
/// reads as not captured (the explanation says so); a due date past 9999-12-31 is not set; no date throws.
/// </summary>
[TestFixture]
public sealed class CaptureDateTests
{
    private static readonly DateTime LastDay = DateTime.MaxValue.Date;

    [TestCase(null)]
    [TestCase("0001-01-01")]
    [TestCase("2026-03-15")]
    [TestCase("2026-03-16")]
    public void Problem_EmptyPastTodayOrTomorrow_None(string? captured)
    {
        Assert.That(CaptureDates.Problem(Labels.ContactFields.CustomerViewDate, captured is null ? null : Build.Day(captured), Build.Now), Is.Null);
    }

    [TestCase("2026-03-17")]
    [TestCase("9999-12-31")]
    public void Problem_AfterTomorrow_NamesTheInputTheDateAndTheLatestDateAllowed(string captured)
    {
        var problem = CaptureDates.Problem(Labels.ContactFields.CustomerViewDate, Build.Day(captured), Build.Now);

        Assert.That(problem, Is.EqualTo(
            "Customer view captured on " + captured + " is in the future (2026-03-16 is the latest date allowed today): enter the day the customer gave their view"));
    }

    [TestCase("9999-12-30")]
    [TestCase("9999-12-31")]
    public void Problem_OnTheLastDaysOfTheRange_NoneWithoutThrowing(string now)
    {
        Assert.That(CaptureDates.Problem(Labels.AccountFields.CustomerViewDate, LastDay, Build.Day(now).AddHours(23)), Is.Null);
    }

    [Test]
    public void CapturedTomorrow_CountsAsCaptured()
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Partner), view: L.Partner, viewDate: Build.Day("2026-03-16"));

        var score = Build.Score(inputs);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Day("2026-06-16")));
        Assert.That(score.Explanation, Does.Contain("(captured 2026-03-16)").And.Contain("3 months after the view captured on 2026-03-16"));
    }

    [TestCase("2026-03-17")]
    [TestCase("9999-12-31")]
    public void CapturedAfterTomorrow_ReadAsNotCapturedAndTheExplanationSaysSo(string captured)
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Partner), view: L.Service, viewDate: Build.Day(captured), cadence: FeedbackCadence.Yearly);

        var score = Build.Score(inputs);

        Assert.Multiple(() =>
        {
            Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Now.Date), "with a level and no usable capture date, due today");
            Assert.That(score.ExpectationGap, Is.EqualTo(1), "the customer's view still counts; only its date does not");
            Assert.That(score.Explanation, Does.Contain(
                "Next feedback due: 2026-03-15, because Customer view captured on " + captured
                + " is in the future (2026-03-16 is the latest date allowed today), so it is read as not captured."
                + " Correct the date, or ask the customer how they see the relationship."));
            Assert.That(score.Explanation, Does.Contain("the customer sees Service (capture date in the future, read as not captured). Gap score 25."));
        });
    }

    [Test]
    public void CapturedAfterTomorrowWithoutLevel_NoDueDateAndTheExplanationSaysWhy()
    {
        var score = Build.Score(Build.Contact(view: L.Partner, viewDate: Build.Day("2027-01-01")));

        Assert.That(score.NextFeedbackDue, Is.Null);
        Assert.That(score.Explanation, Does.Contain(
            "Next feedback due: not set, because Customer view captured on 2027-01-01 is in the future (2026-03-16 is the latest date allowed today), so it is read as not captured."));
    }

    [TestCase("9999-12-31", FeedbackCadence.Quarterly, 3)]
    [TestCase("9999-10-01", FeedbackCadence.Quarterly, 3)]
    [TestCase("9999-07-01", FeedbackCadence.HalfYearly, 6)]
    [TestCase("9999-01-01", FeedbackCadence.Yearly, 12)]
    public void DueDateAfter9999_12_31_NotSetAndTheExplanationSaysWhy(string captured, FeedbackCadence cadence, int months)
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Partner), view: L.Partner, viewDate: Build.Day(captured), cadence: cadence);

        var score = RelationshipScorer.Default.ScoreContact(inputs, null, LastDay);

        Assert.That(score.NextFeedbackDue, Is.Null);
        Assert.That(score.Explanation, Does.Contain(
            "Next feedback due: not set, because " + months + " months after the view captured on " + captured + " is after 9999-12-31, the last date a date column holds."));
    }

    [TestCase("9999-09-30", FeedbackCadence.Quarterly, "9999-12-30")]
    [TestCase("9999-06-30", FeedbackCadence.HalfYearly, "9999-12-30")]
    [TestCase("9998-12-31", FeedbackCadence.Yearly, "9999-12-31")]
    [TestCase("0001-01-01", FeedbackCadence.Yearly, "0002-01-01")]
    public void DueDateUpTo9999_12_31_IsCalendarMonthsLater(string captured, FeedbackCadence cadence, string expected)
    {
        var inputs = Build.Contact(view: L.Partner, viewDate: Build.Day(captured), cadence: cadence);

        var score = RelationshipScorer.Default.ScoreContact(inputs, null, LastDay);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Day(expected)));
    }

    [Test]
    public void ScoredOnTheLastDay_NothingThrowsAndDueIsThatDay()
    {
        var score = RelationshipScorer.Default.ScoreContact(Build.AtLevel(L.Service), new LevelHistory { StoredLevel = L.Transactional }, DateTime.MaxValue);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(LastDay));
        Assert.That(score.LevelChangedOn, Is.EqualTo(DateTime.MaxValue));
        Assert.That(score.Explanation, Does.Contain("on 9999-12-31."));
    }

    [Test]
    public void AccountViewCapturedAfterTomorrow_ReadAsNotCapturedAndTheExplanationSaysSo()
    {
        var contact = Build.Member("c1", RecommendedAction.HighPotentialLeverage, level: L.Partner);
        var inputs = new AccountInputs { CustomerViewLevel = L.Service, CustomerViewDate = Build.Day("9999-06-01"), FeedbackCadence = FeedbackCadence.Yearly };

        var score = Build.ScoreAccount(new[] { contact }, inputs);

        Assert.Multiple(() =>
        {
            Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Now.Date));
            Assert.That(score.ExpectationGap, Is.EqualTo(1));
            Assert.That(score.Explanation, Does.Contain("the customer sees Service (capture date in the future, read as not captured). Gap score 25."));
            Assert.That(score.Explanation, Does.Contain(
                "Next feedback due: 2026-03-15, because Customer view captured on 9999-06-01 is in the future (2026-03-16 is the latest date allowed today), so it is read as not captured."));
        });
    }

    [Test]
    public void AccountDueDateAfter9999_12_31_NotSetAndTheExplanationSaysWhy()
    {
        var contact = Build.Member("c1", RecommendedAction.HighPotentialLeverage, level: L.Partner);
        var inputs = new AccountInputs { CustomerViewLevel = L.Partner, CustomerViewDate = Build.Day("9999-12-31") };

        var score = RelationshipScorer.Default.ScoreAccount(inputs, new[] { contact }, LastDay);

        Assert.That(score.NextFeedbackDue, Is.Null);
        Assert.That(score.Explanation, Does.Contain("3 months after the view captured on 9999-12-31 is after 9999-12-31, the last date a date column holds."));
    }
}

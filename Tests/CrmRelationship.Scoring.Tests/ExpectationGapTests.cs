using System;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;

namespace CrmRelationship.Scoring.Tests;

/// <summary>relationship-model.md §4: gap, alignment, gap score and next feedback due.</summary>
[TestFixture]
public sealed class ExpectationGapTests
{
    [TestCase(L.Transactional, L.InnerCircle, -4, ExpectationAlignment.Underestimated, 100)]
    [TestCase(L.Service, L.Partner, -1, ExpectationAlignment.Underestimated, 25)]
    [TestCase(L.Partner, L.Partner, 0, ExpectationAlignment.Aligned, 0)]
    [TestCase(L.Advisor, L.Service, 2, ExpectationAlignment.Overestimated, 50)]
    [TestCase(L.InnerCircle, L.Service, 3, ExpectationAlignment.Overestimated, 75)]
    [TestCase(L.InnerCircle, L.Transactional, 4, ExpectationAlignment.Overestimated, 100)]
    [TestCase(L.Transactional, L.Advisor, -3, ExpectationAlignment.Underestimated, 75)]
    public void LevelAndCustomerView_GapAlignmentAndScore(L ours, L customers, int gap, ExpectationAlignment alignment, int gapScore)
    {
        var score = Build.Score(Build.AtLevel(ours, view: customers));

        Assert.That(score.ExpectationGap, Is.EqualTo(gap));
        Assert.That(score.ExpectationAlignment, Is.EqualTo(alignment));
        Assert.That(score.ExpectationGapScore, Is.EqualTo(gapScore));
    }

    [Test]
    public void EveryPairOfLevels_GapIsRungDifferenceAndScoreIs25PerRung()
    {
        for (var our = 1; our <= 5; our++)
        {
            for (var their = 1; their <= 5; their++)
            {
                var score = Build.Score(Build.AtLevel(Model.LevelAt(our), view: Model.LevelAt(their)));

                Assert.That(score.ExpectationGap, Is.EqualTo(our - their));
                Assert.That(score.ExpectationGapScore, Is.EqualTo(25 * Math.Abs(our - their)));
            }
        }
    }

    [Test]
    public void GapWithCaptureDate_ExplanationHasBothLevelsAndTheDate()
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Advisor), view: L.Service, viewDate: Build.Day("2026-01-31"));

        var score = Build.Score(inputs);

        var line = Array.Find(score.Explanation.Split('\n'), l => l.Contains("gap", StringComparison.OrdinalIgnoreCase));
        Assert.That(line, Is.Not.Null);
        Assert.That(line, Does.Contain("Advisor").And.Contain("Service").And.Contain("2026-01-31"));
    }

    [Test]
    public void NoCustomerView_NoGapAndExplanationSaysAskTheCustomer()
    {
        var score = Build.Score(Build.AtLevel(L.Partner));

        Assert.That(score.ExpectationGap, Is.Null);
        Assert.That(score.ExpectationGapScore, Is.Null);
        Assert.That(score.ExpectationAlignment, Is.Null);
        Assert.That(score.Explanation, Does.Contain("Ask the customer how they see the relationship"));
    }

    [Test]
    public void CustomerViewButNoLevel_NoGapAndExplanationSaysTheLevelIsMissing()
    {
        var score = Build.Score(Build.Contact(view: L.Advisor));

        Assert.That(score.ExpectationGap, Is.Null);
        Assert.That(score.ExpectationGapScore, Is.Null);
        Assert.That(score.ExpectationAlignment, Is.Null);
        Assert.That(score.Explanation, Does.Contain("no relationship level").IgnoreCase);
    }

    // Calendar months, clamped to the month's last day (fixed decision: 31 January + 3 months = 30 April).
    [TestCase("2026-01-31", FeedbackCadence.Quarterly, "2026-04-30")]
    [TestCase("2025-08-31", FeedbackCadence.HalfYearly, "2026-02-28")]
    [TestCase("2023-08-31", FeedbackCadence.HalfYearly, "2024-02-29")]
    [TestCase("2024-02-29", FeedbackCadence.Yearly, "2025-02-28")]
    [TestCase("2026-03-10", FeedbackCadence.Quarterly, "2026-06-10")]
    [TestCase("2026-03-10", FeedbackCadence.HalfYearly, "2026-09-10")]
    [TestCase("2026-03-10", FeedbackCadence.Yearly, "2027-03-10")]
    [TestCase("2025-11-30", FeedbackCadence.Quarterly, "2026-02-28")]
    [TestCase("2026-01-31", null, "2026-04-30")] // empty cadence = Quarterly
    [TestCase("2026-03-10", null, "2026-06-10")]
    public void CaptureDateAndCadence_NextFeedbackDueIsCalendarMonthsLater(string captured, FeedbackCadence? cadence, string expected)
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Partner), view: L.Partner, viewDate: Build.Day(captured), cadence: cadence);

        var score = Build.Score(inputs);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Day(expected)));
    }

    [Test]
    public void CaptureDateWithTimeOfDay_NextFeedbackDueIsADate()
    {
        var inputs = Build.Contact(view: L.Partner, viewDate: new DateTime(2026, 1, 31, 18, 45, 0, DateTimeKind.Unspecified), behaviours: Model.BehavioursUpTo(L.Service));

        var score = Build.Score(inputs);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Day("2026-04-30")));
    }

    [Test]
    public void CaptureDateWithoutLevel_NextFeedbackDueStillFromTheCaptureDate()
    {
        var score = Build.Score(Build.Contact(view: L.Partner, viewDate: Build.Day("2026-01-15"), cadence: FeedbackCadence.Yearly));

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Day("2027-01-15")));
    }

    [Test]
    public void NoCaptureDateWithLevel_NextFeedbackDueToday()
    {
        var score = Build.Score(Build.AtLevel(L.Service));

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Now.Date));
    }

    [Test]
    public void NoCaptureDateWithLevelAndCadence_NextFeedbackDueToday()
    {
        var inputs = Build.Contact(behaviours: Model.BehavioursUpTo(L.Service), cadence: FeedbackCadence.Yearly, view: L.Service);

        var score = Build.Score(inputs);

        Assert.That(score.NextFeedbackDue, Is.EqualTo(Build.Now.Date));
    }

    [Test]
    public void NoCaptureDateAndNoLevel_NoNextFeedbackDue()
    {
        var score = Build.Score(Build.Contact(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active, cadence: FeedbackCadence.Quarterly));

        Assert.That(score.NextFeedbackDue, Is.Null);
    }
}

using System;
using System.Globalization;
using CrmRelationship.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;

namespace CrmRelationship.Scoring.Tests.Properties;

/// <summary>A capture date and a time of scoring anywhere in the range a date column holds.</summary>
public sealed record CaptureDateCase(DateOnly Captured, DateOnly Today, TimeOnly Time, FeedbackCadence? Cadence, bool WithLevel)
{
    public DateTime Now => Today.ToDateTime(Time);

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "captured {0} today {1} {2} cadence {3} level {4}", AnyDay.Iso(Captured), AnyDay.Iso(Today), Time, Cadence, WithLevel);
}

/// <summary>FsCheck generators for <see cref="CaptureDateCase"/>: any day of scoring, and capture days near it, at the edges or anywhere.</summary>
public static class CaptureDateGenerators
{
    public static Arbitrary<CaptureDateCase> Cases() =>
        (from today in AnyDay.Near(DateOnly.FromDateTime(DateTime.UtcNow))
         from captured in AnyDay.Near(today)
         from minute in Gen.Choose(0, (24 * 60) - 1)
         from cadence in AnyDay.Cadences
         from withLevel in Gen.Elements(true, false)
         select new CaptureDateCase(captured, today, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)), cadence, withLevel)).ToArbitrary();
}

/// <summary>
/// relationship-model.md §4 for every date: scoring never throws; a view captured later than the day after scoring
/// is a problem naming the input and the date for a caller saving it, and reads as not captured when scored, the
/// explanation naming the input and the date; otherwise next feedback due is the capture date plus the cadence, or
/// not set (and said why) when that is past 9999-12-31.
/// </summary>
[TestFixture]
public sealed class CaptureDateProperties
{
    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(CaptureDateGenerators) }, MaxTest = 1000)]
    public Property Contact_AnyCaptureDate_ScoredAsTheModelSays(CaptureDateCase c)
    {
        var inputs = Build.Contact(
            behaviours: c.WithLevel ? Model.BehavioursUpTo(L.Partner) : null,
            view: L.Service,
            viewDate: c.Captured.ToDateTime(TimeOnly.MinValue),
            cadence: c.Cadence);

        ContactScore score;
        try
        {
            score = RelationshipScorer.Default.ScoreContact(inputs, null, c.Now);
        }
        catch (ArgumentException ex)
        {
            return false.Label("scoring threw " + ex.GetType().Name + ": " + ex.Message);
        }

        return Expected(c, score.NextFeedbackDue, score.Explanation)
            .And(Refused(c, Labels.ContactFields.CustomerViewDate));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(CaptureDateGenerators) }, MaxTest = 1000)]
    public Property Account_AnyOwnCaptureDate_ScoredAsTheModelSays(CaptureDateCase c)
    {
        var contact = Build.Member("c1", RecommendedAction.HighPotentialLeverage, level: c.WithLevel ? L.Partner : null);
        var inputs = new AccountInputs { CustomerViewLevel = L.Service, CustomerViewDate = c.Captured.ToDateTime(TimeOnly.MinValue), FeedbackCadence = c.Cadence };

        AccountScore score;
        try
        {
            score = RelationshipScorer.Default.ScoreAccount(inputs, new[] { contact }, c.Now);
        }
        catch (ArgumentException ex)
        {
            return false.Label("scoring threw " + ex.GetType().Name + ": " + ex.Message);
        }

        return Expected(c, score.NextFeedbackDue, score.Explanation)
            .And(Refused(c, Labels.AccountFields.CustomerViewDate));
    }

    /// <summary>What a caller saving the date is told: a problem naming the input and the date exactly when it is in the future.</summary>
    private static Property Refused(CaptureDateCase c, string label)
    {
        var problem = CaptureDates.Problem(label, c.Captured.ToDateTime(TimeOnly.MinValue), c.Now);
        return AnyDay.IsAfterTomorrow(c.Captured, c.Today)
            ? (problem is not null && problem.StartsWith(label + " " + AnyDay.Iso(c.Captured) + " is in the future (", StringComparison.Ordinal))
                .Label("the problem names the input and the date: " + problem)
            : (problem is null).Label("no problem with a date that is not in the future: " + problem);
    }

    private static Property Expected(CaptureDateCase c, DateTime? due, string explanation)
    {
        var captured = AnyDay.Iso(c.Captured);
        var months = AnyDay.Months(c.Cadence);
        if (AnyDay.IsAfterTomorrow(c.Captured, c.Today))
        {
            var expectedDue = c.WithLevel ? c.Today.ToDateTime(TimeOnly.MinValue) : (DateTime?)null;
            return (due == expectedDue).Label("read as not captured: due " + due + ", expected " + expectedDue)
                .And(explanation.Contains("Customer view captured on " + captured + " is in the future", StringComparison.Ordinal)
                    .Label("the explanation names the input and the date: " + explanation));
        }

        if (AnyDay.PlusMonths(c.Captured, months) is { } fits)
        {
            return (due == fits.ToDateTime(TimeOnly.MinValue)).Label("due " + due + ", expected " + AnyDay.Iso(fits))
                .And(explanation.Contains(months + " months after the view captured on " + captured + " (", StringComparison.Ordinal)
                    .Label("the explanation gives the capture date: " + explanation));
        }

        return (due is null).Label("past 9999-12-31: no due date, got " + due)
            .And(explanation.Contains(months + " months after the view captured on " + captured + " is after 9999-12-31", StringComparison.Ordinal)
                .Label("the explanation says why: " + explanation));
    }
}

using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// The expectation gap (relationship-model.md §4): how far our level is from the customer's view,
/// and when to ask the customer again.
/// </summary>
public static class ExpectationGap
{
    /// <summary>Our rung minus the customer's rung, or null when either is unknown.</summary>
    public static int? Gap(RelationshipLevel? ours, RelationshipLevel? customers) =>
        ours is null || customers is null ? null : Ladder.Rung(ours.Value) - Ladder.Rung(customers.Value);

    /// <summary>25 × |gap|.</summary>
    public static int Score(int gap) => 25 * Math.Abs(gap);

    public static ExpectationAlignment Alignment(int gap) =>
        gap > 0 ? ExpectationAlignment.Overestimated
        : gap < 0 ? ExpectationAlignment.Underestimated
        : ExpectationAlignment.Aligned;

    /// <summary>Calendar months between feedback conversations.</summary>
    public static int Months(FeedbackCadence? cadence) =>
        cadence switch
        {
            FeedbackCadence.HalfYearly => 6,
            FeedbackCadence.Yearly => 12,
            _ => 3,
        };

    /// <summary>
    /// Capture date + cadence in calendar months (31 January + 3 months = 30 April), or none when that is
    /// after 9999-12-31; with no capture date but a level, due today; otherwise none. A capture date in the
    /// future (<see cref="CaptureDates"/>) is the caller's to leave out.
    /// </summary>
    public static DateTime? NextFeedbackDue(DateTime? capturedOn, FeedbackCadence? cadence, bool hasLevel, DateTime today)
    {
        if (capturedOn is { } captured)
        {
            return PlusMonths(captured.Date, Months(cadence));
        }

        return hasLevel ? today.Date : null;
    }

    /// <summary>The day plus whole calendar months, or null when that is after 9999-12-31 (where AddMonths throws).</summary>
    private static DateTime? PlusMonths(DateTime day, int months) =>
        (day.Year * 12) + day.Month - 1 + months <= (DateTime.MaxValue.Year * 12) + 11 ? day.AddMonths(months) : null;
}

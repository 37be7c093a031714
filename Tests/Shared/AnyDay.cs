using System;
using FsCheck;
using FsCheck.Fluent;

namespace CrmRelationship.Tests.Shared;

/// <summary>
/// Days for the capture-date properties (relationship-model.md §4), over the whole range a date column can be
/// given: uniform from 0001-01-01 to 9999-12-31, the edges of that range and of a due date that still fits
/// (the last capture days for 12, 6 and 3 months and the days after them), and the days around a given "today",
/// where the rule "at most the day after scoring" decides. Linked into the Scoring, plug-in and offline tests.
/// </summary>
internal static class AnyDay
{
    /// <summary>The ends of the range and the days on either side of the last due date that fits.</summary>
    public static readonly DateOnly[] Edges =
    {
        DateOnly.MinValue,
        DateOnly.MinValue.AddDays(1),
        new(1752, 12, 31),
        new(1753, 1, 1),
        new(9998, 12, 31),
        new(9999, 1, 1),
        new(9999, 6, 30),
        new(9999, 7, 1),
        new(9999, 9, 30),
        new(9999, 10, 1),
        DateOnly.MaxValue.AddDays(-1),
        DateOnly.MaxValue,
    };

    /// <summary>Any day of the range, each equally likely.</summary>
    public static Gen<DateOnly> Uniform =>
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>From three days before <paramref name="today"/> to three after, kept within the range.</summary>
    public static Gen<DateOnly> Around(DateOnly today) =>
        Gen.Choose(-3, 3).Select(offset => DateOnly.FromDayNumber(
            Math.Clamp(today.DayNumber + offset, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)));

    /// <summary>Uniform days, edge days and days around <paramref name="today"/>.</summary>
    public static Gen<DateOnly> Near(DateOnly today) =>
        Gen.Frequency((4, Uniform), (2, Gen.Elements(Edges)), (3, Around(today)));

    /// <summary>The feedback cadences, empty (quarterly) included.</summary>
    public static Gen<Scoring.FeedbackCadence?> Cadences =>
        Gen.Elements<Scoring.FeedbackCadence?>(null, Scoring.FeedbackCadence.Quarterly, Scoring.FeedbackCadence.HalfYearly, Scoring.FeedbackCadence.Yearly);

    /// <summary>Calendar months between feedback conversations, as relationship-model.md §4 states them.</summary>
    public static int Months(Scoring.FeedbackCadence? cadence) =>
        cadence switch
        {
            Scoring.FeedbackCadence.HalfYearly => 6,
            Scoring.FeedbackCadence.Yearly => 12,
            _ => 3,
        };

    /// <summary>True when the view captured on <paramref name="captured"/> is later than the day after <paramref name="today"/>.</summary>
    public static bool IsAfterTomorrow(DateOnly captured, DateOnly today) => captured.DayNumber > today.DayNumber + 1;

    /// <summary><paramref name="captured"/> plus <paramref name="months"/> calendar months, or null past 9999-12-31.</summary>
    public static DateOnly? PlusMonths(DateOnly captured, int months) =>
        (captured.Year * 12) + captured.Month - 1 + months <= (9999 * 12) + 11 ? captured.AddMonths(months) : null;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

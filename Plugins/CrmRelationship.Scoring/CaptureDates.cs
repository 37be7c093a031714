using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// The capture date of a customer view (relationship-model.md §4): a view can have been captured on the day after
/// the day of scoring at the latest, since a seller east of UTC is already on the next day; a later date cannot be
/// right. The record being saved is refused with <see cref="Problem"/>; scoring reads such a date, stored on a
/// record, as not captured and the explanation says so. Days are compared as day numbers, so no date throws.
/// </summary>
public static class CaptureDates
{
    /// <summary>True when <paramref name="capturedOn"/> is later than the day after the day of <paramref name="now"/>.</summary>
    public static bool IsInTheFuture(DateTime capturedOn, DateTime now) => DayNumber(capturedOn) > DayNumber(now) + 1;

    /// <summary>
    /// Why a capture date cannot be right, naming the input by <paramref name="label"/> (the column's display label,
    /// from <see cref="Labels.ContactFields"/> or <see cref="Labels.AccountFields"/>) and saying what to do, without a
    /// final full stop so that each caller can end it as its messages end: "Customer view captured on 9999-12-31 is in
    /// the future (2026-03-16 is the latest date allowed today): enter the day the customer gave their view".
    /// Null when the date is empty or not in the future.
    /// </summary>
    public static string? Problem(string label, DateTime? capturedOn, DateTime now)
    {
        if (capturedOn is not { } captured || !IsInTheFuture(captured, now))
        {
            return null;
        }

        var sink = new StringExplanationSink();
        var writer = new ExplanationWriter(sink);
        writer.Line(string.Empty);
        WriteInTheFuture(label, captured, now, ref writer);
        writer.Text(": enter the day the customer gave their view");
        writer.End();
        return sink.ToString();
    }

    /// <summary>"Customer view captured on 9999-12-31 is in the future (2026-03-16 is the latest date allowed today)"; only for a date in the future.</summary>
    internal static void WriteInTheFuture(string label, DateTime capturedOn, DateTime now, ref ExplanationWriter w)
    {
        w.Text(label);
        w.Char(' ');
        w.Date(capturedOn);
        w.Text(" is in the future (");

        // The day after today is before the capture date, so it is a date: adding the day cannot overflow.
        w.Date(now.Date.AddDays(1));
        w.Text(" is the latest date allowed today)");
    }

    private static long DayNumber(DateTime value) => value.Ticks / TimeSpan.TicksPerDay;
}

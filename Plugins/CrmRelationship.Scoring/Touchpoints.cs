using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Scoring;

/// <summary>
/// One <c>activityparty</c> row of one contact with the activity it belongs to: the offline scorer's
/// activities.csv row per party, or a test's. <paramref name="Table"/> is the activity table's logical name
/// (<c>activitytypecode</c>); <paramref name="ParticipationMask"/> the contact's role in the activity.
/// </summary>
public sealed record ActivityParticipation(Guid ActivityId, string Table, int StateCode, DateTime? ActualEnd, DateTime? ModifiedOn, int ParticipationMask);

/// <summary>
/// The touchpoints of one contact in one activity table, already counted: how many distinct completed
/// activities and the latest touchpoint time (<c>actualend</c>, else <c>modifiedon</c>). The plug-in's
/// aggregate query gives these rows; one table may come in several rows, which add up.
/// </summary>
public sealed record TableTouchpoints(string Table, int Activities, DateTime? Last);

/// <summary>A contact's engagement from activities (relationship-model.md §9), written to its three touchpoint columns.</summary>
public sealed class ContactEngagement
{
    public static ContactEngagement None { get; } = new ContactEngagement();

    /// <summary>The weighted count of the touchpoints; null without any touchpoint.</summary>
    public decimal? Touchpoints { get; init; }

    /// <summary>The date (midnight, unspecified kind) of the latest touchpoint; null without one.</summary>
    public DateTime? LastTouchpoint { get; init; }

    /// <summary>Noticed or Not yet noticed; null without any touchpoint.</summary>
    public Engagement? Level { get; init; }

    /// <summary>Touchpoints that are phone calls or appointments.</summary>
    public int CallsOrMeetings { get; init; }

    public int Emails { get; init; }

    /// <summary>Touchpoints of the custom activity tables named in the settings.</summary>
    public int OtherActivities { get; init; }

    /// <summary>Every touchpoint, each activity once.</summary>
    public int Activities => CallsOrMeetings + Emails + OtherActivities;
}

/// <summary>
/// The touchpoint count of relationship-model.md §9, with two entry points and one rule: from per-table
/// aggregates (the plug-in's FetchXML answer) and from party rows (the offline scorer), which counts each
/// completed activity once and then goes through the same per-table arithmetic.
/// </summary>
public static class Touchpoints
{
    /// <summary>The roles that count: sender, To, CC, required attendee, optional attendee, organizer (never BCC 4, Regarding 8, Owner 9).</summary>
    public static readonly IReadOnlyList<int> CountedMasks = new[] { 1, 2, 3, 5, 6, 7 };

    /// <summary>True when a contact in this role takes part in the activity (relationship-model.md §9).</summary>
    public static bool IsCountedMask(int participationMask) => CountedMasks.Contains(participationMask);

    /// <summary>Noticed from <see cref="TouchpointSettings.NoticedAfter"/>, else Not yet noticed; null without touchpoints.</summary>
    public static Engagement? LevelFor(decimal? touchpoints, TouchpointSettings settings)
    {
        if (settings is null) { throw new ArgumentNullException(nameof(settings)); }
        if (touchpoints is not { } count)
        {
            return null;
        }

        return count >= settings.NoticedAfter ? Engagement.Noticed : Engagement.NotYetNoticed;
    }

    /// <summary>The engagement of one contact from its per-table counts. Tables with no weight are not touchpoints.</summary>
    public static ContactEngagement FromTables(IEnumerable<TableTouchpoints> tables, ScoringSettings settings)
    {
        if (tables is null) { throw new ArgumentNullException(nameof(tables)); }
        if (settings is null) { throw new ArgumentNullException(nameof(settings)); }

        var weights = settings.Touchpoints;
        decimal total = 0m;
        DateTime? last = null;
        int callsOrMeetings = 0, emails = 0, other = 0;
        foreach (var table in tables)
        {
            if (table is null) { throw new ArgumentException("A table count is null.", nameof(tables)); }
            if (table.Activities < 0)
            {
                throw new ArgumentException("The count of " + table.Table + " activities is below 0.", nameof(tables));
            }

            var weight = weights.WeightOf(table.Table);
            if (weight == 0m || table.Activities == 0)
            {
                continue;
            }

            total += weight * table.Activities;
            switch (table.Table)
            {
                case LogicalNames.Activities.PhoneCall:
                case LogicalNames.Activities.Appointment:
                    callsOrMeetings += table.Activities;
                    break;
                case LogicalNames.Activities.Email:
                    emails += table.Activities;
                    break;
                default:
                    other += table.Activities;
                    break;
            }

            if (table.Last is { } time && (last is null || UtcDate(time) > last.Value))
            {
                last = UtcDate(time);
            }
        }

        if (callsOrMeetings + emails + other == 0)
        {
            return ContactEngagement.None;
        }

        return new ContactEngagement
        {
            Touchpoints = total,
            LastTouchpoint = last,
            Level = LevelFor(total, weights),
            CallsOrMeetings = callsOrMeetings,
            Emails = emails,
            OtherActivities = other,
        };
    }

    /// <summary>
    /// The engagement of one contact from its party rows: keeps completed activities in which the contact has a
    /// counted role, counts each activity once, and groups them by table for <see cref="FromTables"/>.
    /// </summary>
    public static ContactEngagement FromParticipations(IEnumerable<ActivityParticipation> participations, ScoringSettings settings)
    {
        if (participations is null) { throw new ArgumentNullException(nameof(participations)); }
        if (settings is null) { throw new ArgumentNullException(nameof(settings)); }

        var seen = new HashSet<Guid>();
        var tables = new Dictionary<string, TableSum>(StringComparer.Ordinal);
        foreach (var row in participations)
        {
            if (row is null) { throw new ArgumentException("A participation row is null.", nameof(participations)); }
            if (row.StateCode != LogicalNames.Activities.CompletedState || !IsCountedMask(row.ParticipationMask)
                || row.Table is null || !seen.Add(row.ActivityId))
            {
                continue;
            }

            if (!tables.TryGetValue(row.Table, out var sum))
            {
                sum = new TableSum();
                tables.Add(row.Table, sum);
            }

            sum.Activities++;
            sum.Last = Later(sum.Last, row.ActualEnd ?? row.ModifiedOn);
        }

        return FromTables(tables.Select(t => new TableTouchpoints(t.Key, t.Value.Activities, t.Value.Last)), settings);
    }

    /// <summary>The UTC day of a time: an unspecified kind is taken as UTC, as Dataverse returns it.</summary>
    public static DateTime UtcDate(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return DateTime.SpecifyKind(utc.Date, DateTimeKind.Unspecified);
    }

    private static DateTime? Later(DateTime? a, DateTime? b) =>
        a is null ? b : b is null ? a : (UtcDate(a.Value) >= UtcDate(b.Value) ? a : b);

    private sealed class TableSum
    {
        public int Activities { get; set; }

        public DateTime? Last { get; set; }
    }
}

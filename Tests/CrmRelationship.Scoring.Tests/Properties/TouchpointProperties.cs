using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests.Properties;

/// <summary>The party rows of one contact, drawn from a few activities so that rows repeat an activity, and weights.</summary>
public sealed record TouchpointCase(IReadOnlyList<ActivityParticipation> Rows, decimal CallWeight, decimal EmailWeight, decimal NoticedAfter)
{
    public ScoringSettings Settings => ScoringSettings.Parse(string.Format(
        CultureInfo.InvariantCulture,
        "{{\"touchpoints\": {{\"activities\": {{\"phonecall\": {0}, \"email\": {1}, \"new_sitevisit\": 2}}, \"noticedAfter\": {2}}}}}",
        CallWeight,
        EmailWeight,
        NoticedAfter));

    public override string ToString() =>
        "call " + CallWeight + " email " + EmailWeight + " noticed " + NoticedAfter + " rows [" + string.Join("; ", Rows.Select(r =>
            string.Format(CultureInfo.InvariantCulture, "{0}:{1}/s{2}/m{3}/{4:yyyy-MM-dd}/{5:yyyy-MM-dd}", r.ActivityId.ToString()[..4], r.Table, r.StateCode, r.ParticipationMask, r.ActualEnd, r.ModifiedOn))) + "]";
}

/// <summary>FsCheck generators for <see cref="TouchpointCase"/>.</summary>
public static class TouchpointGenerators
{
    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Tables = { "phonecall", "appointment", "email", "task", "new_sitevisit" };

    public static Arbitrary<TouchpointCase> Cases()
    {
        // Each activity keeps its table, state and dates across its rows, as in Dataverse.
        var activity =
            from n in Gen.Choose(0, 11)
            from table in Gen.Elements(Tables)
            from state in Gen.Choose(0, 3)
            from end in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 1000).Select(d => (int?)d))
            from modified in Gen.Choose(0, 1000)
            select (Id: new Guid(n + 1, 0, 0, new byte[8]), Table: table, State: state, End: end, Modified: modified);
        var row =
            from a in activity
            from mask in Gen.Choose(1, 11)
            select new ActivityParticipation(a.Id, a.Table, a.State, a.End is { } e ? Epoch.AddDays(e).AddHours(a.Modified % 24) : null, Epoch.AddDays(a.Modified), mask);
        var halfSteps = Gen.Choose(0, 20).Select(h => h / 2m);
        return (from rows in Gen.ListOf(row)
                from call in halfSteps
                from email in halfSteps
                from noticed in Gen.Choose(1, 40).Select(h => h / 2m)
                select new TouchpointCase(Consistent(rows), call, email, noticed)).ToArbitrary();
    }

    // Rows generated for the same activity id get the first row's table, state and dates.
    private static List<ActivityParticipation> Consistent(IEnumerable<ActivityParticipation> rows)
    {
        var first = new Dictionary<Guid, ActivityParticipation>();
        return rows.Select(r => first.TryGetValue(r.ActivityId, out var f) ? f with { ParticipationMask = r.ParticipationMask } : first[r.ActivityId] = r).ToList();
    }
}

/// <summary>relationship-model.md §9 for every set of party rows, against a direct reading of the rules.</summary>
[TestFixture]
public sealed class TouchpointProperties
{
    private static readonly int[] Counted = { 1, 2, 3, 5, 6, 7 };

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(TouchpointGenerators) }, MaxTest = 500)]
    public Property Touchpoints_AreTheWeightedCountOfDistinctCompletedActivitiesInACountedRole(TouchpointCase c)
    {
        var settings = c.Settings;
        var touchpoints = c.Rows
            .Where(r => r.StateCode == 1 && Counted.Contains(r.ParticipationMask) && settings.Touchpoints.WeightOf(r.Table) > 0)
            .GroupBy(r => r.ActivityId)
            .Select(g => g.First())
            .ToList();
        decimal? expected = touchpoints.Count == 0 ? null : touchpoints.Sum(r => settings.Touchpoints.WeightOf(r.Table));
        DateTime? last = touchpoints.Count == 0 ? null : touchpoints.Max(r => (r.ActualEnd ?? r.ModifiedOn)!.Value.Date);

        var engagement = Touchpoints.FromParticipations(c.Rows, settings);

        return (engagement.Touchpoints == expected).Label("touchpoints " + engagement.Touchpoints + " expected " + expected)
            .And((engagement.LastTouchpoint == last).Label("last " + engagement.LastTouchpoint + " expected " + last))
            .And((engagement.Activities == touchpoints.Count).Label("activities"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(TouchpointGenerators) }, MaxTest = 300)]
    public Property Engagement_NoticedExactlyFromTheThreshold_EmptyWithoutTouchpoints(TouchpointCase c)
    {
        var engagement = Touchpoints.FromParticipations(c.Rows, c.Settings);

        Engagement? expected = engagement.Touchpoints is not { } t ? null : t >= c.NoticedAfter ? Engagement.Noticed : Engagement.NotYetNoticed;
        return (engagement.Level == expected).Label("level " + engagement.Level)
            .And(((engagement.Touchpoints is null) == (engagement.LastTouchpoint is null)).Label("touchpoints and last both or neither"))
            .And((engagement.Touchpoints is null || engagement.Touchpoints * 2 == Math.Floor(engagement.Touchpoints.Value * 2)).Label("steps of 0.5"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(TouchpointGenerators) }, MaxTest = 300)]
    public Property RowsRepeatedOrReordered_SameEngagement(TouchpointCase c)
    {
        var once = Touchpoints.FromParticipations(c.Rows, c.Settings);
        var twiceReversed = Touchpoints.FromParticipations(c.Rows.Concat(c.Rows).Reverse(), c.Settings);

        return (once.Touchpoints == twiceReversed.Touchpoints && once.LastTouchpoint == twiceReversed.LastTouchpoint
                && once.Level == twiceReversed.Level && once.Activities == twiceReversed.Activities).Label("same result");
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(TouchpointGenerators) }, MaxTest = 300)]
    public Property FromTables_OfTheDistinctActivitiesPerTable_EqualsFromParticipations(TouchpointCase c)
    {
        // The plug-in's aggregate answer: per table, distinct completed activities in a counted role and the latest date.
        var tables = c.Rows
            .Where(r => r.StateCode == 1 && Counted.Contains(r.ParticipationMask))
            .GroupBy(r => r.ActivityId).Select(g => g.First())
            .GroupBy(r => r.Table)
            .Select(g => new TableTouchpoints(g.Key, g.Count(), g.Max(r => r.ActualEnd ?? r.ModifiedOn)));

        var fromTables = Touchpoints.FromTables(tables, c.Settings);
        var fromRows = Touchpoints.FromParticipations(c.Rows, c.Settings);

        return (fromTables.Touchpoints == fromRows.Touchpoints && fromTables.LastTouchpoint == fromRows.LastTouchpoint
                && fromTables.Level == fromRows.Level && fromTables.CallsOrMeetings == fromRows.CallsOrMeetings
                && fromTables.Emails == fromRows.Emails && fromTables.OtherActivities == fromRows.OtherActivities).Label("same result");
    }
}

using System.Collections.Generic;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// Compares a record's stored computed columns with a fresh score, column by column through the Scoring library's
/// <see cref="ScoreColumns"/> table, as the plug-ins compare before they write. Scored on is never compared.
/// </summary>
internal static class ScoreDiff
{
    public static List<ColumnChange>? Of<TScore>(ScoreColumn<TScore>[] columns, TScore score, StoredRecord stored, ComputedValues values)
    {
        List<ColumnChange>? changes = null;
        foreach (var column in columns)
        {
            if (!WebApiNames.IsCompared(column.Name))
            {
                continue;
            }

            var computed = values.Of(column, score);
            var old = stored.Stored(column.Name, computed.Kind);
            if (!old.SameAs(computed, column.Name))
            {
                (changes ??= new List<ColumnChange>()).Add(new ColumnChange(column.Name, old, computed));
            }
        }

        return changes;
    }

    /// <summary>
    /// The contact's three touchpoint columns that differ from its recounted engagement (relationship-model.md §9), compared
    /// as the activity plug-in compares them before it writes; null when none does.
    /// </summary>
    public static List<ColumnChange>? OfEngagement(ContactEngagement engagement, StoredRecord stored)
    {
        var computed = new[]
        {
            (LogicalNames.Touchpoints.Count, new ColumnValue(ColumnKind.DecimalNumber, null, null, null, null, null, engagement.Touchpoints)),
            (LogicalNames.Touchpoints.LastTouchpoint, new ColumnValue(ColumnKind.Date, null, engagement.LastTouchpoint, null, null, null)),
            (LogicalNames.Touchpoints.Engagement, new ColumnValue(
                ColumnKind.Choice, (int?)engagement.Level, null, null, null, engagement.Level is { } level ? Labels.Of(level) : null)),
        };
        List<ColumnChange>? changes = null;
        foreach (var (column, value) in computed)
        {
            var old = stored.Stored(column, value.Kind);
            if (!old.SameAs(value, column))
            {
                (changes ??= new List<ColumnChange>()).Add(new ColumnChange(column, old, value));
            }
        }

        return changes;
    }

    /// <summary>Whether a record read back now holds every computed value of <paramref name="change"/>.</summary>
    public static bool Holds(RecordChange change, StoredRecord stored)
    {
        foreach (var column in change.Columns)
        {
            if (!stored.Stored(column.Column, column.Computed.Kind).SameAs(column.Computed, column.Column))
            {
                return false;
            }
        }

        return true;
    }
}

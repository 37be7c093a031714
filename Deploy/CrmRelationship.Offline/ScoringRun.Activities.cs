using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>
/// The activities pass (relationship-model.md §9): read before the contacts, each accepted row becomes one
/// <see cref="ActivityParticipation"/> per contact party, kept by contact id until that contact is scored; a row that
/// cannot be right is rejected with every problem named, as a contact row is.
/// </summary>
internal sealed partial class ScoringRun
{
    private static readonly List<ActivityParticipation> NoParticipations = new(0);

    private readonly Dictionary<string, List<ActivityParticipation>> participations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, long> activityLines = new();
    private EngagementCounts engagementTotals = EngagementCounts.Zero;
    private long activityRows;

    private void ReadActivities(CsvReader reader, ActivityRowReader rows, string file)
    {
        readingFile = file;
        var row = new CsvRow();
        var byContact = participations.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.Read(row))
        {
            activityRows++;
            problems.Clear();
            var syntax = ValueReader.Syntax(row, rows.Layout);
            if (syntax is not null)
            {
                problems.Add(syntax);
                Reject(file, row, rows.ActivityId);
                continue;
            }

            var activity = rows.Read(row, problems);
            if (activity.Id != Guid.Empty && activityLines.TryGetValue(activity.Id, out var firstLine))
            {
                problems.Add(ActivityColumns.ActivityId + " " + ValueReader.Quote(row[rows.ActivityId].Trim()) + " is already used on line "
                    + firstLine.ToString(CultureInfo.InvariantCulture) + "; the first row with this id is kept");
            }

            if (problems.Count > 0)
            {
                Reject(file, row, rows.ActivityId);
                continue;
            }

            activityLines.Add(activity.Id, row.Line);
            foreach (var party in activity.Parties)
            {
                if (!byContact.TryGetValue(party.ContactId, out var list))
                {
                    list = new List<ActivityParticipation>(4);
                    participations.Add(party.ContactId, list);
                }

                list.Add(new ActivityParticipation(activity.Id, activity.Table, activity.State, activity.ActualEnd, activity.ModifiedOn, party.Mask));
            }
        }
    }

    /// <summary>The contact's engagement from its party rows, which are then let go; every party row of a contact not in the file stays behind.</summary>
    private ContactEngagement EngagementOf(ReadOnlySpan<char> contactId)
    {
        var byContact = participations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!byContact.Remove(contactId, out _, out var list))
        {
            list = NoParticipations;
        }

        return Touchpoints.FromParticipations(list, settings);
    }

    private void OpenActivities(string path)
    {
        var reader = Track(OfflineFiles.OpenCsv(path, "activities", ScoreInputChoice.ActivitiesPath), path);
        var layout = OfflineFiles.ReadHeader(reader, path, "activities", [.. ActivityColumns.All], Array.Empty<string>(), Array.Empty<string>());
        activitiesInput = (reader, new ActivityRowReader(layout), Path.GetFileName(path));
    }
}

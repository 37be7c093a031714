using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Steps;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Export;

/// <summary>
/// The activities of the counted tables (relationship-model.md §9) as <c>crmrel export</c> reads them: every activity of
/// those tables, completed or not, from <c>activitypointers</c> with its party rows expanded
/// (<c>activitypointer_activity_parties</c>), paged by <c>@odata.nextLink</c>; the contact parties make one
/// activities.csv row in the columns of <see cref="ActivityColumns"/>.
/// </summary>
public static class ActivityQuery
{
    public const string PartiesNavigation = "activitypointer_activity_parties";
    private const string PartyProperty = "_partyid_value";

    /// <summary>
    /// The tables whose activities count under the environment's step settings: those weighted above 0 by any step
    /// whose configuration is valid, else the defaults (phonecall, appointment, email).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CountedTablesAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var steps = await PluginSteps.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var groups = StepConfigurations.Of(steps).Groups;
        var tables = groups.Count == 0
            ? TouchpointSettings.Default.CountedTables
            : groups.SelectMany(g => g.Settings.Touchpoints.CountedTables).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToList();
        return tables;
    }

    /// <summary>The query of one page: the activity columns, the tables by <c>In</c>, the party rows expanded.</summary>
    public static string Query(IReadOnlyList<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var select = string.Join(",", Names.Activities.ActivityId, Names.Activities.ActivityTypeCode, Names.Activities.StateCode, Names.Activities.ActualEnd, Names.Activities.ModifiedOn);
        var filter = "Microsoft.Dynamics.CRM.In(PropertyName='" + Names.Activities.ActivityTypeCode + "',PropertyValues=["
            + string.Join(",", tables.Select(t => "'" + t + "'")) + "])";
        return WebApiNames.ActivityPointers + "?$select=" + select + "&$filter=" + Uri.EscapeDataString(filter)
            + "&$expand=" + PartiesNavigation + "($select=" + PartyProperty + "," + Names.Activities.ParticipationTypeMask + ")";
    }

    /// <summary>The activities.csv row of one activity, or null when no contact takes part in it (no contact's count can change).</summary>
    public static string?[]? Row(JsonElement activity)
    {
        var parties = new List<string>();
        if (activity.TryGetProperty(PartiesNavigation, out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            foreach (var party in rows.EnumerateArray())
            {
                var table = party.TryGetProperty(PartyProperty + "@" + WebApiNames.LookupLogicalName, out var t) ? t.GetString() : null;
                if (table == Names.Contact && party.TryGetProperty(PartyProperty, out var id) && id.TryGetGuid(out var contactId)
                    && party.TryGetProperty(Names.Activities.ParticipationTypeMask, out var mask) && mask.TryGetInt32(out var value))
                {
                    parties.Add(ActivityColumns.Party(contactId, value));
                }
            }
        }

        if (parties.Count == 0)
        {
            return null;
        }

        var record = new StoredRecord(activity);
        return
        [
            record.Id(Names.Activities.ActivityId)?.ToString("D"),
            record.Text(Names.Activities.ActivityTypeCode),
            record.Number(Names.Activities.StateCode) is { } state ? ActivityColumns.StateLabel(state) : null,
            Offline.InputFiles.DateAndTime(record.Date(Names.Activities.ActualEnd)),
            Offline.InputFiles.DateAndTime(record.Date(Names.Activities.ModifiedOn)),
            ActivityColumns.Parties(parties),
        ];
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// The activities file of <c>crmrel score --activities</c> and <c>crmrel export</c> (relationship-model.md §9): one row per
/// activity with its table, state, dates and the contacts that take part in it, each as <c>contactid:mask</c>.
/// </summary>
public static class ActivityColumns
{
    public const string ActivityId = LogicalNames.Activities.ActivityId;
    public const string ActivityTypeCode = LogicalNames.Activities.ActivityTypeCode;
    public const string StateCode = LogicalNames.Activities.StateCode;
    public const string ActualEnd = LogicalNames.Activities.ActualEnd;
    public const string ModifiedOn = LogicalNames.Activities.ModifiedOn;

    /// <summary>The contact parties: <c>contactid:participationtypemask</c> items separated by ';'.</summary>
    public const string PartyIds = "partyids";

    /// <summary>Separates the parties of one activity.</summary>
    public const char PartySeparator = ';';

    /// <summary>Separates a party's contact id from its participationtypemask.</summary>
    public const char MaskSeparator = ':';

    /// <summary>Every column, in the order crmrel export writes them; all are required.</summary>
    public static IReadOnlyList<string> All { get; } = [ActivityId, ActivityTypeCode, StateCode, ActualEnd, ModifiedOn, PartyIds];

    /// <summary>The labels of activitypointer's statecode, by value (0 Open, 1 Completed, 2 Canceled, 3 Scheduled).</summary>
    public static IReadOnlyList<string> StateLabels { get; } = ["Open", "Completed", "Canceled", "Scheduled"];

    /// <summary>The highest participationtypemask Dataverse defines (13, Related).</summary>
    public const int MaxMask = 13;

    /// <summary>The label of a statecode value; the number itself for a value without a label.</summary>
    public static string StateLabel(int state) =>
        state >= 0 && state < StateLabels.Count ? StateLabels[state] : state.ToString(CultureInfo.InvariantCulture);

    /// <summary>One party as the file writes it: <c>contactid:mask</c>.</summary>
    public static string Party(Guid contactId, int mask) =>
        contactId.ToString("D", CultureInfo.InvariantCulture) + MaskSeparator + mask.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parties of one activity joined by ';'.</summary>
    public static string Parties(IEnumerable<string> parties) => string.Join(PartySeparator, parties);
}

/// <summary>One party of an activity row: the contact's id as written and its role.</summary>
internal readonly record struct ActivityParty(string ContactId, int Mask);

/// <summary>Reads one row of the activities file, adding a problem for each value that cannot be right.</summary>
internal sealed class ActivityRowReader
{
    private readonly int typeCode;
    private readonly int stateCode;
    private readonly int actualEnd;
    private readonly int modifiedOn;
    private readonly int partyIds;

    public ActivityRowReader(CsvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        ActivityId = layout.IndexOf(ActivityColumns.ActivityId);
        typeCode = layout.IndexOf(ActivityColumns.ActivityTypeCode);
        stateCode = layout.IndexOf(ActivityColumns.StateCode);
        actualEnd = layout.IndexOf(ActivityColumns.ActualEnd);
        modifiedOn = layout.IndexOf(ActivityColumns.ModifiedOn);
        partyIds = layout.IndexOf(ActivityColumns.PartyIds);
    }

    public CsvLayout Layout { get; }

    public int ActivityId { get; }

    /// <summary>The activity of the row and its parties; null values where a problem was added.</summary>
    public (Guid Id, string Table, int State, DateTime? ActualEnd, DateTime? ModifiedOn, List<ActivityParty> Parties) Read(CsvRow row, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        var idText = row[ActivityId].Trim();
        var id = Guid.Empty;
        if (idText.IsEmpty)
        {
            problems.Add(ActivityColumns.ActivityId + " is empty; every activity needs its id");
        }
        else if (!Guid.TryParse(idText, out id))
        {
            problems.Add(ActivityColumns.ActivityId + " has " + ValueReader.Quote(idText) + ", which is not an id (a GUID)");
        }

        var table = row[typeCode].Trim().ToString();
        if (!TouchpointSettings.IsLogicalName(table))
        {
            problems.Add(ActivityColumns.ActivityTypeCode + " has " + ValueReader.Quote(table)
                + ", which is not an activity table's logical name (such as phonecall, appointment, email)");
        }

        var stateText = row[stateCode].Trim();
        var state = -1;
        for (var i = 0; i < ActivityColumns.StateLabels.Count; i++)
        {
            if (stateText.SequenceEqual(ActivityColumns.StateLabels[i]))
            {
                state = i;
            }
        }

        if (state < 0)
        {
            problems.Add(ActivityColumns.StateCode + " has " + ValueReader.Quote(stateText) + ", which is not one of " + string.Join(", ", ActivityColumns.StateLabels));
        }

        var end = ValueReader.DateAndTime(row[actualEnd], ActivityColumns.ActualEnd, problems);
        var modified = ValueReader.DateAndTime(row[modifiedOn], ActivityColumns.ModifiedOn, problems);
        return (id, table, state, end, modified, ReadParties(row[partyIds], problems));
    }

    private static List<ActivityParty> ReadParties(ReadOnlySpan<char> raw, List<string> problems)
    {
        var parties = new List<ActivityParty>(2);
        var rest = raw;
        while (true)
        {
            var separator = rest.IndexOf(ActivityColumns.PartySeparator);
            var item = (separator < 0 ? rest : rest[..separator]).Trim();
            if (!item.IsEmpty)
            {
                var colon = item.LastIndexOf(ActivityColumns.MaskSeparator);
                var contact = colon < 0 ? item : item[..colon].Trim();
                if (colon < 0 || contact.IsEmpty
                    || !int.TryParse(item[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mask)
                    || mask < 1 || mask > ActivityColumns.MaxMask)
                {
                    problems.Add(ActivityColumns.PartyIds + " has " + ValueReader.Quote(item) + ", which is not contactid:mask with a participationtypemask from 1 to "
                        + ActivityColumns.MaxMask.ToString(CultureInfo.InvariantCulture) + " (separate several with ;)");
                }
                else
                {
                    parties.Add(new ActivityParty(contact.ToString(), mask));
                }
            }

            if (separator < 0)
            {
                return parties;
            }

            rest = rest[(separator + 1)..];
        }
    }
}

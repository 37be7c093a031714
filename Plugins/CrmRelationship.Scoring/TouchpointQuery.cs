using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Text;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Scoring;

/// <summary>
/// The aggregate FetchXML of relationship-model.md §9 ("How the count is taken in Dataverse") and the reading of its
/// groups: one source for the activity plug-in, which counts one contact, and for crmrel recalc, which counts a chunk
/// of contacts grouped by party. Both group by activity table and by the year of actualend, count distinct activities
/// and take the latest actualend and modifiedon of each group.
/// </summary>
public static class TouchpointQuery
{
    public const string TableAlias = "table";
    public const string YearAlias = "year";
    public const string ActivitiesAlias = "activities";
    public const string LastEndAlias = "lastend";
    public const string LastModifiedAlias = "lastmodified";

    /// <summary>The grouped party in <see cref="ForContacts"/>.</summary>
    public const string ContactAlias = "contact";

    /// <summary>The alias of the activityparty link in <see cref="ForContacts"/>.</summary>
    public const string PartyAlias = "party";

    /// <summary>
    /// One contact: an <c>exists</c> link to activityparty, so an activity is never multiplied by the contact's party
    /// rows (To and CC give one row).
    /// </summary>
    public static string ForContact(Guid contactId, IEnumerable<string> tables)
    {
        var fetch = Head(tables);
        Link(fetch, "exists", null);
        fetch.Append("<filter>");
        fetch.Append("<condition attribute='").Append(Names.Activities.PartyId).Append("' operator='eq' value='").Append(contactId.ToString("D")).Append("' />");
        CountedMasks(fetch);
        return fetch.Append("</filter></link-entity></entity></fetch>").ToString();
    }

    /// <summary>
    /// A chunk of contacts, grouped by the party: an inner link, since the party is grouped on. To and CC give two rows
    /// in one group, which the distinct count of activities counts once.
    /// </summary>
    public static string ForContacts(IEnumerable<Guid> contactIds, IEnumerable<string> tables)
    {
        if (contactIds is null)
        {
            throw new ArgumentNullException(nameof(contactIds));
        }

        var fetch = Head(tables);
        Link(fetch, "inner", PartyAlias);
        Attribute(fetch, Names.Activities.PartyId, ContactAlias, "groupby='true'");
        fetch.Append("<filter>");
        var ids = new List<string>();
        foreach (var id in contactIds)
        {
            ids.Add(id.ToString("D"));
        }

        In(fetch, Names.Activities.PartyId, ids);
        CountedMasks(fetch);
        return fetch.Append("</filter></link-entity></entity></fetch>").ToString();
    }

    /// <summary>
    /// One answer row as the touchpoints of one table: the group without actualend (its year is empty) is dated by its
    /// latest modifiedon, every other group by its latest actualend. Null for a row without a table or activities.
    /// </summary>
    public static TableTouchpoints? Group(string? table, int? activities, bool hasYear, DateTime? lastEnd, DateTime? lastModified) =>
        table is null || activities is not > 0 ? null : new TableTouchpoints(table, activities.Value, hasYear ? lastEnd : lastModified);

    private static StringBuilder Head(IEnumerable<string> tables)
    {
        if (tables is null)
        {
            throw new ArgumentNullException(nameof(tables));
        }

        var fetch = new StringBuilder("<fetch aggregate='true'><entity name='").Append(Names.Activities.ActivityPointer).Append("'>");
        Attribute(fetch, Names.Activities.ActivityTypeCode, TableAlias, "groupby='true'");
        Attribute(fetch, Names.Activities.ActualEnd, YearAlias, "groupby='true' dategrouping='year'");
        Attribute(fetch, Names.Activities.ActivityId, ActivitiesAlias, "aggregate='countcolumn' distinct='true'");
        Attribute(fetch, Names.Activities.ActualEnd, LastEndAlias, "aggregate='max'");
        Attribute(fetch, Names.Activities.ModifiedOn, LastModifiedAlias, "aggregate='max'");
        fetch.Append("<filter>");
        fetch.Append("<condition attribute='").Append(Names.Activities.StateCode).Append("' operator='eq' value='")
            .Append(Names.Activities.CompletedState.ToString(CultureInfo.InvariantCulture)).Append("' />");
        var escaped = new List<string>();
        foreach (var table in tables)
        {
            // Logical names are checked by the settings (a-z, 0-9, _); escaped all the same.
            escaped.Add(SecurityElement.Escape(table));
        }

        In(fetch, Names.Activities.ActivityTypeCode, escaped);
        return fetch.Append("</filter>");
    }

    private static void Link(StringBuilder fetch, string type, string? alias)
    {
        fetch.Append("<link-entity name='").Append(Names.Activities.ActivityParty).Append("' from='").Append(Names.Activities.ActivityId)
            .Append("' to='").Append(Names.Activities.ActivityId).Append("' link-type='").Append(type).Append('\'');
        if (alias is not null)
        {
            fetch.Append(" alias='").Append(alias).Append('\'');
        }

        fetch.Append('>');
    }

    private static void CountedMasks(StringBuilder fetch)
    {
        var masks = new List<string>();
        foreach (var mask in Touchpoints.CountedMasks)
        {
            masks.Add(mask.ToString(CultureInfo.InvariantCulture));
        }

        In(fetch, Names.Activities.ParticipationTypeMask, masks);
    }

    private static void Attribute(StringBuilder fetch, string name, string alias, string rest) =>
        fetch.Append("<attribute name='").Append(name).Append("' alias='").Append(alias).Append("' ").Append(rest).Append(" />");

    private static void In(StringBuilder fetch, string column, IEnumerable<string> values)
    {
        fetch.Append("<condition attribute='").Append(column).Append("' operator='in'>");
        foreach (var value in values)
        {
            fetch.Append("<value>").Append(value).Append("</value>");
        }

        fetch.Append("</condition>");
    }
}

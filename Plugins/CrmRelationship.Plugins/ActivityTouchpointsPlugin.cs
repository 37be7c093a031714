using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins;

/// <summary>
/// Activity (phonecall, appointment, email, or a custom activity table named in the settings) Create, Update and
/// Delete, PostOperation, asynchronous: recounts the touchpoints of the activity's contact parties
/// (relationship-model.md §9) and writes a contact's Touchpoints, Last touchpoint and Engagement only when they
/// differ, so the seller's save costs nothing and the contact's own steps (its scoring, for the explanation, and
/// the account rollup) run once for a real change. The contacts come from the Target's party lists on Create, from
/// one activityparty query on Update and from the pre-image on Delete, with their stored columns read in that same
/// one query; then each costs one aggregate FetchXML query and at most one Update.
/// </summary>
public sealed class ActivityTouchpointsPlugin : IPlugin
{
    private const string Name = nameof(ActivityTouchpointsPlugin);
    private const string ContactAlias = "contact";

    private static readonly string[] StoredColumns = Names.Touchpoints.Contact;

    private readonly StepSettings settings;

    public ActivityTouchpointsPlugin()
        : this(null, null)
    {
    }

    /// <param name="unsecureConfiguration">The administrator settings JSON (relationship-model.md §8), or empty.</param>
    /// <param name="secureConfiguration">Not used.</param>
    public ActivityTouchpointsPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        settings = new StepSettings(unsecureConfiguration);
    }

    public void Execute(IServiceProvider serviceProvider) => PluginCall.Run(serviceProvider, Name, Recount);

    private void Recount(PluginCall call)
    {
        var context = call.Context;
        var table = context.PrimaryEntityName;
        if (context.Stage != Messages.PostOperation || !(call.IsMessage(Messages.Create) || call.IsMessage(Messages.Update) || call.IsMessage(Messages.Delete)))
        {
            call.Trace("Not registered as expected ({0} {1} stage {2}); nothing done.", context.MessageName, table, context.Stage);
            return;
        }

        var scoring = settings.Scorer.Settings;
        if (scoring.Touchpoints.WeightOf(table) == 0m)
        {
            call.Trace("Activity table {0} has no weight in the settings; its activities are not touchpoints. No call made.", table);
            return;
        }

        var contacts = Contacts(call, context.PrimaryEntityId);
        if (contacts is null)
        {
            return;
        }

        var written = 0;
        foreach (var contact in contacts.Values)
        {
            var groups = call.Service.RetrieveMultiple(new FetchExpression(TouchpointQuery.ForContact(contact.Id, scoring.Touchpoints.CountedTables)));
            var engagement = Touchpoints.FromTables(TableCounts(groups), scoring);
            var changes = Changes(contact, engagement);
            if (changes is not null)
            {
                call.Service.Update(changes);
                written++;
            }
        }

        call.Trace("Activity {0}: {1} contact parties recounted, {2} written.", context.PrimaryEntityId, contacts.Count, written);
    }

    /// <summary>The activity's contact parties in a counted role, each with its stored touchpoint columns; null when nothing can change.</summary>
    private static Dictionary<Guid, Entity>? Contacts(PluginCall call, Guid activityId)
    {
        if (call.IsMessage(Messages.Update))
        {
            return Read(call.Service.RetrieveMultiple(new FetchExpression(PartiesQuery(activityId))), aliased: true);
        }

        Entity activity;
        if (call.IsMessage(Messages.Create))
        {
            activity = call.Target ?? throw call.Misregistered("The activity touchpoints step for Create has no Target entity.");
        }
        else
        {
            activity = call.PreImage ?? throw call.Misregistered("The activity touchpoints step for Delete of " + call.Context.PrimaryEntityName + " has no image named PreImage.");
        }

        // Only a completed activity is a touchpoint: creating or deleting any other changes no count.
        if (activity.GetAttributeValue<OptionSetValue>(Names.Activities.StateCode)?.Value != Names.Activities.CompletedState)
        {
            call.Trace("Activity {0} is not completed; no contact's touchpoints change. No call made.", call.Context.PrimaryEntityId);
            return null;
        }

        var ids = PartyContacts(activity);
        if (ids.Count == 0)
        {
            call.Trace("Activity {0} has no contact party; no call made.", call.Context.PrimaryEntityId);
            return null;
        }

        return Read(call.Service.RetrieveMultiple(new FetchExpression(ContactsQuery(ids))), aliased: false);
    }

    /// <summary>The contacts in the party lists of an activity (Target or image); every party list named is a counted role.</summary>
    private static List<Guid> PartyContacts(Entity activity)
    {
        var ids = new List<Guid>();
        foreach (var list in Names.Activities.PartyLists)
        {
            if (!activity.Attributes.TryGetValue(list, out var value) || value is not EntityCollection parties)
            {
                continue;
            }

            foreach (var party in parties.Entities)
            {
                var reference = party.GetAttributeValue<EntityReference>(Names.Activities.PartyId);
                if (reference is not null && string.Equals(reference.LogicalName, Names.Contact, StringComparison.Ordinal) && !ids.Contains(reference.Id))
                {
                    ids.Add(reference.Id);
                }
            }
        }

        return ids;
    }

    private static Dictionary<Guid, Entity> Read(EntityCollection rows, bool aliased)
    {
        var contacts = new Dictionary<Guid, Entity>();
        foreach (var row in rows.Entities)
        {
            var contact = aliased ? FromAliases(row) : row;
            if (contact is not null && !contacts.ContainsKey(contact.Id))
            {
                contacts.Add(contact.Id, contact);
            }
        }

        return contacts;
    }

    /// <summary>The contact columns an activityparty row carries under the contact alias.</summary>
    private static Entity? FromAliases(Entity party)
    {
        if (!party.Attributes.TryGetValue(ContactAlias + "." + Names.Standard.ContactId, out var id) || id is not AliasedValue { Value: Guid contactId })
        {
            return null;
        }

        var contact = new Entity(Names.Contact, contactId);
        foreach (var column in StoredColumns)
        {
            if (party.Attributes.TryGetValue(ContactAlias + "." + column, out var value) && value is AliasedValue aliased)
            {
                contact[column] = aliased.Value;
            }
        }

        return contact;
    }

    /// <summary>
    /// One row per (table, year of actualend) group. The group without actualend (its year is null) is dated by its
    /// latest modifiedon, every other group by its latest actualend (relationship-model.md §9).
    /// </summary>
    private static List<TableTouchpoints> TableCounts(EntityCollection groups)
    {
        var tables = new List<TableTouchpoints>(groups.Entities.Count);
        foreach (var group in groups.Entities)
        {
            if (TouchpointQuery.Group(
                Aliased(group, TouchpointQuery.TableAlias) as string,
                Aliased(group, TouchpointQuery.ActivitiesAlias) as int?,
                Aliased(group, TouchpointQuery.YearAlias) is not null,
                Aliased(group, TouchpointQuery.LastEndAlias) as DateTime?,
                Aliased(group, TouchpointQuery.LastModifiedAlias) as DateTime?) is { } table)
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    private static object? Aliased(Entity row, string alias) =>
        row.Attributes.TryGetValue(alias, out var value) && value is AliasedValue aliased ? aliased.Value : null;

    /// <summary>The three columns that differ from what is stored, or null when none does.</summary>
    private static Entity? Changes(Entity stored, ContactEngagement engagement)
    {
        var computed = new object?[]
        {
            engagement.Touchpoints,
            engagement.LastTouchpoint,
            engagement.Level is { } level ? new OptionSetValue((int)level) : null,
        };
        Entity? update = null;
        for (var i = 0; i < StoredColumns.Length; i++)
        {
            stored.Attributes.TryGetValue(StoredColumns[i], out var old);
            if (!ScoreValues.Same(old, computed[i]))
            {
                update ??= new Entity(Names.Contact, stored.Id);
                update[StoredColumns[i]] = computed[i];
            }
        }

        return update;
    }

    private static string PartiesQuery(Guid activityId)
    {
        var fetch = new StringBuilder("<fetch><entity name='activityparty'>");
        fetch.Append("<attribute name='").Append(Names.Activities.ParticipationTypeMask).Append("' />");
        fetch.Append("<filter>");
        Condition(fetch, Names.Activities.ActivityId, activityId);
        CountedMasks(fetch);
        fetch.Append("</filter>");
        fetch.Append("<link-entity name='contact' from='contactid' to='").Append(Names.Activities.PartyId).Append("' link-type='inner' alias='").Append(ContactAlias).Append("'>");
        fetch.Append("<attribute name='").Append(Names.Standard.ContactId).Append("' />");
        foreach (var column in StoredColumns)
        {
            fetch.Append("<attribute name='").Append(column).Append("' />");
        }

        return fetch.Append("</link-entity></entity></fetch>").ToString();
    }

    private static string ContactsQuery(List<Guid> contactIds)
    {
        var fetch = new StringBuilder("<fetch><entity name='contact'>");
        fetch.Append("<attribute name='").Append(Names.Standard.ContactId).Append("' />");
        foreach (var column in StoredColumns)
        {
            fetch.Append("<attribute name='").Append(column).Append("' />");
        }

        fetch.Append("<filter><condition attribute='").Append(Names.Standard.ContactId).Append("' operator='in'>");
        foreach (var id in contactIds)
        {
            fetch.Append("<value>").Append(id.ToString("D")).Append("</value>");
        }

        return fetch.Append("</condition></filter></entity></fetch>").ToString();
    }

    private static void Condition(StringBuilder fetch, string column, Guid value) =>
        fetch.Append("<condition attribute='").Append(column).Append("' operator='eq' value='").Append(value.ToString("D")).Append("' />");

    private static void CountedMasks(StringBuilder fetch)
    {
        fetch.Append("<condition attribute='").Append(Names.Activities.ParticipationTypeMask).Append("' operator='in'>");
        foreach (var mask in Touchpoints.CountedMasks)
        {
            fetch.Append("<value>").Append(mask.ToString(CultureInfo.InvariantCulture)).Append("</value>");
        }

        fetch.Append("</condition>");
    }
}

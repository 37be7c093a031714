using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins;

/// <summary>
/// Reads an account's inputs and its active contacts, and maps an <see cref="AccountScore"/> to the
/// account's columns. Used by both the account step and the contact rollup, so they can never disagree.
/// </summary>
internal static class AccountColumns
{
    /// <summary>Dataverse's largest page; the rollup costs one query per page.</summary>
    public const int PageSize = 5000;

    /// <summary>The contact columns the rollup reads: the values it weighs and ranks by.</summary>
    public static readonly string[] RolledUpContactColumns =
    {
        Names.Standard.ContactId, Names.Standard.FullName, Names.Standard.CreatedOn,
        Names.ContactInputs.OrganizationalPower, Names.ContactInputs.Relationship,
        Names.Computed.RecommendedAction, Names.Computed.RelationshipLevel, Names.Computed.HealthScore, Names.Computed.ExpectationGap,
        Names.Touchpoints.LastTouchpoint, Names.Touchpoints.Engagement,
    };

    /// <summary>
    /// The account columns the rollup reads: its inputs and its stored computed values, to compare before
    /// writing (not rel_scoredon, which is only ever written).
    /// </summary>
    public static readonly string[] AccountColumnsToCompare =
        Concat(Names.AccountInputs.All, Array.FindAll(Names.Computed.Account, c => c != Names.Computed.ScoredOn));

    /// <param name="values">The Target merged over the pre-image (the account step), or the stored account (the rollup).</param>
    /// <param name="now">The time of scoring, against which a capture date being saved is refused when it is in the future.</param>
    public static AccountInputs Inputs(ColumnValues values, DateTime now) => new()
    {
        CustomerViewLevel = values.Choice<RelationshipLevel>(Names.AccountInputs.CustomerViewLevel),
        CustomerViewDate = values.CaptureDate(Names.AccountInputs.CustomerViewDate, Labels.AccountFields.CustomerViewDate, now),
        FeedbackCadence = values.Choice<FeedbackCadence>(Names.AccountInputs.FeedbackCadence),
    };

    /// <summary>The rollup's view of one stored contact.</summary>
    public static AccountContact ToAccountContact(Entity contact)
    {
        var values = new ColumnValues(null, contact);
        return new AccountContact
        {
            Id = contact.Id.ToString("D"),
            Name = values.Text(Names.Standard.FullName),
            CreatedOn = values.Date(Names.Standard.CreatedOn),
            OrganizationalPower = values.Choice<OrganizationalPower>(Names.ContactInputs.OrganizationalPower),
            Relationship = values.Choice<RelationshipStatus>(Names.ContactInputs.Relationship),
            RecommendedAction = values.Choice<RecommendedAction>(Names.Computed.RecommendedAction),
            RelationshipLevel = values.Choice<RelationshipLevel>(Names.Computed.RelationshipLevel),
            HealthScore = values.WholeNumber(Names.Computed.HealthScore),
            ExpectationGap = values.WholeNumber(Names.Computed.ExpectationGap),
            LastTouchpoint = values.Date(Names.Touchpoints.LastTouchpoint),
            Engagement = values.Choice<Engagement>(Names.Touchpoints.Engagement),
        };
    }

    /// <summary>Every active contact whose parent customer is the account: one query per page of <see cref="PageSize"/>.</summary>
    public static List<AccountContact> ActiveContacts(IOrganizationService service, Guid accountId)
    {
        var query = new QueryExpression(Names.Contact)
        {
            ColumnSet = new ColumnSet(RolledUpContactColumns),
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(Names.Standard.ParentCustomerId, ConditionOperator.Equal, accountId);
        query.Criteria.AddCondition(Names.Standard.StateCode, ConditionOperator.Equal, Names.ActiveState);
        query.AddOrder(Names.Standard.ContactId, OrderType.Ascending);

        var contacts = new List<AccountContact>();
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var contact in page.Entities)
            {
                contacts.Add(ToAccountContact(contact));
            }

            if (!page.MoreRecords)
            {
                return contacts;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    /// <summary>Sets every computed column on a PreOperation Target.</summary>
    public static void Write(AccountScore score, DateTime scoredOn, Entity target) =>
        ScoreValues.Write(ScoreColumns.Account, score, scoredOn, target);

    /// <summary>
    /// The columns whose new value differs from the stored one, or null when nothing changed, so an
    /// unchanged account costs no Update.
    /// </summary>
    public static Entity? Changes(AccountScore score, Entity stored, DateTime scoredOn)
    {
        Entity? update = null;
        var values = new ScoreValues();
        foreach (var column in ScoreColumns.Account)
        {
            var computed = values.Of(column, score);
            stored.Attributes.TryGetValue(column.Name, out var old);
            if (!ScoreValues.Same(old, computed))
            {
                update ??= new Entity(Names.Account, stored.Id);
                update[column.Name] = computed;
            }
        }

        if (update is not null)
        {
            update[Names.Computed.ScoredOn] = scoredOn;
        }

        return update;
    }

    private static string[] Concat(string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Account rows for the scenarios, and the full recompute they are checked against: the Scoring
/// library over the account's own inputs and every active contact the store holds for it.
/// </summary>
internal static class Accounts
{
    public static Entity New(string name, AccountInputs? inputs = null, Guid id = default)
    {
        var account = new Entity(Names.Account, id);
        account[Names.Standard.Name] = name;
        if (inputs is not null)
        {
            foreach (var pair in InputColumns(inputs).Where(p => p.Value is not null))
            {
                account[pair.Key] = pair.Value;
            }
        }

        return account;
    }

    public static Dictionary<string, object?> InputColumns(AccountInputs inputs) => new(StringComparer.Ordinal)
    {
        [Names.AccountInputs.CustomerViewLevel] = Columns.Option(inputs.CustomerViewLevel),
        [Names.AccountInputs.CustomerViewDate] = inputs.CustomerViewDate,
        [Names.AccountInputs.FeedbackCadence] = Columns.Option(inputs.FeedbackCadence),
    };

    public static AccountInputs InputsOf(Entity row) => new()
    {
        CustomerViewLevel = Columns.Choice<RelationshipLevel>(row, Names.AccountInputs.CustomerViewLevel),
        CustomerViewDate = Columns.Date(row, Names.AccountInputs.CustomerViewDate),
        FeedbackCadence = Columns.Choice<FeedbackCadence>(row, Names.AccountInputs.FeedbackCadence),
    };

    /// <summary>The account's computed columns, flattened (rel_scoredon left out).</summary>
    public static Dictionary<string, object?> Computed(Entity row) =>
        Columns.Flat(row, Names.Computed.Account.Where(c => c != Names.Computed.ScoredOn));

    public static Dictionary<string, object?> Expected(AccountScore score) => new(StringComparer.Ordinal)
    {
        [Names.Computed.RecommendedAction] = Columns.Flat(score.RecommendedAction),
        [Names.Computed.ActionUrgency] = Contacts.UrgencyOf(score.RecommendedAction),
        [Names.Computed.RelationshipLevel] = Columns.Flat(score.RelationshipLevel),
        [Names.Computed.ExpectationGap] = score.ExpectationGap,
        [Names.Computed.ExpectationGapScore] = score.ExpectationGapScore,
        [Names.Computed.ExpectationAlignment] = Columns.Flat(score.ExpectationAlignment),
        [Names.Computed.NextFeedbackDue] = score.NextFeedbackDue,
        [Names.Computed.HealthScore] = score.HealthScore,
        [Names.Computed.ScoreExplanation] = string.IsNullOrEmpty(score.Explanation) ? null : score.Explanation,
        [Names.Computed.AssessedContacts] = score.AssessedContacts,
        [Names.Computed.RiskContacts] = score.RiskContacts,
        [Names.Computed.PotentialContacts] = score.PotentialContacts,
        [Names.Computed.HighPowerCoverage] = score.HighPowerCoverage,
        [Names.Computed.KeyContactId] = score.KeyContactId is null ? null : Guid.Parse(score.KeyContactId),
        [Names.Touchpoints.AccountLastTouchpoint] = score.LastTouchpoint,
        [Names.Touchpoints.NoticedContacts] = score.NoticedContacts,
    };

    /// <summary>The active contacts whose parent customer is the account, as the store holds them.</summary>
    public static IReadOnlyList<Entity> ActiveContactsOf(EntityStore store, Guid accountId) =>
        store.All(Names.Contact).Where(c =>
            c.GetAttributeValue<EntityReference>(Names.Standard.ParentCustomerId) is { } parent
            && parent.LogicalName == Names.Account && parent.Id == accountId
            && (c.GetAttributeValue<OptionSetValue>(Names.Standard.StateCode)?.Value ?? States.Active) == States.Active).ToList();

    /// <summary>
    /// A full recompute of the account from the store, at the time the account was last scored (its
    /// rel_scoredon), flattened like <see cref="Computed"/>.
    /// </summary>
    public static Dictionary<string, object?> FullRecompute(EntityStore store, Guid accountId, RelationshipScorer? scorer = null)
    {
        var account = store.Get(Names.Account, accountId);
        var now = Columns.Date(account, Names.Computed.ScoredOn) ?? DateTime.UtcNow;
        var contacts = ActiveContactsOf(store, accountId).Select(Contacts.ToAccountContact).ToList();
        return Expected((scorer ?? RelationshipScorer.Default).ScoreAccount(InputsOf(account), contacts, now));
    }
}

using System;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Report;

/// <summary>
/// Orders accounts most at risk first, for the summary, the "accounts at risk" table and the choice
/// of stakeholder maps: the account action's urgency (no action last), then more contacts at risk,
/// then lower health (none last), then name and id.
/// </summary>
internal static class AccountRanking
{
    public static int Compare(AccountSummary a, AccountSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byUrgency = Urgency(a).CompareTo(Urgency(b));
        if (byUrgency != 0)
        {
            return byUrgency;
        }

        var byRisk = b.Score.RiskContacts.CompareTo(a.Score.RiskContacts);
        if (byRisk != 0)
        {
            return byRisk;
        }

        var byHealth = (a.Score.HealthScore ?? int.MaxValue).CompareTo(b.Score.HealthScore ?? int.MaxValue);
        if (byHealth != 0)
        {
            return byHealth;
        }

        var byName = string.CompareOrdinal(a.DisplayName, b.DisplayName);
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>True when the account's own action is a risk action.</summary>
    public static bool IsAtRisk(AccountSummary account) =>
        account is not null && account.Score.RecommendedAction is { } action && RelationshipMatrix.IsRisk(action);

    private static int Urgency(AccountSummary account) =>
        RelationshipMatrix.Urgency(account.Score.RecommendedAction) ?? int.MaxValue;
}

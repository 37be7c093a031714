using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// The group of relationship-model.md §2 an action belongs to. Accounts count their contacts at risk and
/// with potential by it, the views filter by it and the web resources colour and warn by it.
/// </summary>
public enum ActionTier
{
    /// <summary>Neither a risk nor a potential: the "Low potential …" actions and "Low risk, move on".</summary>
    Neither,

    /// <summary>The "Moderate risk …" and "High risk …" actions.</summary>
    Risk,

    /// <summary>The "Med potential …" and "High potential …" actions.</summary>
    Potential,
}

/// <summary>One row of <see cref="ActionRanks.All"/>: an action, its urgency (1 = most urgent) and its tier.</summary>
public readonly record struct ActionRank(RecommendedAction Action, int Urgency, ActionTier Tier);

/// <summary>
/// relationship-model.md §2 as data: every action's urgency rank and tier, which the solution source cannot
/// hold. It is the one table behind <see cref="RelationshipMatrix.Urgency(RecommendedAction)"/>,
/// <see cref="RelationshipMatrix.ByUrgency"/>, <see cref="RelationshipMatrix.IsRisk"/> and
/// <see cref="RelationshipMatrix.IsPotential"/>, and <c>crmrel generate</c> exports it to the web resources.
/// </summary>
public static class ActionRanks
{
    /// <summary>The eleven actions, most urgent first.</summary>
    public static IReadOnlyList<ActionRank> All { get; } = new ActionRank[]
    {
        new(RecommendedAction.HighRiskImprovePerception, 1, ActionTier.Risk),
        new(RecommendedAction.ModerateRiskImprovePerception, 2, ActionTier.Risk),
        new(RecommendedAction.ModerateRiskMonitorPerception, 3, ActionTier.Risk),
        new(RecommendedAction.HighPotentialLeverage, 4, ActionTier.Potential),
        new(RecommendedAction.HighPotentialFindASponsor, 5, ActionTier.Potential),
        new(RecommendedAction.MedPotentialDevelopRelationship, 6, ActionTier.Potential),
        new(RecommendedAction.MedPotentialActivate, 7, ActionTier.Potential),
        new(RecommendedAction.MedPotentialMakeAHero, 8, ActionTier.Potential),
        new(RecommendedAction.LowPotentialMakeAHero, 9, ActionTier.Neither),
        new(RecommendedAction.LowPotentialActivate, 10, ActionTier.Neither),
        new(RecommendedAction.LowRiskMoveOn, 11, ActionTier.Neither),
    };
}

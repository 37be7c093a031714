using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// The relationship matrix (relationship-model.md §2): four inputs select one of sixteen rows, and the
/// eleven actions are ranked by urgency. Rows are indexed Relationship, Power, Perception, Activity,
/// each bit 0 for the first option (No, Low, Detractor, Passive) and 1 for the second.
/// </summary>
public static class RelationshipMatrix
{
    public const int RowCount = 16;

    private static readonly RecommendedAction[] DefaultRows =
    {
        // Relationship No
        RecommendedAction.LowRiskMoveOn,                   // Low  Detractor Passive
        RecommendedAction.ModerateRiskMonitorPerception,   // Low  Detractor Active
        RecommendedAction.LowPotentialActivate,            // Low  Advocate  Passive
        RecommendedAction.MedPotentialMakeAHero,           // Low  Advocate  Active
        RecommendedAction.ModerateRiskImprovePerception,   // High Detractor Passive
        RecommendedAction.HighRiskImprovePerception,       // High Detractor Active
        RecommendedAction.MedPotentialDevelopRelationship, // High Advocate  Passive
        RecommendedAction.HighPotentialFindASponsor,       // High Advocate  Active
        // Relationship Yes
        RecommendedAction.LowRiskMoveOn,                   // Low  Detractor Passive
        RecommendedAction.ModerateRiskImprovePerception,   // Low  Detractor Active
        RecommendedAction.LowPotentialMakeAHero,           // Low  Advocate  Passive
        RecommendedAction.MedPotentialMakeAHero,           // Low  Advocate  Active
        RecommendedAction.ModerateRiskImprovePerception,   // High Detractor Passive
        RecommendedAction.HighRiskImprovePerception,       // High Detractor Active
        RecommendedAction.MedPotentialActivate,            // High Advocate  Passive
        RecommendedAction.HighPotentialLeverage,           // High Advocate  Active
    };

    /// <summary>The default row for each of the sixteen combinations.</summary>
    public static IReadOnlyList<RecommendedAction> Defaults => DefaultRows;

    /// <summary>The eleven actions, most urgent first (<see cref="ActionRanks.All"/> in rank order).</summary>
    public static IReadOnlyList<RecommendedAction> ByUrgency { get; } = ActionsByUrgency();

    // Each action's row of ActionRanks.All by its option index (option value − OptionValues.Base).
    private static readonly ActionRank[] RankByIndex = RanksByIndex();

    private static RecommendedAction[] ActionsByUrgency()
    {
        var actions = new RecommendedAction[ActionRanks.All.Count];
        foreach (var rank in ActionRanks.All)
        {
            actions[rank.Urgency - 1] = rank.Action;
        }

        return actions;
    }

    private static ActionRank[] RanksByIndex()
    {
        var ranks = new ActionRank[ActionRanks.All.Count];
        foreach (var rank in ActionRanks.All)
        {
            ranks[(int)rank.Action - OptionValues.Base] = rank;
        }

        return ranks;
    }

    internal static RecommendedAction[] CopyDefaults() => (RecommendedAction[])DefaultRows.Clone();

    /// <summary>Index of a row, 0–15.</summary>
    public static int RowIndex(RelationshipStatus relationship, OrganizationalPower power, Perception perception, ActivityLevel activity) =>
        (Bit((int)relationship) << 3) | (Bit((int)power) << 2) | (Bit((int)perception) << 1) | Bit((int)activity);

    /// <summary>The settings key of a row: Relationship/Power/Perception/Activity labels, e.g. "No/High/Detractor/Active".</summary>
    public static string RowKey(int rowIndex)
    {
        if (rowIndex < 0 || rowIndex >= RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rowIndex));
        }

        return Labels.Of((RelationshipStatus)Option(rowIndex >> 3)) + "/"
            + Labels.Of((OrganizationalPower)Option(rowIndex >> 2)) + "/"
            + Labels.Of((Perception)Option(rowIndex >> 1)) + "/"
            + Labels.Of((ActivityLevel)Option(rowIndex));
    }

    /// <summary>1 for the most urgent action, 11 for the least (relationship-model.md §2).</summary>
    public static int Urgency(RecommendedAction action) => RankOf(action).Urgency;

    /// <summary>The urgency of an action that may be missing, or null without one: the value of rel_actionurgency.</summary>
    public static int? Urgency(RecommendedAction? action) => action is { } a ? Urgency(a) : null;

    /// <summary>Whether the action is a risk, a potential or neither (relationship-model.md §2).</summary>
    public static ActionTier Tier(RecommendedAction action) => RankOf(action).Tier;

    /// <summary>"Moderate risk …" and "High risk …" actions.</summary>
    public static bool IsRisk(RecommendedAction action) => Tier(action) == ActionTier.Risk;

    /// <summary>"Med potential …" and "High potential …" actions.</summary>
    public static bool IsPotential(RecommendedAction action) => Tier(action) == ActionTier.Potential;

    private static ActionRank RankOf(RecommendedAction action)
    {
        var index = (int)action - OptionValues.Base;
        if (index < 0 || index >= RankByIndex.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not one of the eleven actions.");
        }

        return RankByIndex[index];
    }

    // The first option of each matrix input (No, Low, Detractor, Passive) is bit 0, the second bit 1.
    private static int Bit(int optionValue) => (optionValue - OptionValues.Base) & 1;

    private static int Option(int bit) => OptionValues.Base + (bit & 1);
}

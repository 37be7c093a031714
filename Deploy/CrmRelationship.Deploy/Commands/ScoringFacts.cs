using System;
using System.Linq;
using System.Reflection;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel.Generation;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// What <c>crmrel generate</c> takes from the Scoring library because the solution source cannot hold it: each
/// action's urgency and tier (<see cref="ActionRanks"/>), the standard column names (<see cref="LogicalNames.Standard"/>)
/// and the stakeholder map's quadrants and chip colours (<see cref="MapQuadrants"/>, <see cref="ActionColours"/>).
/// crmrel references Scoring, so the generator itself need not.
/// </summary>
internal static class ScoringFacts
{
    public static GenerationFacts Read() => new(
        new ActionRanking(
            nameof(RecommendedAction),
            Enum.GetNames<ActionTier>(),
            ActionRanks.All.Select(r => new RankedOption((int)r.Action, r.Urgency, r.Tier.ToString())).ToList()),
        typeof(LogicalNames.Standard).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => new StandardColumn(f.Name, (string)f.GetRawConstantValue()!))
            .ToList(),
        Map());

    /// <summary>The stakeholder map's tables as option values.</summary>
    public static MapFacts Map() => new(
        nameof(OrganizationalPower),
        nameof(Perception),
        nameof(RecommendedAction),
        MapQuadrants.All.Select(q => new QuadrantFact(q.Name, q.Subtitle, (int)q.Power, (int)q.Perception)).ToList(),
        ActionColours.All.Select(Colour).ToList(),
        Colour(ActionColours.NoAction));

    private static ColourFact Colour(ActionColour colour) =>
        new(colour.Key, colour.Legend, colour.Background, colour.Foreground, colour.Actions.Select(a => (int)a).ToList());
}

using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>A chip colour of the stakeholder maps and its legend entry: the actions drawn in it.</summary>
/// <param name="Key">A name for code and style sheets: lower case words joined by hyphens, e.g. high-risk.</param>
/// <param name="Legend">What the legend says the colour means.</param>
/// <param name="Background">The chip's fill, #rrggbb.</param>
/// <param name="Foreground">The chip's text, #rrggbb: at least 4.5:1 against the fill.</param>
/// <param name="Actions">The recommended actions drawn in this colour, most urgent first.</param>
public sealed record ActionColour(string Key, string Legend, string Background, string Foreground, IReadOnlyList<RecommendedAction> Actions);

/// <summary>
/// The colour of every recommended action on a stakeholder map, chosen once for both maps: the offline report reads
/// this table and <c>crmrel generate</c> exports it to the account form's map. Strong fills for the five most urgent
/// actions, light fills for the rest; the colours follow the urgency of <see cref="ActionRanks"/>.
/// </summary>
public static class ActionColours
{
    /// <summary>Most urgent first; each action is in exactly one.</summary>
    public static IReadOnlyList<ActionColour> All { get; } = new ActionColour[]
    {
        new("high-risk", "High risk", "#a4262c", "#ffffff", new[] { RecommendedAction.HighRiskImprovePerception }),
        new("moderate-risk", "Moderate risk", "#b04a00", "#ffffff", new[] { RecommendedAction.ModerateRiskImprovePerception, RecommendedAction.ModerateRiskMonitorPerception }),
        new("high-potential", "High potential", "#0e700e", "#ffffff", new[] { RecommendedAction.HighPotentialLeverage, RecommendedAction.HighPotentialFindASponsor }),
        new("med-potential", "Med potential", "#dff6dd", "#0b5a0b", new[] { RecommendedAction.MedPotentialDevelopRelationship, RecommendedAction.MedPotentialActivate, RecommendedAction.MedPotentialMakeAHero }),
        new("low-potential", "Low potential", "#deecf9", "#004578", new[] { RecommendedAction.LowPotentialMakeAHero, RecommendedAction.LowPotentialActivate }),
        new("move-on", "Low risk, move on", "#f3f2f1", "#323130", new[] { RecommendedAction.LowRiskMoveOn }),
    };

    /// <summary>A contact without a recommended action.</summary>
    public static ActionColour NoAction { get; } = new("none", "No action yet", "#ffffff", "#323130", Array.Empty<RecommendedAction>());

    // After All: static initialisers run in the order they are written.
    private static readonly Dictionary<RecommendedAction, ActionColour> ByAction = Index();

    /// <summary>The colour of an action, or <see cref="NoAction"/> without one.</summary>
    public static ActionColour Of(RecommendedAction? action) =>
        action is { } a && ByAction.TryGetValue(a, out var colour) ? colour : NoAction;

    private static Dictionary<RecommendedAction, ActionColour> Index()
    {
        var index = new Dictionary<RecommendedAction, ActionColour>();
        foreach (var colour in All)
        {
            foreach (var action in colour.Actions)
            {
                index[action] = colour;
            }
        }

        return index;
    }
}

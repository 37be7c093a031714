using System.Collections.Generic;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// What the generator needs besides the solution source: facts the XML cannot hold. The caller (crmrel, which
/// references the Scoring library) reads them from Scoring and passes them in, so this project, which the
/// net462 test harness also references, never depends on Scoring.
/// </summary>
/// <param name="Actions">Each action's urgency and tier (ActionRanks in Scoring).</param>
/// <param name="StandardColumns">The standard Dataverse columns the product reads (LogicalNames.Standard in Scoring).</param>
/// <param name="Map">The stakeholder map's quadrants and chip colours (MapQuadrants and ActionColours in Scoring).</param>
public sealed record GenerationFacts(ActionRanking Actions, IReadOnlyList<StandardColumn> StandardColumns, MapFacts Map);

/// <summary>The urgency rank and tier of every option of one choice (the recommended action).</summary>
/// <param name="ChoiceTypeName">The generated type of the choice ranked, e.g. RecommendedAction.</param>
/// <param name="Tiers">Every tier name, e.g. Neither, Risk, Potential.</param>
/// <param name="Ranks">One row per option of the choice.</param>
public sealed record ActionRanking(string ChoiceTypeName, IReadOnlyList<string> Tiers, IReadOnlyList<RankedOption> Ranks);

/// <summary>One option's rank: 1 = most urgent.</summary>
public sealed record RankedOption(int OptionValue, int Urgency, string Tier);

/// <summary>A standard column: its identifier in code (e.g. ContactId) and its logical name (contactid).</summary>
public sealed record StandardColumn(string Identifier, string LogicalName);

/// <summary>The stakeholder map: its quadrants (one per option of power × perception) and the chip colour of every action.</summary>
/// <param name="PowerChoiceTypeName">The generated type of the rows' choice, e.g. OrganizationalPower.</param>
/// <param name="PerceptionChoiceTypeName">The generated type of the columns' choice, e.g. Perception.</param>
/// <param name="ActionChoiceTypeName">The generated type of the coloured choice, e.g. RecommendedAction.</param>
/// <param name="Quadrants">In the grid's reading order.</param>
/// <param name="Colours">Every option of the coloured choice in exactly one, most urgent first.</param>
/// <param name="NoAction">The colour of a contact without an action; it lists no option.</param>
public sealed record MapFacts(
    string PowerChoiceTypeName,
    string PerceptionChoiceTypeName,
    string ActionChoiceTypeName,
    IReadOnlyList<QuadrantFact> Quadrants,
    IReadOnlyList<ColourFact> Colours,
    ColourFact NoAction);

/// <summary>One quadrant: its name (which gives its key), subtitle and the option values it holds.</summary>
public sealed record QuadrantFact(string Name, string Subtitle, int Power, int Perception);

/// <summary>One chip colour: key (lower-case words joined by hyphens), legend, #rrggbb fill and text, the option values drawn in it.</summary>
public sealed record ColourFact(string Key, string Legend, string Background, string Foreground, IReadOnlyList<int> OptionValues);

using System.Collections.Generic;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// What the generator needs besides the solution source: facts the XML cannot hold. The caller (crmrel, which
/// references the Scoring library) reads them from Scoring and passes them in, so this project, which the
/// net462 test harness also references, never depends on Scoring.
/// </summary>
/// <param name="Actions">Each action's urgency and tier (ActionRanks in Scoring).</param>
/// <param name="StandardColumns">The standard Dataverse columns the product reads (LogicalNames.Standard in Scoring).</param>
public sealed record GenerationFacts(ActionRanking Actions, IReadOnlyList<StandardColumn> StandardColumns);

/// <summary>The urgency rank and tier of every option of one choice (the recommended action).</summary>
/// <param name="ChoiceTypeName">The generated type of the choice ranked, e.g. RecommendedAction.</param>
/// <param name="Tiers">Every tier name, e.g. Neither, Risk, Potential.</param>
/// <param name="Ranks">One row per option of the choice.</param>
public sealed record ActionRanking(string ChoiceTypeName, IReadOnlyList<string> Tiers, IReadOnlyList<RankedOption> Ranks);

/// <summary>One option's rank: 1 = most urgent.</summary>
public sealed record RankedOption(int OptionValue, int Urgency, string Tier);

/// <summary>A standard column: its identifier in code (e.g. ContactId) and its logical name (contactid).</summary>
public sealed record StandardColumn(string Identifier, string LogicalName);

using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmRelationship.Scoring;

/// <summary>Scores one contact: matrix, ladder, direction, gap, feedback due, health and explanation.</summary>
internal static class ContactScorer
{
    public static ContactScore Score(ContactInputs inputs, LevelHistory? history, DateTime now, ScoringSettings settings)
    {
        var today = now.Date;
        var explanation = new ExplanationText();

        var action = Action(inputs, settings, explanation);

        var mask = Ladder.Mask(inputs.ObservedBehaviours);
        var level = Ladder.LevelOfMask(mask);
        ExplainLevel(mask, level, explanation);

        var riskMask = RiskMask(inputs.RiskBehaviours);
        var previous = history is null ? null : history.StoredLevel != level ? history.StoredLevel : history.PreviousLevel;
        var changedOn = history is null ? null : history.StoredLevel != level ? now : history.LevelChangedOn;
        var direction = DirectionOf(riskMask, level, previous, changedOn);
        ExplainDirection(direction, riskMask, level, previous, changedOn, explanation);

        var gap = ExpectationGap.Gap(level, inputs.CustomerViewLevel);
        ExplainGap(gap, level, inputs.CustomerViewLevel, inputs.CustomerViewDate, explanation);

        var due = ExpectationGap.NextFeedbackDue(inputs.CustomerViewDate, inputs.FeedbackCadence, level is not null, today);
        ExplainDue(due, inputs.CustomerViewDate, inputs.FeedbackCadence, explanation);

        var parts = Health.Parts(level, inputs.Perception, inputs.Relationship, gap, CountBits(riskMask), (riskMask & ContemptBit) != 0);
        var health = Health.Score(parts, settings.HealthWeights);
        ExplainHealth(health, parts, settings.HealthWeights, explanation);

        return new ContactScore
        {
            RecommendedAction = action,
            RelationshipLevel = level,
            PreviousLevel = previous,
            LevelChangedOn = changedOn,
            Direction = direction,
            ExpectationGap = gap,
            ExpectationGapScore = gap is null ? null : ExpectationGap.Score(gap.Value),
            ExpectationAlignment = gap is null ? null : ExpectationGap.Alignment(gap.Value),
            NextFeedbackDue = due,
            HealthScore = health,
            Explanation = explanation.ToString(),
        };
    }

    private const int ContemptBit = 1 << 1;

    private static RecommendedAction? Action(ContactInputs inputs, ScoringSettings settings, ExplanationText explanation)
    {
        if (inputs.Relationship is { } relationship && inputs.OrganizationalPower is { } power
            && inputs.Perception is { } perception && inputs.ActivityLevel is { } activity)
        {
            var row = RelationshipMatrix.RowIndex(relationship, power, perception, activity);
            var action = settings.ActionFor(row);
            explanation.Line(
                "Recommended action: " + Labels.Of(action) + ", because Relationship is " + Labels.Of(relationship)
                + ", Organizational power is " + Labels.Of(power) + ", Perception is " + Labels.Of(perception)
                + " and Activity level is " + Labels.Of(activity) + "."
                + (settings.IsOverridden(row) ? " Your administrator set this row of the matrix." : string.Empty));
            return action;
        }

        var missing = new List<string>(4);
        if (inputs.Relationship is null) { missing.Add("Relationship"); }
        if (inputs.OrganizationalPower is null) { missing.Add("Organizational power"); }
        if (inputs.Perception is null) { missing.Add("Perception"); }
        if (inputs.ActivityLevel is null) { missing.Add("Activity level"); }
        explanation.Line(
            "No recommended action: " + ExplanationText.List(missing) + ExplanationText.IsAre(missing.Count)
            + " not assessed yet. Assess " + (missing.Count == 1 ? "it" : "them") + " to get one.");
        return null;
    }

    private static void ExplainLevel(int mask, RelationshipLevel? level, ExplanationText explanation)
    {
        if (level is null)
        {
            explanation.Line("No relationship level: no relationship behaviours are observed yet. Record the ones you see, starting with Buys from us.");
            return;
        }

        var rung = Ladder.Rung(level.Value);
        var shown = new List<string>(5);
        for (var r = 1; r <= rung; r++)
        {
            if ((mask & (1 << (r - 1))) != 0)
            {
                shown.Add(Labels.Of(Ladder.BehaviourOf(r)));
            }
        }

        explanation.Line(shown.Count == 0
            ? "Relationship level: " + Labels.Of(level.Value) + ": any observed behaviour puts the relationship on the first rung."
            : "Relationship level: " + Labels.Of(level.Value) + ", shown by " + ExplanationText.List(shown) + ".");

        if (rung < 5)
        {
            var above = new List<string>(3);
            for (var r = rung + 2; r <= 5; r++)
            {
                if ((mask & (1 << (r - 1))) != 0)
                {
                    above.Add(Labels.Of(Ladder.BehaviourOf(r)));
                }
            }

            if (above.Count > 0)
            {
                explanation.Line(
                    ExplanationText.List(above) + ExplanationText.IsAre(above.Count) + " observed, but "
                    + Labels.Of(Ladder.BehaviourOf(rung + 1)) + " is not: the level stays at " + Labels.Of(level.Value) + ".");
            }
        }
    }

    private static Direction DirectionOf(int riskMask, RelationshipLevel? level, RelationshipLevel? previous, DateTime? changedOn)
    {
        if (riskMask != 0)
        {
            return Direction.ComingApart;
        }

        if (changedOn is null)
        {
            return Direction.Steady;
        }

        var before = previous is null ? 0 : Ladder.Rung(previous.Value);
        var after = level is null ? 0 : Ladder.Rung(level.Value);
        return after < before ? Direction.ComingApart
            : after > before ? Direction.ComingTogether
            : Direction.Steady;
    }

    private static void ExplainDirection(Direction direction, int riskMask, RelationshipLevel? level, RelationshipLevel? previous, DateTime? changedOn, ExplanationText explanation)
    {
        if (riskMask != 0)
        {
            var risks = new List<string>(4);
            for (var i = 0; i < 4; i++)
            {
                if ((riskMask & (1 << i)) != 0)
                {
                    risks.Add(Labels.Of((RiskBehaviour)(415700000 + i)));
                }
            }

            explanation.Line("Direction: Coming apart, because " + ExplanationText.List(risks) + ExplanationText.IsAre(risks.Count) + " observed.");
            return;
        }

        if (direction == Direction.Steady || changedOn is null)
        {
            explanation.Line("Direction: Steady: no risk behaviours are observed and the level has not risen or fallen.");
            return;
        }

        explanation.Line(
            "Direction: " + Labels.Of(direction) + ", because the level " + (direction == Direction.ComingApart ? "fell" : "rose")
            + " from " + LevelText(previous) + " to " + LevelText(level) + " on " + ExplanationText.Date(changedOn.Value) + ".");
    }

    private static string LevelText(RelationshipLevel? level) => level is null ? "no level" : Labels.Of(level.Value);

    private static void ExplainGap(int? gap, RelationshipLevel? level, RelationshipLevel? view, DateTime? capturedOn, ExplanationText explanation)
    {
        if (gap is { } value)
        {
            var captured = capturedOn is null ? "capture date not recorded" : "captured " + ExplanationText.Date(capturedOn.Value);
            explanation.Line(
                "Expectation gap: " + ExplanationText.Signed(value) + " (" + Labels.Of(ExpectationGap.Alignment(value)) + "): we see "
                + Labels.Of(level!.Value) + ", the customer sees " + Labels.Of(view!.Value) + " (" + captured + "). Gap score "
                + ExpectationGap.Score(value).ToString(CultureInfo.InvariantCulture) + ".");
            return;
        }

        if (view is null)
        {
            explanation.Line(level is null
                ? "No expectation gap: there is no relationship level and no customer view yet. Ask the customer how they see the relationship."
                : "No expectation gap: ask the customer how they see the relationship.");
            return;
        }

        explanation.Line("No expectation gap: the customer sees " + Labels.Of(view.Value) + ", but there is no relationship level yet. Record the relationship behaviours you observe.");
    }

    internal static void ExplainDue(DateTime? due, DateTime? capturedOn, FeedbackCadence? cadence, ExplanationText explanation)
    {
        if (due is null)
        {
            explanation.Line("Next feedback due: not set until there is a relationship level or a customer view.");
            return;
        }

        if (capturedOn is null)
        {
            explanation.Line("Next feedback due: " + ExplanationText.Date(due.Value) + ", because no customer view has been captured yet. Ask the customer how they see the relationship.");
            return;
        }

        explanation.Line(
            "Next feedback due: " + ExplanationText.Date(due.Value) + ", " + ExpectationGap.Months(cadence).ToString(CultureInfo.InvariantCulture)
            + " months after the view captured on " + ExplanationText.Date(capturedOn.Value) + " ("
            + (cadence is null ? "Quarterly by default" : Labels.Of(cadence.Value)) + ").");
    }

    private static void ExplainHealth(int? health, HealthParts parts, HealthWeights weights, ExplanationText explanation)
    {
        var known = new List<string>(4);
        var unknown = new List<string>(3);
        AddPart("ladder", parts.Ladder, weights.Ladder, "ladder needs observed behaviours", known, unknown);
        AddPart("stance", parts.Stance, weights.Stance, "stance needs Perception and Relationship", known, unknown);
        AddPart("alignment", parts.Alignment, weights.Alignment, "alignment needs our level and the customer's view", known, unknown);
        AddPart("risk behaviours", parts.Risk, weights.Risk, string.Empty, known, unknown);

        if (health is { } score)
        {
            explanation.Line(
                "Relationship health: " + score.ToString(CultureInfo.InvariantCulture) + ", the weighted mean of " + ExplanationText.List(known) + "."
                + (unknown.Count == 0 ? string.Empty : " Not counted: " + ExplanationText.List(unknown) + "."));
            return;
        }

        explanation.Line("No relationship health: it needs at least two of ladder, stance and alignment; " + ExplanationText.List(unknown) + ".");
    }

    private static void AddPart(string name, int? value, int weight, string whenUnknown, List<string> known, List<string> unknown)
    {
        if (value is { } v)
        {
            known.Add(name + " " + v.ToString(CultureInfo.InvariantCulture) + " (weight " + weight.ToString(CultureInfo.InvariantCulture) + ")");
        }
        else
        {
            unknown.Add(whenUnknown);
        }
    }

    private static int RiskMask(IReadOnlyCollection<RiskBehaviour> risks)
    {
        var mask = 0;
        foreach (var risk in risks)
        {
            var bit = (int)risk - 415700000;
            if (bit >= 0 && bit < 4)
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }

    private static int CountBits(int mask)
    {
        var count = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            count++;
        }

        return count;
    }
}

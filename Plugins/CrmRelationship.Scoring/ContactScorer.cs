using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// Scores one contact: matrix, ladder, direction, gap, feedback due and health. Scoring keeps the
/// facts; <see cref="ContactExplanation"/> turns them into the explanation when it is asked for, so
/// scoring itself allocates only the <see cref="ContactScore"/>.
/// </summary>
internal static class ContactScorer
{
    public static ContactScore Score(ContactInputs inputs, LevelHistory? history, DateTime now, ScoringSettings settings)
    {
        RecommendedAction? action = null;
        var overridden = false;
        if (inputs.Relationship is { } relationship && inputs.OrganizationalPower is { } power
            && inputs.Perception is { } perception && inputs.ActivityLevel is { } activity)
        {
            var row = RelationshipMatrix.RowIndex(relationship, power, perception, activity);
            action = settings.ActionFor(row);
            overridden = settings.IsOverridden(row);
        }

        var mask = Ladder.Mask(inputs.ObservedBehaviours);
        var level = Ladder.LevelOfMask(mask);
        var riskMask = RiskMask(inputs);

        // A level change is recorded only against a stored record: previous = stored, changed on = now.
        var changed = history is not null && history.StoredLevel != level;
        var previous = history is null ? null : changed ? history.StoredLevel : history.PreviousLevel;
        var changedOn = history is null ? null : changed ? now : history.LevelChangedOn;

        var gap = ExpectationGap.Gap(level, inputs.CustomerViewLevel);

        // relationship-model.md §4: a capture date in the future reads as not captured; the explanation says so.
        var captured = inputs.CustomerViewDate is { } date && !CaptureDates.IsInTheFuture(date, now) ? date : (DateTime?)null;
        var parts = Health.Parts(level, inputs.Perception, inputs.Relationship, gap, CountBits(riskMask), (riskMask & ContemptBit) != 0);

        return new ContactScore
        {
            RecommendedAction = action,
            RelationshipLevel = level,
            PreviousLevel = previous,
            LevelChangedOn = changedOn,
            Direction = DirectionOf(riskMask, level, previous, changedOn),
            ExpectationGap = gap,
            ExpectationGapScore = gap is null ? null : ExpectationGap.Score(gap.Value),
            ExpectationAlignment = gap is null ? null : ExpectationGap.Alignment(gap.Value),
            NextFeedbackDue = ExpectationGap.NextFeedbackDue(captured, inputs.FeedbackCadence, level is not null, now.Date),
            HealthScore = Health.Score(parts, settings.HealthWeights),
            Engagement = Touchpoints.LevelFor(inputs.Touchpoints, settings.Touchpoints),
            Facts = new ContactFacts(inputs, now, overridden, mask, riskMask, parts, settings.HealthWeights, settings.Touchpoints),
        };
    }

    internal const int ContemptBit = 1 << 1;

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

    private static int RiskMask(ContactInputs inputs)
    {
        var mask = 0;
        foreach (var risk in inputs.RiskBehaviours)
        {
            var bit = (int)risk - OptionValues.Base;
            if (bit >= 0 && bit < 4)
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }

    internal static int CountBits(int mask)
    {
        var count = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            count++;
        }

        return count;
    }
}

/// <summary>What the explanation of a contact is written from, kept by scoring.</summary>
internal readonly struct ContactFacts
{
    public ContactFacts(ContactInputs inputs, DateTime now, bool rowOverridden, int behaviourMask, int riskMask, HealthParts parts, HealthWeights weights, TouchpointSettings touchpoints)
    {
        Touchpoints = touchpoints;
        Inputs = inputs;
        Now = now;
        RowOverridden = rowOverridden;
        BehaviourMask = behaviourMask;
        RiskMask = riskMask;
        Parts = parts;
        Weights = weights;
    }

    public ContactInputs Inputs { get; }

    /// <summary>The time of scoring, against which a capture date is in the future or not.</summary>
    public DateTime Now { get; }

    public bool RowOverridden { get; }

    public int BehaviourMask { get; }

    public int RiskMask { get; }

    public HealthParts Parts { get; }

    public HealthWeights Weights { get; }

    public TouchpointSettings Touchpoints { get; }
}

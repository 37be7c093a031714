using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// Writes a contact's explanation (relationship-model.md §6): which inputs chose the action, which
/// behaviours set the level and which rung is missing, the direction, the gap with both levels and
/// the capture date, when to ask again, the health parts, and what to do next for anything missing.
/// The same score always gives the same text.
/// </summary>
internal static class ContactExplanation
{
    private static readonly string[] MatrixInputNames = { "Relationship", "Organizational power", "Perception", "Activity level" };

    public static void Write(ContactScore score, ContactFacts facts, ref ExplanationWriter w)
    {
        WriteAction(score, facts, ref w);
        WriteLevel(score.RelationshipLevel, facts.BehaviourMask, ref w);
        WriteDirection(score, facts.RiskMask, ref w);
        WriteGap(score, facts.Inputs, facts.Now, ref w);
        WriteDue(score.NextFeedbackDue, facts.Inputs.CustomerViewDate, facts.Inputs.FeedbackCadence, Labels.ContactFields.CustomerViewDate, facts.Now, ref w);
        WriteHealth(score.HealthScore, facts.Parts, facts.Weights, ref w);
        WriteTouchpoints(score.Engagement, facts.Inputs, facts.Touchpoints, ref w);
    }

    // relationship-model.md §9: from the stored Touchpoints and Last touchpoint only, so that the contact's own
    // save, the activity plug-in's write and the offline scorer write the same line for the same record.
    private static void WriteTouchpoints(Engagement? engagement, ContactInputs inputs, TouchpointSettings settings, ref ExplanationWriter w)
    {
        var noticedAfter = TouchpointSettings.Format(settings.NoticedAfter);
        var faster = settings.WeightOf(LogicalNames.Activities.PhoneCall) > settings.WeightOf(LogicalNames.Activities.Email)
            && settings.WeightOf(LogicalNames.Activities.Appointment) > settings.WeightOf(LogicalNames.Activities.Email);
        if (inputs.Touchpoints is not { } touchpoints)
        {
            w.Line("Touchpoints: none yet; it takes ");
            w.Text(noticedAfter);
            w.Text(" to be noticed.");
        }
        else
        {
            w.Line("Touchpoints: ");
            w.Text(TouchpointSettings.Format(touchpoints));
            if (engagement == Engagement.Noticed)
            {
                w.Text(", noticed (it takes ");
                w.Text(noticedAfter);
                w.Char(')');
            }
            else
            {
                w.Text(" of the ");
                w.Text(noticedAfter);
                w.Text(" it takes to be noticed");
            }

            if (inputs.LastTouchpoint is { } last)
            {
                w.Text("; last on ");
                w.Date(last);
            }

            w.Char('.');
            if (engagement == Engagement.Noticed)
            {
                w.Text(" Keep in regular contact.");
                return;
            }
        }

        if (faster)
        {
            w.Text(" Calls and meetings get there faster than email.");
        }
    }

    private static void WriteAction(ContactScore score, ContactFacts facts, ref ExplanationWriter w)
    {
        var inputs = facts.Inputs;
        if (score.RecommendedAction is { } action)
        {
            w.Line("Recommended action: ");
            w.Text(Labels.Of(action));
            w.Text(", because Relationship is ");
            w.Text(Labels.Of(inputs.Relationship!.Value));
            w.Text(", Organizational power is ");
            w.Text(Labels.Of(inputs.OrganizationalPower!.Value));
            w.Text(", Perception is ");
            w.Text(Labels.Of(inputs.Perception!.Value));
            w.Text(" and Activity level is ");
            w.Text(Labels.Of(inputs.ActivityLevel!.Value));
            w.Char('.');
            if (facts.RowOverridden)
            {
                w.Text(" Your administrator set this row of the matrix.");
            }

            return;
        }

        var missing = (inputs.Relationship is null ? 1 : 0) | (inputs.OrganizationalPower is null ? 2 : 0)
            | (inputs.Perception is null ? 4 : 0) | (inputs.ActivityLevel is null ? 8 : 0);
        var count = ContactScorer.CountBits(missing);
        w.Line("No recommended action: ");
        WriteNames(missing, MatrixInputNames, ref w);
        w.IsAre(count);
        w.Text(" not assessed yet. Assess ");
        w.Text(count == 1 ? "it" : "them");
        w.Text(" to get one.");
    }

    private static void WriteLevel(RelationshipLevel? level, int mask, ref ExplanationWriter w)
    {
        if (level is null)
        {
            w.Line("No relationship level: no relationship behaviours are observed yet. Record the ones you see, starting with Buys from us.");
            return;
        }

        var rung = Ladder.Rung(level.Value);
        var shown = mask & ((1 << rung) - 1);
        w.Line("Relationship level: ");
        w.Text(Labels.Of(level.Value));
        if (shown == 0)
        {
            w.Text(": any observed behaviour puts the relationship on the first rung.");
        }
        else
        {
            w.Text(", shown by ");
            WriteBehaviours(shown, ref w);
            w.Char('.');
        }

        // Rungs above the first missing one (rung + 1) that are observed but do not count.
        var above = rung < 5 ? mask & ~((1 << (rung + 1)) - 1) : 0;
        if (above != 0)
        {
            w.Line(string.Empty);
            WriteBehaviours(above, ref w);
            w.IsAre(ContactScorer.CountBits(above));
            w.Text(" observed, but ");
            w.Text(Labels.Of(Ladder.BehaviourOf(rung + 1)));
            w.Text(" is not: the level stays at ");
            w.Text(Labels.Of(level.Value));
            w.Char('.');
        }
    }

    private static void WriteDirection(ContactScore score, int riskMask, ref ExplanationWriter w)
    {
        if (riskMask != 0)
        {
            w.Line("Direction: Coming apart, because ");
            var count = ContactScorer.CountBits(riskMask);
            var index = 0;
            for (var bit = 0; bit < 4; bit++)
            {
                if ((riskMask & (1 << bit)) != 0)
                {
                    w.Separator(index++, count);
                    w.Text(Labels.Of((RiskBehaviour)(OptionValues.Base + bit)));
                }
            }

            w.IsAre(count);
            w.Text(" observed.");
            return;
        }

        if (score.Direction == Direction.Steady || score.LevelChangedOn is null)
        {
            w.Line("Direction: Steady: no risk behaviours are observed and the level has not risen or fallen.");
            return;
        }

        w.Line("Direction: ");
        w.Text(Labels.Of(score.Direction));
        w.Text(score.Direction == Direction.ComingApart ? ", because the level fell from " : ", because the level rose from ");
        w.Text(LevelText(score.PreviousLevel));
        w.Text(" to ");
        w.Text(LevelText(score.RelationshipLevel));
        w.Text(" on ");
        w.Date(score.LevelChangedOn.Value);
        w.Char('.');
    }

    private static void WriteGap(ContactScore score, ContactInputs inputs, DateTime now, ref ExplanationWriter w)
    {
        var view = inputs.CustomerViewLevel;
        if (score.ExpectationGap is { } gap)
        {
            w.Line("Expectation gap: ");
            w.Signed(gap);
            w.Text(" (");
            w.Text(Labels.Of(ExpectationGap.Alignment(gap)));
            w.Text("): we see ");
            w.Text(Labels.Of(score.RelationshipLevel!.Value));
            w.Text(", the customer sees ");
            w.Text(Labels.Of(view!.Value));
            WriteCaptured(inputs.CustomerViewDate, now, ref w);
            w.Text(". Gap score ");

            w.Number(ExpectationGap.Score(gap));
            w.Char('.');
            return;
        }

        if (view is null)
        {
            w.Line(score.RelationshipLevel is null
                ? "No expectation gap: there is no relationship level and no customer view yet. Ask the customer how they see the relationship."
                : "No expectation gap: ask the customer how they see the relationship.");
            return;
        }

        w.Line("No expectation gap: the customer sees ");
        w.Text(Labels.Of(view.Value));
        w.Text(", but there is no relationship level yet. Record the relationship behaviours you observe.");
    }

    /// <summary>" (captured 2026-03-15)" after the customer's view in a gap line; a contact's and an account's alike.</summary>
    internal static void WriteCaptured(DateTime? capturedOn, DateTime now, ref ExplanationWriter w)
    {
        if (capturedOn is not { } captured)
        {
            w.Text(" (capture date not recorded)");
        }
        else if (CaptureDates.IsInTheFuture(captured, now))
        {
            w.Text(" (capture date in the future, read as not captured)");
        }
        else
        {
            w.Text(" (captured ");
            w.Date(captured);
            w.Char(')');
        }
    }

    /// <summary>
    /// The "Next feedback due" line; an account's explanation ends with the same line. <paramref name="label"/> names the
    /// capture date's column when the date is in the future and so read as not captured.
    /// </summary>
    internal static void WriteDue(DateTime? due, DateTime? capturedOn, FeedbackCadence? cadence, string label, DateTime now, ref ExplanationWriter w)
    {
        if (capturedOn is { } future && CaptureDates.IsInTheFuture(future, now))
        {
            if (due is null)
            {
                w.Line("Next feedback due: not set, because ");
            }
            else
            {
                w.Line("Next feedback due: ");
                w.Date(due.Value);
                w.Text(", because ");
            }

            CaptureDates.WriteInTheFuture(label, future, now, ref w);
            w.Text(due is null
                ? ", so it is read as not captured. Correct the date."
                : ", so it is read as not captured. Correct the date, or ask the customer how they see the relationship.");
            return;
        }

        if (due is null)
        {
            if (capturedOn is { } captured)
            {
                w.Line("Next feedback due: not set, because ");
                w.Number(ExpectationGap.Months(cadence));
                w.Text(" months after the view captured on ");
                w.Date(captured);
                w.Text(" is after 9999-12-31, the last date a date column holds.");
                return;
            }

            w.Line("Next feedback due: not set until there is a relationship level or a customer view.");
            return;
        }

        w.Line("Next feedback due: ");
        w.Date(due.Value);
        if (capturedOn is null)
        {
            w.Text(", because no customer view has been captured yet. Ask the customer how they see the relationship.");
            return;
        }

        w.Text(", ");
        w.Number(ExpectationGap.Months(cadence));
        w.Text(" months after the view captured on ");
        w.Date(capturedOn.Value);
        w.Text(" (");
        w.Text(cadence is null ? "Quarterly by default" : Labels.Of(cadence.Value));
        w.Text(").");
    }

    private static void WriteHealth(int? health, HealthParts parts, HealthWeights weights, ref ExplanationWriter w)
    {
        var unknown = (parts.Ladder is null ? 1 : 0) | (parts.Stance is null ? 2 : 0) | (parts.Alignment is null ? 4 : 0);
        if (health is { } score)
        {
            w.Line("Relationship health: ");
            w.Number(score);
            w.Text(", the weighted mean of ");
            var known = 4 - ContactScorer.CountBits(unknown);
            var index = 0;
            if (parts.Ladder is { } ladder) { Part(ref w, index++, known, "ladder ", ladder, weights.Ladder); }
            if (parts.Stance is { } stance) { Part(ref w, index++, known, "stance ", stance, weights.Stance); }
            if (parts.Alignment is { } alignment) { Part(ref w, index++, known, "alignment ", alignment, weights.Alignment); }
            Part(ref w, index, known, "risk behaviours ", parts.Risk, weights.Risk);
            w.Char('.');
            if (unknown != 0)
            {
                w.Text(" Not counted: ");
                WriteNames(unknown, UnknownPartReasons, ref w);
                w.Char('.');
            }

            return;
        }

        w.Line("No relationship health: it needs at least two of ladder, stance and alignment; ");
        WriteNames(unknown, UnknownPartReasons, ref w);
        w.Char('.');
    }

    private static readonly string[] UnknownPartReasons =
    {
        "ladder needs observed behaviours",
        "stance needs Perception and Relationship",
        "alignment needs our level and the customer's view",
    };

    private static void Part(ref ExplanationWriter w, int index, int count, string name, int value, int weight)
    {
        w.Separator(index, count);
        w.Text(name);
        w.Number(value);
        w.Text(" (weight ");
        w.Number(weight);
        w.Char(')');
    }

    private static void WriteBehaviours(int mask, ref ExplanationWriter w)
    {
        var count = ContactScorer.CountBits(mask);
        var index = 0;
        for (var rung = 1; rung <= 5; rung++)
        {
            if ((mask & (1 << (rung - 1))) != 0)
            {
                w.Separator(index++, count);
                w.Text(Labels.Of(Ladder.BehaviourOf(rung)));
            }
        }
    }

    private static void WriteNames(int mask, string[] names, ref ExplanationWriter w)
    {
        var count = ContactScorer.CountBits(mask);
        var index = 0;
        for (var i = 0; i < names.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                w.Separator(index++, count);
                w.Text(names[i]);
            }
        }
    }

    private static string LevelText(RelationshipLevel? level) => level is null ? "no level" : Labels.Of(level.Value);
}

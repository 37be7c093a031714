using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// Writes an account's explanation (relationship-model.md §6 and §7) from its rollup: the key contact
/// and, when another contact has the same action, the rule that put them first; the counts; then, once a
/// contact is assessed, the High-power coverage, the level with the weight on each rung, the health, the
/// gap and its basis (the account's own customer view or its contacts' gaps) and when to ask again.
/// The same rollup always gives the same text.
/// </summary>
internal static class AccountExplanation
{
    public static void Write(AccountRollup rollup, AccountInputs inputs, DateTime? nextFeedbackDue, DateTime now, ContactDeparture? left, ref ExplanationWriter w)
    {
        if (left is not null)
        {
            WriteLeft(left, rollup, now, ref w);
        }

        WriteKeyContact(rollup, ref w);
        WriteCounts(rollup, ref w);
        if (rollup.Assessed == 0)
        {
            // relationship-model.md §7: "An account with no assessed contacts has these values emptied".
            w.Line("Until a contact is assessed, the account's relationship level, health, expectation gap, high-power coverage "
                + "and next feedback due stay empty.");
            return;
        }

        WriteCoverage(rollup, ref w);
        WriteLevel(rollup, ref w);
        WriteHealth(rollup, ref w);
        WriteGap(rollup, inputs, now, ref w);
        ContactExplanation.WriteDue(nextFeedbackDue, inputs.CustomerViewDate, inputs.FeedbackCadence, Labels.AccountFields.CustomerViewDate, now, ref w);
    }

    private static void WriteKeyContact(AccountRollup rollup, ref ExplanationWriter w)
    {
        if (rollup.KeyContact is not { } key)
        {
            w.Line("No recommended action and no key contact: none of the ");
            w.Number(rollup.Active);
            w.Text(" active contacts is assessed yet. Assess their Relationship, Organizational power, Perception and Activity level.");
            return;
        }

        w.Line("Key contact: ");
        WriteName(key, ref w);
        w.Text(", whose action ");
        w.Text(Labels.Of(key.RecommendedAction!.Value));
        w.Text(" is the most urgent of the ");
        WriteContacts(rollup.Assessed, " assessed contact", ref w);
        w.Text(". The account's recommended action is theirs.");
        if (rollup.RunnerUp is { } runnerUp && runnerUp.RecommendedAction == key.RecommendedAction)
        {
            w.Char(' ');
            WriteName(runnerUp, ref w);
            w.Text(" has the same action; ");
            WriteName(key, ref w);
            w.Text(" comes first because ");
            w.Text(KeyContactOrder.Reason(key, runnerUp));
            w.Char('.');
        }
    }

    /// <summary>"Corinne Favre, the key contact, left on 2026-12-03 (deactivated); Beat Zimmermann is now the key contact."</summary>
    private static void WriteLeft(ContactDeparture left, AccountRollup rollup, DateTime now, ref ExplanationWriter w)
    {
        w.Line(string.Empty);
        WriteName(left.Name, left.Id, ref w);
        w.Text(", the key contact, left on ");
        w.Date(now);
        w.Text(" (");
        w.Text(left.Reason switch
        {
            DepartureReason.Deactivated => "deactivated",
            DepartureReason.MovedToAnotherAccount => "moved to another account",
            DepartureReason.RemovedFromAccount => "removed from the account",
            _ => "deleted",
        });
        w.Text("); ");
        if (rollup.KeyContact is { } key)
        {
            WriteName(key, ref w);
            w.Text(" is now the key contact.");
        }
        else
        {
            w.Text("no other active contact is assessed, so the account has no key contact.");
        }
    }

    private static void WriteCounts(AccountRollup rollup, ref ExplanationWriter w)
    {
        w.Line("Contacts: ");
        w.Number(rollup.Active);
        w.Text(" active, ");
        w.Number(rollup.Assessed);
        w.Text(" assessed, ");
        w.Number(rollup.AtRisk);
        w.Text(" at risk, ");
        w.Number(rollup.WithPotential);
        w.Text(" with potential.");
    }

    private static void WriteCoverage(AccountRollup rollup, ref ExplanationWriter w)
    {
        if (rollup.HighPowerCoverage is not { } coverage)
        {
            w.Line("High-power coverage: none, because no active contact is recorded as High power.");
            return;
        }

        w.Line("High-power coverage: ");
        w.Number(coverage);
        w.Text("%, because ");
        w.Number(rollup.HighPowerWithRelationship);
        w.Text(" of ");
        w.Number(rollup.HighPower);
        w.Text(" High-power contacts would take our call.");
    }

    private static void WriteLevel(AccountRollup rollup, ref ExplanationWriter w)
    {
        if (rollup.Level is not { } level)
        {
            w.Line("No relationship level: no active contact has a relationship level yet.");
            return;
        }

        w.Line("Relationship level: ");
        w.Text(Labels.Of(level));
        w.Text(", the weighted lower median of the levels of ");
        WriteContacts(rollup.WithLevel, " contact", ref w);
        w.Text(" (a High-power contact weighs ");
        w.Number(rollup.HighPowerWeight);
        w.Text("; weight per level: ");
        var first = true;
        for (var rung = 1; rung <= 5; rung++)
        {
            if (rollup.WeightOn(rung) > 0)
            {
                if (!first)
                {
                    w.Text(", ");
                }

                first = false;
                w.Text(Labels.Of(Ladder.LevelOf(rung)));
                w.Char(' ');
                w.Number(rollup.WeightOn(rung));
            }
        }

        w.Text(").");
    }

    private static void WriteHealth(AccountRollup rollup, ref ExplanationWriter w)
    {
        if (rollup.Health is not { } health)
        {
            w.Line("No relationship health: no active contact has a health score yet.");
            return;
        }

        w.Line("Relationship health: ");
        w.Number(health);
        w.Text(", the weighted mean of the health of ");
        WriteContacts(rollup.WithHealth, " contact", ref w);
        w.Char('.');
    }

    private static void WriteGap(AccountRollup rollup, AccountInputs inputs, DateTime now, ref ExplanationWriter w)
    {
        var gap = rollup.Gap(inputs.CustomerViewLevel);
        if (inputs.CustomerViewLevel is { } view)
        {
            if (gap is null)
            {
                w.Line("No expectation gap: the account's customer view is ");
                w.Text(Labels.Of(view));
                w.Text(", but no contact has a relationship level yet.");
                return;
            }

            WriteGapAndAlignment(gap.Value, ref w);
            w.Text(" from the account's own customer view: the account level is ");
            w.Text(Labels.Of(rollup.Level!.Value));
            w.Text(", the customer sees ");
            w.Text(Labels.Of(view));
            ContactExplanation.WriteCaptured(inputs.CustomerViewDate, now, ref w);
            WriteGapScore(gap.Value, ref w);
            return;
        }

        if (gap is null)
        {
            w.Line("No expectation gap: the account has no customer view of its own and no contact has a gap. Ask the customer how they see the relationship.");
            return;
        }

        WriteGapAndAlignment(gap.Value, ref w);
        w.Text(", the weighted mean of the gaps of ");
        WriteContacts(rollup.WithGap, " contact", ref w);
        w.Text(", rounded; the account has no customer view of its own");
        WriteGapScore(gap.Value, ref w);
    }

    /// <summary>"Expectation gap: +1 (Overestimated)".</summary>
    private static void WriteGapAndAlignment(int gap, ref ExplanationWriter w)
    {
        w.Line("Expectation gap: ");
        w.Signed(gap);
        w.Text(" (");
        w.Text(Labels.Of(ExpectationGap.Alignment(gap)));
        w.Char(')');
    }

    /// <summary>". Gap score 25."</summary>
    private static void WriteGapScore(int gap, ref ExplanationWriter w)
    {
        w.Text(". Gap score ");
        w.Number(ExpectationGap.Score(gap));
        w.Char('.');
    }

    /// <summary>"1 contact", "2 contacts".</summary>
    private static void WriteContacts(int count, string noun, ref ExplanationWriter w)
    {
        w.Number(count);
        w.Text(noun);
        if (count != 1)
        {
            w.Char('s');
        }
    }

    /// <summary>The contact's stored name as plain text, or "contact" and its id when it has no name.</summary>
    private static void WriteName(AccountContact contact, ref ExplanationWriter w) => WriteName(contact.Name, contact.Id, ref w);

    private static void WriteName(string? name, string? id, ref ExplanationWriter w)
    {
        if (ExplanationWriter.HasPlainText(name))
        {
            w.PlainText(name!);
            return;
        }

        w.Text("contact ");
        w.PlainText(id ?? string.Empty);
    }
}

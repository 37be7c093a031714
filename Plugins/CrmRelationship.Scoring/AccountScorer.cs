using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// Rolls an account's active contacts up to the account (relationship-model.md §7). The account
/// step and the contact rollup both call this, so they can never disagree. <see cref="AccountRollup"/>
/// does the arithmetic in one pass over the contacts; <see cref="AccountExplanation"/> writes the text.
/// </summary>
internal static class AccountScorer
{
    public static AccountScore Score(AccountInputs inputs, IEnumerable<AccountContact> contacts, DateTime now, ScoringSettings settings)
    {
        var rollup = new AccountRollup(settings.HighPowerWeight);
        foreach (var contact in contacts)
        {
            rollup.Add(contact);
        }

        if (rollup.Assessed == 0)
        {
            // relationship-model.md §7: "An account with no assessed contacts has these values emptied".
            return new AccountScore
            {
                LastTouchpoint = rollup.LastTouchpoint,
                NoticedContacts = rollup.Noticed,
                Explanation = Explain(rollup, inputs, null, now),
            };
        }

        var level = rollup.Level;
        var gap = rollup.Gap(inputs.CustomerViewLevel);

        // relationship-model.md §4: a capture date in the future reads as not captured; the explanation says so.
        var captured = inputs.CustomerViewDate is { } date && !CaptureDates.IsInTheFuture(date, now) ? date : (DateTime?)null;
        var due = ExpectationGap.NextFeedbackDue(captured, inputs.FeedbackCadence, level is not null, now.Date);
        return new AccountScore
        {
            RecommendedAction = rollup.KeyContact?.RecommendedAction,
            RelationshipLevel = level,
            ExpectationGap = gap,
            ExpectationGapScore = gap is null ? null : ExpectationGap.Score(gap.Value),
            ExpectationAlignment = gap is null ? null : ExpectationGap.Alignment(gap.Value),
            NextFeedbackDue = due,
            HealthScore = rollup.Health,
            AssessedContacts = rollup.Assessed,
            RiskContacts = rollup.AtRisk,
            PotentialContacts = rollup.WithPotential,
            HighPowerCoverage = rollup.HighPowerCoverage,
            KeyContactId = rollup.KeyContact?.Id,
            LastTouchpoint = rollup.LastTouchpoint,
            NoticedContacts = rollup.Noticed,
            Explanation = Explain(rollup, inputs, due, now),
        };
    }

    private static string Explain(AccountRollup rollup, AccountInputs inputs, DateTime? nextFeedbackDue, DateTime now)
    {
        var sink = new StringExplanationSink();
        var writer = new ExplanationWriter(sink);
        AccountExplanation.Write(rollup, inputs, nextFeedbackDue, now, ref writer);
        writer.End();
        return sink.ToString();
    }
}

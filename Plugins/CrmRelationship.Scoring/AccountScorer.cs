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
    public static AccountScore Score(AccountInputs inputs, IEnumerable<AccountContact> contacts, DateTime now, ScoringSettings settings, KeyContactHistory? history)
    {
        var rollup = new AccountRollup(settings.HighPowerWeight);
        foreach (var contact in contacts)
        {
            rollup.Add(contact);
        }

        var change = KeyContactChange.Of(history, rollup.KeyContact, now);
        if (rollup.Assessed == 0)
        {
            // relationship-model.md §7: "An account with no assessed contacts has these values emptied".
            return new AccountScore
            {
                PreviousKeyContactId = change.PreviousKeyContactId,
                KeyContactChangedOn = change.ChangedOn,
                LastTouchpoint = rollup.LastTouchpoint,
                NoticedContacts = rollup.Noticed,
                Explanation = Explain(rollup, inputs, null, now, change.Left),
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
            NextStep = NextSteps.ForAccount(rollup.KeyContact),
            PreviousKeyContactId = change.PreviousKeyContactId,
            KeyContactChangedOn = change.ChangedOn,
            LastTouchpoint = rollup.LastTouchpoint,
            NoticedContacts = rollup.Noticed,
            Explanation = Explain(rollup, inputs, due, now, change.Left),
        };
    }

    private static string Explain(AccountRollup rollup, AccountInputs inputs, DateTime? nextFeedbackDue, DateTime now, ContactDeparture? left)
    {
        var sink = new StringExplanationSink();
        var writer = new ExplanationWriter(sink);
        AccountExplanation.Write(rollup, inputs, nextFeedbackDue, now, left, ref writer);
        writer.End();
        return sink.ToString();
    }
}

/// <summary>
/// Whether a rollup changes the account's key contact (relationship-model.md §10): from a stored key contact to
/// another or to none. A first key contact, where none was stored, is no change. The previous key contact and the
/// date are then kept; otherwise the stored ones stay.
/// </summary>
internal readonly struct KeyContactChange
{
    private KeyContactChange(string? previous, DateTime? changedOn, ContactDeparture? left)
    {
        PreviousKeyContactId = previous;
        ChangedOn = changedOn;
        Left = left;
    }

    public string? PreviousKeyContactId { get; }

    public DateTime? ChangedOn { get; }

    /// <summary>The key contact that left, when the change is because they left; otherwise null.</summary>
    public ContactDeparture? Left { get; }

    public static KeyContactChange Of(KeyContactHistory? history, AccountContact? newKeyContact, DateTime now)
    {
        if (history is null)
        {
            return default;
        }

        var newKeyContactId = newKeyContact?.Id;
        var stored = history.StoredKeyContactId;
        if (history.Departure is { Reason: DepartureReason.Deleted } deleted && WasDeletedKeyContact(deleted, stored, newKeyContact))
        {
            // Dataverse has cleared the lookups to the deleted contact (cascade RemoveLink) and refuses a new one.
            return new KeyContactChange(null, now, deleted);
        }

        if (stored is null || SameId(stored, newKeyContactId))
        {
            return new KeyContactChange(history.PreviousKeyContactId, history.KeyContactChangedOn, null);
        }

        var left = history.Departure is { } departure && SameId(departure.Id, stored) ? departure : null;
        return new KeyContactChange(stored, now, left);
    }

    /// <summary>
    /// Whether a deleted contact was the key contact: the stored lookup, when the platform has not cleared it yet,
    /// says so; once cleared, the contact was the key contact when it ranks first among itself and the remaining
    /// contacts (relationship-model.md §10).
    /// </summary>
    private static bool WasDeletedKeyContact(ContactDeparture deleted, string? stored, AccountContact? newKeyContact)
    {
        if (stored is not null)
        {
            return SameId(deleted.Id, stored);
        }

        return deleted.Contact is { RecommendedAction: not null } contact
            && (newKeyContact is null || KeyContactOrder.Compare(contact, newKeyContact) < 0);
    }

    private static bool SameId(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>
/// Rolls an account's active contacts up to the account (relationship-model.md §7). The account
/// step and the contact rollup both call this, so they can never disagree. Linear in the number of
/// contacts: levels are counted per rung, so the weighted median needs no sort.
/// </summary>
internal static class AccountScorer
{
    public static AccountScore Score(AccountInputs inputs, IEnumerable<AccountContact> contacts, DateTime now, ScoringSettings settings)
    {
        var today = now.Date;
        var explanation = new ExplanationText();

        var active = 0;
        var assessed = 0;
        var risk = 0;
        var potential = 0;
        var highPower = 0;
        var highPowerWithRelationship = 0;
        AccountContact? key = null;
        AccountContact? runnerUp = null;
        var levelWeights = new long[5];
        long levelWeightTotal = 0;
        var levelContacts = 0;
        long healthSum = 0, healthWeight = 0;
        var healthContacts = 0;
        long gapSum = 0, gapWeight = 0;
        var gapContacts = 0;

        foreach (var contact in contacts)
        {
            active++;
            var weight = contact.OrganizationalPower == OrganizationalPower.High ? settings.HighPowerWeight : 1;
            if (contact.OrganizationalPower == OrganizationalPower.High)
            {
                highPower++;
                if (contact.Relationship == RelationshipStatus.Yes)
                {
                    highPowerWithRelationship++;
                }
            }

            if (contact.RecommendedAction is { } action)
            {
                assessed++;
                if (RelationshipMatrix.IsRisk(action)) { risk++; }
                if (RelationshipMatrix.IsPotential(action)) { potential++; }
                if (key is null || KeyOrder(contact, key) < 0)
                {
                    runnerUp = key;
                    key = contact;
                }
                else if (runnerUp is null || KeyOrder(contact, runnerUp) < 0)
                {
                    runnerUp = contact;
                }
            }

            if (contact.RelationshipLevel is { } level)
            {
                levelWeights[Ladder.Rung(level) - 1] += weight;
                levelWeightTotal += weight;
                levelContacts++;
            }

            if (contact.HealthScore is { } health)
            {
                healthSum += (long)weight * health;
                healthWeight += weight;
                healthContacts++;
            }

            if (contact.ExpectationGap is { } gap)
            {
                gapSum += (long)weight * gap;
                gapWeight += weight;
                gapContacts++;
            }
        }

        ExplainKeyContact(key, runnerUp, assessed, active, explanation);
        explanation.Line(
            "Contacts: " + Count(active) + " active, " + Count(assessed) + " assessed, " + Count(risk) + " at risk, "
            + Count(potential) + " with potential.");

        if (assessed == 0)
        {
            // relationship-model.md §7: "An account with no assessed contacts has these values emptied".
            explanation.Line(
                "Until a contact is assessed, the account's relationship level, health, expectation gap, high-power coverage "
                + "and next feedback due stay empty.");
            return new AccountScore { Explanation = explanation.ToString() };
        }

        int? coverage = highPower == 0 ? null : Arithmetic.RoundDiv(100L * highPowerWithRelationship, highPower);
        explanation.Line(coverage is null
            ? "High-power coverage: none, because no active contact is recorded as High power."
            : "High-power coverage: " + Count(coverage.Value) + "%, because " + Count(highPowerWithRelationship) + " of "
              + Count(highPower) + " High-power contacts would take our call.");

        var accountLevel = WeightedLowerMedian(levelWeights, levelWeightTotal);
        ExplainLevel(accountLevel, levelWeights, levelContacts, settings.HighPowerWeight, explanation);

        int? healthScore = healthWeight == 0 ? null : Arithmetic.RoundDiv(healthSum, healthWeight);
        explanation.Line(healthScore is null
            ? "No relationship health: no active contact has a health score yet."
            : "Relationship health: " + Count(healthScore.Value) + ", the weighted mean of the health of " + Count(healthContacts) + " contact" + Plural(healthContacts) + ".");

        int? accountGap;
        if (inputs.CustomerViewLevel is { } view)
        {
            accountGap = ExpectationGap.Gap(accountLevel, view);
            explanation.Line(accountGap is { } own
                ? "Expectation gap: " + ExplanationText.Signed(own) + " (" + Labels.Of(ExpectationGap.Alignment(own)) + ") from the account's own customer view: the account level is "
                  + Labels.Of(accountLevel!.Value) + ", the customer sees " + Labels.Of(view) + " ("
                  + (inputs.CustomerViewDate is null ? "capture date not recorded" : "captured " + ExplanationText.Date(inputs.CustomerViewDate.Value))
                  + "). Gap score " + Count(ExpectationGap.Score(own)) + "."
                : "No expectation gap: the account's customer view is " + Labels.Of(view) + ", but no contact has a relationship level yet.");
        }
        else if (gapWeight > 0)
        {
            accountGap = Arithmetic.RoundDiv(gapSum, gapWeight);
            explanation.Line(
                "Expectation gap: " + ExplanationText.Signed(accountGap.Value) + " (" + Labels.Of(ExpectationGap.Alignment(accountGap.Value))
                + "), the weighted mean of the gaps of " + Count(gapContacts) + " contact" + Plural(gapContacts)
                + ", rounded; the account has no customer view of its own. Gap score " + Count(ExpectationGap.Score(accountGap.Value)) + ".");
        }
        else
        {
            accountGap = null;
            explanation.Line("No expectation gap: the account has no customer view of its own and no contact has a gap. Ask the customer how they see the relationship.");
        }

        var due = ExpectationGap.NextFeedbackDue(inputs.CustomerViewDate, inputs.FeedbackCadence, accountLevel is not null, today);
        explanation.Line(ContactExplanation.DueLine(due, inputs.CustomerViewDate, inputs.FeedbackCadence));

        return new AccountScore
        {
            RecommendedAction = key?.RecommendedAction,
            RelationshipLevel = accountLevel,
            ExpectationGap = accountGap,
            ExpectationGapScore = accountGap is null ? null : ExpectationGap.Score(accountGap.Value),
            ExpectationAlignment = accountGap is null ? null : ExpectationGap.Alignment(accountGap.Value),
            NextFeedbackDue = due,
            HealthScore = healthScore,
            AssessedContacts = assessed,
            RiskContacts = risk,
            PotentialContacts = potential,
            HighPowerCoverage = coverage,
            KeyContactId = key?.Id,
            Explanation = explanation.ToString(),
        };
    }

    /// <summary>
    /// Negative when <paramref name="a"/> comes before <paramref name="b"/> as key contact: most urgent
    /// action; then High power; then lower health (empty last); then earlier created (unknown last);
    /// then the lower id (ordinal, lower-case).
    /// </summary>
    internal static int KeyOrder(AccountContact a, AccountContact b) => Compare(a, b, out _);

    private static int Compare(AccountContact a, AccountContact b, out string reason)
    {
        reason = "its action is more urgent";
        var byUrgency = RelationshipMatrix.Urgency(a.RecommendedAction!.Value).CompareTo(RelationshipMatrix.Urgency(b.RecommendedAction!.Value));
        if (byUrgency != 0) { return byUrgency; }

        reason = "High power comes first";
        var aHigh = a.OrganizationalPower == OrganizationalPower.High;
        var bHigh = b.OrganizationalPower == OrganizationalPower.High;
        if (aHigh != bHigh) { return aHigh ? -1 : 1; }

        reason = "lower health comes first";
        var byHealth = NullsLast(a.HealthScore, b.HealthScore);
        if (byHealth != 0) { return byHealth; }

        reason = "the earlier created comes first";
        var byCreated = NullsLast(a.CreatedOn, b.CreatedOn);
        if (byCreated != 0) { return byCreated; }

        reason = "the lower id comes first";
        var byId = string.CompareOrdinal(a.Id.ToLowerInvariant(), b.Id.ToLowerInvariant());

        // Ids equal but for case (possible offline, never for Dataverse GUIDs) still get one order.
        return Math.Sign(byId != 0 ? byId : string.CompareOrdinal(a.Id, b.Id));
    }

    private static string Reason(AccountContact key, AccountContact runnerUp)
    {
        Compare(key, runnerUp, out var reason);
        return reason;
    }

    private static int NullsLast<T>(T? a, T? b)
        where T : struct, IComparable<T>
    {
        if (a is null) { return b is null ? 0 : 1; }
        if (b is null) { return -1; }
        return Math.Sign(a.Value.CompareTo(b.Value));
    }

    private static RelationshipLevel? WeightedLowerMedian(long[] weights, long total)
    {
        if (total == 0)
        {
            return null;
        }

        long cumulative = 0;
        for (var rung = 1; rung <= 5; rung++)
        {
            cumulative += weights[rung - 1];
            if (2 * cumulative >= total)
            {
                return Ladder.LevelOf(rung);
            }
        }

        return Ladder.LevelOf(5);
    }

    private static void ExplainKeyContact(AccountContact? key, AccountContact? runnerUp, int assessed, int active, ExplanationText explanation)
    {
        if (key is null)
        {
            explanation.Line(
                "No recommended action and no key contact: none of the " + Count(active) + " active contacts is assessed yet. "
                + "Assess their Relationship, Organizational power, Perception and Activity level.");
            return;
        }

        var line = "Key contact: " + NameOf(key) + ", whose action " + Labels.Of(key.RecommendedAction!.Value)
            + " is the most urgent of the " + Count(assessed) + " assessed contact" + Plural(assessed) + ". The account's recommended action is theirs.";
        if (runnerUp is not null && runnerUp.RecommendedAction == key.RecommendedAction)
        {
            line += " " + NameOf(runnerUp) + " has the same action; " + NameOf(key) + " comes first because " + Reason(key, runnerUp) + ".";
        }

        explanation.Line(line);
    }

    private static void ExplainLevel(RelationshipLevel? level, long[] weights, int contacts, int highPowerWeight, ExplanationText explanation)
    {
        if (level is null)
        {
            explanation.Line("No relationship level: no active contact has a relationship level yet.");
            return;
        }

        var parts = new List<string>(5);
        for (var rung = 1; rung <= 5; rung++)
        {
            if (weights[rung - 1] > 0)
            {
                parts.Add(Labels.Of(Ladder.LevelOf(rung)) + " " + weights[rung - 1].ToString(CultureInfo.InvariantCulture));
            }
        }

        explanation.Line(
            "Relationship level: " + Labels.Of(level.Value) + ", the weighted lower median of the levels of " + Count(contacts) + " contact" + Plural(contacts)
            + " (a High-power contact weighs " + Count(highPowerWeight) + "; weight per level: " + string.Join(", ", parts) + ").");
    }

    private static string NameOf(AccountContact contact)
    {
        var name = OneLineOfPlainText(contact.Name ?? string.Empty);
        return name.Length > 0 ? name : "contact " + OneLineOfPlainText(contact.Id ?? string.Empty);
    }

    /// <summary>
    /// A stored name or id as one line of plain text (relationship-model.md §6: one line per finding, no
    /// markup): line breaks, tabs and other blank or control characters become one space, and '&lt;' and
    /// '&gt;' are dropped.
    /// </summary>
    private static string OneLineOfPlainText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '<' || c == '>')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}

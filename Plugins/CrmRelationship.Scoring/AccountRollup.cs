using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// The arithmetic of an account's rollup (relationship-model.md §7). It takes the active contacts one
/// at a time and keeps only counts and sums: the key contact and the runner-up, the weight on each rung
/// of the ladder, the weighted sums of health and gap. So a rollup is linear in the number of contacts,
/// needs no sort and no list, and the weighted median is read off the rungs. A High-power contact weighs
/// <see cref="HighPowerWeight"/>, any other contact 1.
/// </summary>
internal sealed class AccountRollup
{
    private readonly long[] levelWeights = new long[5];
    private long levelWeightTotal;
    private long healthSum;
    private long healthWeight;
    private long gapSum;
    private long gapWeight;

    public AccountRollup(int highPowerWeight)
    {
        HighPowerWeight = highPowerWeight;
    }

    public int HighPowerWeight { get; }

    public int Active { get; private set; }

    /// <summary>Contacts with a recommended action.</summary>
    public int Assessed { get; private set; }

    public int AtRisk { get; private set; }

    public int WithPotential { get; private set; }

    public int HighPower { get; private set; }

    /// <summary>High-power contacts whose Relationship is Yes (they would take our call).</summary>
    public int HighPowerWithRelationship { get; private set; }

    /// <summary>The assessed contact that comes first in <see cref="KeyContactOrder"/>, or null.</summary>
    public AccountContact? KeyContact { get; private set; }

    /// <summary>The assessed contact that comes second, or null.</summary>
    public AccountContact? RunnerUp { get; private set; }

    public int WithLevel { get; private set; }

    public int WithHealth { get; private set; }

    public int WithGap { get; private set; }

    /// <summary>Contacts whose Engagement is Noticed (relationship-model.md §9).</summary>
    public int Noticed { get; private set; }

    /// <summary>The latest Last touchpoint of the contacts, or null.</summary>
    public DateTime? LastTouchpoint { get; private set; }

    /// <summary>High-power contacts with Relationship Yes, as a rounded percentage of the High-power contacts; null without any.</summary>
    public int? HighPowerCoverage => HighPower == 0 ? null : Arithmetic.RoundDiv(100L * HighPowerWithRelationship, HighPower);

    /// <summary>The weighted lower median of the contacts' levels: the lowest level with at least half the weight at or below it.</summary>
    public RelationshipLevel? Level
    {
        get
        {
            if (levelWeightTotal == 0)
            {
                return null;
            }

            long cumulative = 0;
            for (var rung = 1; rung < 5; rung++)
            {
                cumulative += levelWeights[rung - 1];
                if (2 * cumulative >= levelWeightTotal)
                {
                    return Ladder.LevelOf(rung);
                }
            }

            return Ladder.LevelOf(5);
        }
    }

    /// <summary>The weighted mean of the contacts' health, rounded; null when no contact has one.</summary>
    public int? Health => healthWeight == 0 ? null : Arithmetic.RoundDiv(healthSum, healthWeight);

    /// <summary>The weighted mean of the contacts' expectation gaps, rounded; null when no contact has one.</summary>
    public int? MeanGap => gapWeight == 0 ? null : Arithmetic.RoundDiv(gapSum, gapWeight);

    /// <summary>The weight of the contacts on <paramref name="rung"/> (1 to 5) of the ladder.</summary>
    public long WeightOn(int rung) => levelWeights[rung - 1];

    /// <summary>
    /// The account's expectation gap: from its own customer view when it has one (null while the account
    /// has no level), otherwise the weighted mean of its contacts' gaps.
    /// </summary>
    public int? Gap(RelationshipLevel? customerView) =>
        customerView is { } view ? ExpectationGap.Gap(Level, view) : MeanGap;

    public void Add(AccountContact contact)
    {
        Active++;
        if (contact.Engagement == Engagement.Noticed)
        {
            Noticed++;
        }

        if (contact.LastTouchpoint is { } last && (LastTouchpoint is null || last.Date > LastTouchpoint.Value))
        {
            LastTouchpoint = last.Date;
        }

        var high = contact.OrganizationalPower == OrganizationalPower.High;
        var weight = high ? HighPowerWeight : 1;
        if (high)
        {
            HighPower++;
            if (contact.Relationship == RelationshipStatus.Yes)
            {
                HighPowerWithRelationship++;
            }
        }

        if (contact.RecommendedAction is { } action)
        {
            Assessed++;
            if (RelationshipMatrix.IsRisk(action)) { AtRisk++; }
            if (RelationshipMatrix.IsPotential(action)) { WithPotential++; }
            Rank(contact);
        }

        if (contact.RelationshipLevel is { } level)
        {
            levelWeights[Ladder.Rung(level) - 1] += weight;
            levelWeightTotal += weight;
            WithLevel++;
        }

        if (contact.HealthScore is { } health)
        {
            healthSum += (long)weight * health;
            healthWeight += weight;
            WithHealth++;
        }

        if (contact.ExpectationGap is { } gap)
        {
            gapSum += (long)weight * gap;
            gapWeight += weight;
            WithGap++;
        }
    }

    private void Rank(AccountContact assessed)
    {
        if (KeyContact is null || KeyContactOrder.Compare(assessed, KeyContact) < 0)
        {
            RunnerUp = KeyContact;
            KeyContact = assessed;
        }
        else if (RunnerUp is null || KeyContactOrder.Compare(assessed, RunnerUp) < 0)
        {
            RunnerUp = assessed;
        }
    }
}

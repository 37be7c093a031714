namespace CrmRelationship.Scoring;

/// <summary>The parts of relationship health (relationship-model.md §5), each 0–100 or null when unknown.</summary>
public readonly struct HealthParts
{
    public HealthParts(int? ladder, int? stance, int? alignment, int risk)
    {
        Ladder = ladder;
        Stance = stance;
        Alignment = alignment;
        Risk = risk;
    }

    public int? Ladder { get; }

    public int? Stance { get; }

    public int? Alignment { get; }

    /// <summary>Always known: none observed is 100.</summary>
    public int Risk { get; }
}

/// <summary>
/// Relationship health (relationship-model.md §5): the weighted mean of the known parts, empty when
/// fewer than two of ladder, stance and alignment are known.
/// </summary>
public static class Health
{
    public static int LadderValue(RelationshipLevel level) => 20 * Ladder.Rung(level);

    public static int StanceValue(Perception perception, RelationshipStatus relationship) =>
        perception == Perception.Advocate
            ? (relationship == RelationshipStatus.Yes ? 100 : 70)
            : (relationship == RelationshipStatus.Yes ? 40 : 10);

    public static int AlignmentValue(int gap) => gap > 0 ? 100 - ExpectationGap.Score(gap) : 100;

    /// <summary>100 − 25 per risk behaviour, Contempt counting twice, not below 0.</summary>
    public static int RiskValue(int riskCount, bool contempt)
    {
        var value = 100 - (25 * (riskCount + (contempt ? 1 : 0)));
        return value < 0 ? 0 : value;
    }

    public static HealthParts Parts(RelationshipLevel? level, Perception? perception, RelationshipStatus? relationship, int? gap, int riskCount, bool contempt) =>
        new(
            level is null ? null : LadderValue(level.Value),
            perception is null || relationship is null ? null : StanceValue(perception.Value, relationship.Value),
            gap is null ? null : AlignmentValue(gap.Value),
            RiskValue(riskCount, contempt));

    /// <summary>The rounded weighted mean of the known parts, or null when fewer than two of ladder, stance and alignment are known.</summary>
    public static int? Score(HealthParts parts, HealthWeights weights)
    {
        var known = (parts.Ladder is null ? 0 : 1) + (parts.Stance is null ? 0 : 1) + (parts.Alignment is null ? 0 : 1);
        if (known < 2)
        {
            return null;
        }

        long sum = (long)weights.Risk * parts.Risk;
        long weight = weights.Risk;
        if (parts.Ladder is { } ladder) { sum += (long)weights.Ladder * ladder; weight += weights.Ladder; }
        if (parts.Stance is { } stance) { sum += (long)weights.Stance * stance; weight += weights.Stance; }
        if (parts.Alignment is { } alignment) { sum += (long)weights.Alignment * alignment; weight += weights.Alignment; }
        return Arithmetic.RoundDiv(sum, weight);
    }
}

using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// The relationship ladder (relationship-model.md §3): relationships develop rung by rung, so a
/// behaviour observed above a missing rung does not lift the level.
/// </summary>
public static class Ladder
{
    /// <summary>Rung 1–5 of a level.</summary>
    public static int Rung(RelationshipLevel level) => (int)level - OptionValues.Base + 1;

    /// <summary>The level of a rung 1–5.</summary>
    public static RelationshipLevel LevelOf(int rung) => (RelationshipLevel)(OptionValues.Base + rung - 1);

    /// <summary>The behaviour that shows a rung 1–5.</summary>
    public static RelationshipBehaviour BehaviourOf(int rung) => (RelationshipBehaviour)(OptionValues.Base + rung - 1);

    /// <summary>Bit (rung − 1) set for each observed behaviour.</summary>
    internal static int Mask(IReadOnlyCollection<RelationshipBehaviour> observed)
    {
        var mask = 0;
        foreach (var behaviour in observed)
        {
            var rung = (int)behaviour - OptionValues.Base;
            if (rung >= 0 && rung < 5)
            {
                mask |= 1 << rung;
            }
        }

        return mask;
    }

    /// <summary>
    /// The level: the highest rung k such that every rung from 2 up to k is observed; any observed
    /// behaviour puts the relationship at least on rung 1; nothing observed gives no level.
    /// </summary>
    public static RelationshipLevel? LevelOf(IReadOnlyCollection<RelationshipBehaviour> observed) => LevelOfMask(Mask(observed));

    internal static RelationshipLevel? LevelOfMask(int mask)
    {
        if (mask == 0)
        {
            return null;
        }

        var rung = 1;
        while (rung < 5 && (mask & (1 << rung)) != 0)
        {
            rung++;
        }

        return LevelOf(rung);
    }
}

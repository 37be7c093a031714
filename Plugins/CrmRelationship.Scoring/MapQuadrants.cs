using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>One quadrant of a stakeholder map: the contacts with this organizational power and perception, under the name sellers use.</summary>
/// <param name="Name">What sellers call these contacts, e.g. Champions.</param>
/// <param name="Subtitle">The power and perception in words, and what to do with these contacts.</param>
/// <param name="Power">The organizational power of every contact in the quadrant.</param>
/// <param name="Perception">The perception of every contact in the quadrant.</param>
public sealed record MapQuadrant(string Name, string Subtitle, OrganizationalPower Power, Perception Perception);

/// <summary>
/// The four quadrants of the stakeholder map (organizational power × perception), named once for both maps: the
/// offline report reads this table and <c>crmrel generate</c> exports it to the account form's map. In the grid's
/// reading order: high power on top, detractors on the left.
/// </summary>
public static class MapQuadrants
{
    /// <summary>Row by row: High power (Detractor, Advocate), then Low power (Detractor, Advocate).</summary>
    public static IReadOnlyList<MapQuadrant> All { get; } = new MapQuadrant[]
    {
        new("Blockers", "High power, detractor: win them over", OrganizationalPower.High, Perception.Detractor),
        new("Champions", "High power, advocate: put them to work", OrganizationalPower.High, Perception.Advocate),
        new("Critics", "Low power, detractor: keep an eye on them", OrganizationalPower.Low, Perception.Detractor),
        new("Supporters", "Low power, advocate: give them a voice", OrganizationalPower.Low, Perception.Advocate),
    };

    /// <summary>The position in <see cref="All"/> of the quadrant for this power and perception.</summary>
    public static int IndexOf(OrganizationalPower power, Perception perception)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Power == power && All[i].Perception == perception)
            {
                return i;
            }
        }

        throw new System.ArgumentOutOfRangeException(nameof(power), power, "No quadrant has this organizational power and perception.");
    }
}

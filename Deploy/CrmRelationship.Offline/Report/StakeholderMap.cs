using System;
using System.Collections.Generic;
using CrmRelationship.Offline.Rollup;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Report;

/// <summary>A contact on a stakeholder map: who, and the action that colours the chip.</summary>
/// <param name="Name">Full name, or the id when the contact has none.</param>
/// <param name="Action">The recommended action, or null when not assessed.</param>
/// <param name="Missing">For a contact off the map: what is not assessed.</param>
internal sealed record MapChip(string Name, RecommendedAction? Action, string Missing);

/// <summary>
/// One account's stakeholder map (organizational power × perception) built from its active
/// contacts: the quadrants of <see cref="MapQuadrants"/> plus the contacts that cannot be placed.
/// Each list is sorted most urgent first and capped at <see cref="MaxChips"/>, so the report stays
/// readable for a huge account.
/// </summary>
internal sealed class StakeholderMap
{
    public const int MaxChips = 40;

    private StakeholderMap(AccountSummary account, ChipList[] quadrants, ChipList unplaced)
    {
        Account = account;
        Quadrants = quadrants;
        Unplaced = unplaced;
    }

    public AccountSummary Account { get; }

    /// <summary>One list per quadrant, in the order of <see cref="MapQuadrants.All"/>.</summary>
    public IReadOnlyList<ChipList> Quadrants { get; }

    /// <summary>Contacts without Organizational power or Perception.</summary>
    public ChipList Unplaced { get; }

    public static StakeholderMap Build(AccountSummary account, IReadOnlyList<RollupContact> contacts, TextArena arena)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(arena);
        var quadrants = new List<MapChip>[MapQuadrants.All.Count];
        for (var i = 0; i < quadrants.Length; i++)
        {
            quadrants[i] = new List<MapChip>();
        }

        var unplaced = new List<MapChip>();
        foreach (var contact in contacts)
        {
            var name = contact.Name(arena);
            if (name.Length == 0)
            {
                name = contact.Id(arena);
            }

            if (contact.OrganizationalPower is { } power && contact.Perception is { } perception)
            {
                quadrants[MapQuadrants.IndexOf(power, perception)].Add(new MapChip(name, contact.RecommendedAction, string.Empty));
            }
            else
            {
                var missing = contact.OrganizationalPower is null
                    ? (contact.Perception is null ? "Organizational power and Perception" : "Organizational power")
                    : "Perception";
                unplaced.Add(new MapChip(name, contact.RecommendedAction, missing));
            }
        }

        var lists = new ChipList[quadrants.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = ChipList.Of(quadrants[i]);
        }

        return new StakeholderMap(account, lists, ChipList.Of(unplaced));
    }
}

/// <summary>The chips shown in one place of a map, and how many there are in all.</summary>
internal sealed class ChipList
{
    private ChipList(IReadOnlyList<MapChip> shown, int total)
    {
        Shown = shown;
        Total = total;
    }

    public IReadOnlyList<MapChip> Shown { get; }

    public int Total { get; }

    public static ChipList Of(List<MapChip> chips)
    {
        chips.Sort(static (a, b) =>
        {
            var byUrgency = Urgency(a).CompareTo(Urgency(b));
            return byUrgency != 0 ? byUrgency : string.CompareOrdinal(a.Name, b.Name);
        });
        var total = chips.Count;
        if (chips.Count > StakeholderMap.MaxChips)
        {
            chips.RemoveRange(StakeholderMap.MaxChips, chips.Count - StakeholderMap.MaxChips);
        }

        return new ChipList(chips, total);
    }

    private static int Urgency(MapChip chip) => RelationshipMatrix.Urgency(chip.Action) ?? int.MaxValue;
}

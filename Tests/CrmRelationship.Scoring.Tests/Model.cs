using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// The tables of docs/relationship-model.md, typed out again in the tests' own words, so that the
/// tests check the library against the document rather than against itself.
/// </summary>
internal static class Model
{
    /// <summary>§3: the ladder, rung 1 first.</summary>
    public static readonly RelationshipLevel[] Levels =
    {
        RelationshipLevel.Transactional,
        RelationshipLevel.Service,
        RelationshipLevel.Partner,
        RelationshipLevel.Advisor,
        RelationshipLevel.InnerCircle,
    };

    /// <summary>§3: the behaviour that shows each rung, rung 1 first.</summary>
    public static readonly RelationshipBehaviour[] Behaviours =
    {
        RelationshipBehaviour.BuysFromUs,
        RelationshipBehaviour.ReliesOnOurSupport,
        RelationshipBehaviour.CollaboratesWithUsClosely,
        RelationshipBehaviour.ConsultsUsBeforeDecisions,
        RelationshipBehaviour.ValuesUsAcrossTheirBusiness,
    };

    public static readonly RiskBehaviour[] Risks =
    {
        RiskBehaviour.Criticism,
        RiskBehaviour.Contempt,
        RiskBehaviour.Defensiveness,
        RiskBehaviour.Stonewalling,
    };

    /// <summary>§2: the 11 actions, most urgent first.</summary>
    public static readonly string[] ActionsByUrgency =
    {
        "High risk, improve perception",
        "Moderate risk, improve perception",
        "Moderate risk, monitor perception",
        "High potential, leverage",
        "High potential, find a sponsor",
        "Med potential, develop relationship",
        "Med potential, activate",
        "Med potential, make a hero",
        "Low potential, make a hero",
        "Low potential, activate",
        "Low risk, move on",
    };

    /// <summary>§2: the risk actions, "Moderate risk …" and "High risk …" ("Low risk, move on" is not one).</summary>
    public static readonly string[] RiskActions =
    {
        "High risk, improve perception", "Moderate risk, improve perception", "Moderate risk, monitor perception",
    };

    /// <summary>§2: the potential actions, "Med potential …" and "High potential …" ("Low potential …" are not).</summary>
    public static readonly string[] PotentialActions =
    {
        "High potential, leverage", "High potential, find a sponsor", "Med potential, develop relationship",
        "Med potential, activate", "Med potential, make a hero",
    };

    /// <summary>§2: the matrix, row for row, keyed Relationship/Power/Perception/Activity.</summary>
    public static readonly IReadOnlyDictionary<string, string> Matrix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["No/Low/Detractor/Passive"] = "Low risk, move on",
        ["No/Low/Detractor/Active"] = "Moderate risk, monitor perception",
        ["No/High/Detractor/Passive"] = "Moderate risk, improve perception",
        ["No/Low/Advocate/Passive"] = "Low potential, activate",
        ["Yes/Low/Detractor/Passive"] = "Low risk, move on",
        ["No/High/Detractor/Active"] = "High risk, improve perception",
        ["No/High/Advocate/Passive"] = "Med potential, develop relationship",
        ["No/Low/Advocate/Active"] = "Med potential, make a hero",
        ["Yes/Low/Detractor/Active"] = "Moderate risk, improve perception",
        ["Yes/High/Detractor/Passive"] = "Moderate risk, improve perception",
        ["Yes/Low/Advocate/Passive"] = "Low potential, make a hero",
        ["No/High/Advocate/Active"] = "High potential, find a sponsor",
        ["Yes/High/Detractor/Active"] = "High risk, improve perception",
        ["Yes/High/Advocate/Passive"] = "Med potential, activate",
        ["Yes/Low/Advocate/Active"] = "Med potential, make a hero",
        ["Yes/High/Advocate/Active"] = "High potential, leverage",
    };

    public static int Rung(RelationshipLevel level) => Array.IndexOf(Levels, level) + 1;

    public static RelationshipLevel LevelAt(int rung) => Levels[rung - 1];

    /// <summary>Every behaviour from rung 1 up to <paramref name="level"/>: a ladder with no gaps.</summary>
    public static RelationshipBehaviour[] BehavioursUpTo(RelationshipLevel level) => Behaviours.Take(Rung(level)).ToArray();

    public static int Urgency(RecommendedAction action) => Array.IndexOf(ActionsByUrgency, Labels.Of(action)) + 1;

    public static bool IsRisk(RecommendedAction action) => RiskActions.Contains(Labels.Of(action));

    public static bool IsPotential(RecommendedAction action) => PotentialActions.Contains(Labels.Of(action));

    public static RecommendedAction Action(string label) =>
        Labels.TryParse(label, out RecommendedAction action) ? action : throw new ArgumentException("Not an action label: " + label, nameof(label));

    public static string RowKey(RelationshipStatus relationship, OrganizationalPower power, Perception perception, ActivityLevel activity) =>
        Labels.Of(relationship) + "/" + Labels.Of(power) + "/" + Labels.Of(perception) + "/" + Labels.Of(activity);

    /// <summary>
    /// §3: the highest rung k such that every rung from 2 up to k is observed (at least 1 when
    /// anything is observed), or 0 when nothing is observed.
    /// </summary>
    public static int HighestContiguousRung(IEnumerable<RelationshipBehaviour> observed)
    {
        var set = new HashSet<RelationshipBehaviour>(observed);
        if (set.Count == 0)
        {
            return 0;
        }

        var rung = 1;
        while (rung < 5 && set.Contains(Behaviours[rung]))
        {
            rung++;
        }

        return rung;
    }

    /// <summary>
    /// §7 key-contact order, typed from the document: negative when <paramref name="a"/> comes first.
    /// Both contacts must be assessed.
    /// </summary>
    public static int KeyContactOrder(AccountContact a, AccountContact b)
    {
        var urgency = Urgency(a.RecommendedAction!.Value).CompareTo(Urgency(b.RecommendedAction!.Value));
        if (urgency != 0)
        {
            return urgency;
        }

        var aHigh = a.OrganizationalPower == OrganizationalPower.High;
        var bHigh = b.OrganizationalPower == OrganizationalPower.High;
        if (aHigh != bHigh)
        {
            return aHigh ? -1 : 1;
        }

        var health = EmptyLast(a.HealthScore, b.HealthScore);
        if (health != 0)
        {
            return health;
        }

        var created = EmptyLast(a.CreatedOn, b.CreatedOn);
        if (created != 0)
        {
            return created;
        }

        return Math.Sign(string.CompareOrdinal(a.Id.ToLowerInvariant(), b.Id.ToLowerInvariant()));
    }

    private static int EmptyLast<T>(T? a, T? b)
        where T : struct, IComparable<T>
    {
        if (a is null)
        {
            return b is null ? 0 : 1;
        }

        return b is null ? -1 : Math.Sign(a.Value.CompareTo(b.Value));
    }
}

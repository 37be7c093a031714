using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;

namespace CrmRelationship.Deploy.Offline;

/// <summary>
/// What the offline scorer keeps in memory per active contact until its account is scored: the
/// values of <see cref="AccountContact"/> plus Perception (for the stakeholder map), packed into a
/// small struct so a million-contact book fits easily. Choices are stored as option values (0 = none).
/// </summary>
internal readonly struct RollupContact
{
    private const long NoDate = long.MinValue;
    private const sbyte NoNumber = sbyte.MinValue;

    private readonly long createdTicks;
    private readonly int power;
    private readonly int relationship;
    private readonly int perception;
    private readonly int action;
    private readonly int level;
    private readonly sbyte health;
    private readonly sbyte gap;

    public RollupContact(string id, string name, DateTime? createdOn, ContactInputs inputs, ContactScore score)
    {
        Id = id;
        Name = name;
        createdTicks = createdOn?.Ticks ?? NoDate;
        power = (int?)inputs.OrganizationalPower ?? 0;
        relationship = (int?)inputs.Relationship ?? 0;
        perception = (int?)inputs.Perception ?? 0;
        action = (int?)score.RecommendedAction ?? 0;
        level = (int?)score.RelationshipLevel ?? 0;
        health = score.HealthScore is { } h ? (sbyte)h : NoNumber;
        gap = score.ExpectationGap is { } g ? (sbyte)g : NoNumber;
    }

    public string Id { get; }

    public string Name { get; }

    public OrganizationalPower? OrganizationalPower => power == 0 ? null : (OrganizationalPower)power;

    public Perception? Perception => perception == 0 ? null : (Perception)perception;

    public RecommendedAction? RecommendedAction => action == 0 ? null : (RecommendedAction)action;

    /// <summary>The same values <see cref="AccountContact.From"/> gives for the scored contact.</summary>
    public AccountContact ToAccountContact() => new()
    {
        Id = Id,
        Name = Name,
        CreatedOn = createdTicks == NoDate ? null : new DateTime(createdTicks, DateTimeKind.Utc),
        OrganizationalPower = OrganizationalPower,
        Relationship = relationship == 0 ? null : (RelationshipStatus)relationship,
        RecommendedAction = RecommendedAction,
        RelationshipLevel = level == 0 ? null : (RelationshipLevel)level,
        HealthScore = health == NoNumber ? null : health,
        ExpectationGap = gap == NoNumber ? null : gap,
    };
}

/// <summary>One account being built up: its own inputs (or none, when derived from the contacts) and its active contacts.</summary>
internal sealed class AccountBucket
{
    public AccountBucket(string id, string name, string[] fields, AccountInputs inputs, long line)
    {
        Id = id;
        Line = line;
        Name = name;
        Fields = fields;
        Inputs = inputs;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The line of the accounts file it was read from; 0 when derived from the contacts.</summary>
    public long Line { get; }

    /// <summary>The input values exactly as read (or the derived row).</summary>
    public string[] Fields { get; }

    public AccountInputs Inputs { get; }

    public List<RollupContact> Contacts { get; } = new();
}

using System;
using System.Collections.Generic;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Rollup;

/// <summary>
/// What the offline scorer keeps in memory per active contact until its account is scored: the
/// values of <see cref="AccountContact"/> plus Perception (for the stakeholder map), packed into a
/// 40-byte struct with no object references (id and name live in a <see cref="TextArena"/>), so a
/// million-contact book costs little memory and no garbage-collection work. Choices are stored as
/// their position in the label order plus one (0 = none).
/// </summary>
internal readonly struct RollupContact
{
    private const long NoDate = long.MinValue;
    private const sbyte NoNumber = sbyte.MinValue;
    private const int NoDay = -1;

    private readonly long text;
    private readonly long createdTicks;
    private readonly int idLength;
    private readonly int nameLength;
    private readonly byte power;
    private readonly byte relationship;
    private readonly byte perception;
    private readonly byte action;
    private readonly byte level;
    private readonly sbyte health;
    private readonly sbyte gap;
    private readonly byte step;
    private readonly byte engagement;
    private readonly int lastTouchpointDay;

    public RollupContact(TextArena arena, ReadOnlySpan<char> id, ReadOnlySpan<char> name, DateTime? createdOn, ContactInputs inputs, ContactScore score)
    {
        ArgumentNullException.ThrowIfNull(arena);
        text = arena.Add(id, name);
        idLength = id.Length;
        nameLength = name.Length;
        createdTicks = createdOn?.Ticks ?? NoDate;
        power = Code(inputs.OrganizationalPower);
        relationship = Code(inputs.Relationship);
        perception = Code(inputs.Perception);
        action = Code(score.RecommendedAction);
        level = Code(score.RelationshipLevel);
        health = score.HealthScore is { } h ? (sbyte)h : NoNumber;
        gap = score.ExpectationGap is { } g ? (sbyte)g : NoNumber;
        step = arena.Step(score.NextStep);
        engagement = Code(score.Engagement);
        lastTouchpointDay = inputs.LastTouchpoint is { } last ? global::System.DateOnly.FromDateTime(last).DayNumber : NoDay;
    }

    public OrganizationalPower? OrganizationalPower => Choice<OrganizationalPower>(power);

    public Perception? Perception => Choice<Perception>(perception);

    public RecommendedAction? RecommendedAction => Choice<RecommendedAction>(action);

    public string Id(TextArena arena) => arena.GetString(text, idLength);

    /// <summary>The full name, or empty.</summary>
    public string Name(TextArena arena) => arena.GetString(text + idLength, nameLength);

    /// <summary>
    /// The same values <see cref="AccountContact.From"/> gives for the scored contact, its next step exactly as scoring
    /// composed it (with whatever it knew, such as the not-yet-noticed sentence), so offline and the plug-ins agree.
    /// </summary>
    public AccountContact ToAccountContact(TextArena arena) => new()
    {
        Id = Id(arena),
        Name = Name(arena),
        CreatedOn = createdTicks == NoDate ? null : new DateTime(createdTicks, DateTimeKind.Utc),
        OrganizationalPower = OrganizationalPower,
        Relationship = Choice<RelationshipStatus>(relationship),
        RecommendedAction = RecommendedAction,
        RelationshipLevel = Choice<RelationshipLevel>(level),
        HealthScore = health == NoNumber ? null : health,
        ExpectationGap = gap == NoNumber ? null : gap,
        NextStep = (arena ?? throw new ArgumentNullException(nameof(arena))).StepOf(step),
        LastTouchpoint = lastTouchpointDay == NoDay ? null : global::System.DateOnly.FromDayNumber(lastTouchpointDay).ToDateTime(global::System.TimeOnly.MinValue),
        Engagement = Choice<Engagement>(engagement),
    };

    private static byte Code<TChoice>(TChoice? value)
        where TChoice : struct, Enum => value is { } v ? (byte)(ChoiceTable<TChoice>.Instance.IndexOf(v) + 1) : (byte)0;

    private static TChoice? Choice<TChoice>(byte code)
        where TChoice : struct, Enum => code == 0 ? null : ChoiceTable<TChoice>.Instance.Options[code - 1];
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

    /// <summary>The touchpoints of its active contacts by kind, when activities are scored.</summary>
    public EngagementCounts Engagement { get; set; } = EngagementCounts.Zero;
}

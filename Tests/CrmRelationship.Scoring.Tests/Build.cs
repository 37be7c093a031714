using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmRelationship.Scoring.Tests;

/// <summary>Small builders so that each test states only the inputs it is about.</summary>
internal static class Build
{
    /// <summary>The time of scoring used throughout: 15 March 2026, 10:30.</summary>
    public static readonly DateTime Now = new(2026, 3, 15, 10, 30, 0, DateTimeKind.Unspecified);

    public static DateTime Day(string isoDate) => DateTime.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ContactInputs Contact(
        RelationshipStatus? relationship = null,
        OrganizationalPower? power = null,
        Perception? perception = null,
        ActivityLevel? activity = null,
        IReadOnlyCollection<RelationshipBehaviour>? behaviours = null,
        IReadOnlyCollection<RiskBehaviour>? risks = null,
        RelationshipLevel? view = null,
        DateTime? viewDate = null,
        FeedbackCadence? cadence = null) =>
        new()
        {
            Relationship = relationship,
            OrganizationalPower = power,
            Perception = perception,
            ActivityLevel = activity,
            ObservedBehaviours = behaviours ?? Array.Empty<RelationshipBehaviour>(),
            RiskBehaviours = risks ?? Array.Empty<RiskBehaviour>(),
            CustomerViewLevel = view,
            CustomerViewDate = viewDate,
            FeedbackCadence = cadence,
        };

    /// <summary>A contact whose ladder is complete up to <paramref name="level"/>.</summary>
    public static ContactInputs AtLevel(
        RelationshipLevel level,
        RelationshipLevel? view = null,
        Perception? perception = null,
        RelationshipStatus? relationship = null,
        IReadOnlyCollection<RiskBehaviour>? risks = null) =>
        Contact(relationship: relationship, perception: perception, behaviours: Model.BehavioursUpTo(level), risks: risks, view: view);

    public static AccountContact Member(
        string id,
        RecommendedAction? action = null,
        OrganizationalPower? power = null,
        RelationshipStatus? relationship = null,
        RelationshipLevel? level = null,
        int? health = null,
        int? gap = null,
        DateTime? created = null,
        string? name = null) =>
        new()
        {
            Id = id,
            Name = name,
            RecommendedAction = action,
            OrganizationalPower = power,
            Relationship = relationship,
            RelationshipLevel = level,
            HealthScore = health,
            ExpectationGap = gap,
            CreatedOn = created,
        };

    public static ContactScore Score(ContactInputs inputs, LevelHistory? history = null) =>
        RelationshipScorer.Default.ScoreContact(inputs, history, Now);

    public static AccountScore ScoreAccount(IEnumerable<AccountContact> contacts, AccountInputs? inputs = null) =>
        RelationshipScorer.Default.ScoreAccount(inputs ?? AccountInputs.Empty, contacts, Now);

    public static AccountScore ScoreAccount(params AccountContact[] contacts) => ScoreAccount((IEnumerable<AccountContact>)contacts);
}

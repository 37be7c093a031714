using System;

namespace CrmRelationship.Scoring;

/// <summary>The account's own view of the relationship, e.g. from a business review (dataverse-schema.md, account inputs).</summary>
public sealed class AccountInputs
{
    public static AccountInputs Empty { get; } = new AccountInputs();

    public RelationshipLevel? CustomerViewLevel { get; init; }

    public DateTime? CustomerViewDate { get; init; }

    public FeedbackCadence? FeedbackCadence { get; init; }
}

/// <summary>
/// One active contact of an account, as the rollup sees it: the contact's stored computed values and
/// the two inputs the rollup weighs by. Built from a stored record (plug-in) or a fresh score (offline).
/// </summary>
public sealed class AccountContact
{
    /// <summary>The contact's id as text; ties are broken by the ordinal order of its lower-case form.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Used only in the account's explanation.</summary>
    public string? Name { get; init; }

    public DateTime? CreatedOn { get; init; }

    public OrganizationalPower? OrganizationalPower { get; init; }

    public RelationshipStatus? Relationship { get; init; }

    public RecommendedAction? RecommendedAction { get; init; }

    public RelationshipLevel? RelationshipLevel { get; init; }

    public int? HealthScore { get; init; }

    public int? ExpectationGap { get; init; }

    /// <summary>The contact's stored Last touchpoint (relationship-model.md §9), or null.</summary>
    public DateTime? LastTouchpoint { get; init; }

    /// <summary>The contact's stored Engagement, or null.</summary>
    public Engagement? Engagement { get; init; }

    /// <summary>The rollup's view of a contact that has just been scored.</summary>
    public static AccountContact From(string id, string? name, DateTime? createdOn, ContactInputs inputs, ContactScore score)
    {
        if (inputs is null) { throw new ArgumentNullException(nameof(inputs)); }
        if (score is null) { throw new ArgumentNullException(nameof(score)); }
        return new AccountContact
        {
            Id = id,
            Name = name,
            CreatedOn = createdOn,
            OrganizationalPower = inputs.OrganizationalPower,
            Relationship = inputs.Relationship,
            RecommendedAction = score.RecommendedAction,
            RelationshipLevel = score.RelationshipLevel,
            HealthScore = score.HealthScore,
            ExpectationGap = score.ExpectationGap,
            LastTouchpoint = inputs.LastTouchpoint,
            Engagement = score.Engagement,
        };
    }
}

/// <summary>Everything computed for one account (relationship-model.md §7); written to the account's computed columns.</summary>
public sealed class AccountScore : IExplainedScore
{
    public RecommendedAction? RecommendedAction { get; init; }

    public RelationshipLevel? RelationshipLevel { get; init; }

    public int? ExpectationGap { get; init; }

    public int? ExpectationGapScore { get; init; }

    public ExpectationAlignment? ExpectationAlignment { get; init; }

    public DateTime? NextFeedbackDue { get; init; }

    public int? HealthScore { get; init; }

    public int AssessedContacts { get; init; }

    public int RiskContacts { get; init; }

    public int PotentialContacts { get; init; }

    public int? HighPowerCoverage { get; init; }

    /// <summary>The <see cref="AccountContact.Id"/> of the key contact, or null.</summary>
    public string? KeyContactId { get; init; }

    /// <summary>The latest Last touchpoint of the active contacts (relationship-model.md §9), or null.</summary>
    public DateTime? LastTouchpoint { get; init; }

    /// <summary>Active contacts whose Engagement is Noticed.</summary>
    public int NoticedContacts { get; init; }

    public string Explanation { get; init; } = string.Empty;

    public void WriteExplanation(IExplanationSink sink)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        sink.Append(Explanation);
    }
}

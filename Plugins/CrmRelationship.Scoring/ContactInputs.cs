using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// What a seller has recorded about one contact (relationship-model.md §1). Every input is optional:
/// null or empty means "not assessed".
/// </summary>
public sealed class ContactInputs
{
    private static readonly RelationshipBehaviour[] NoBehaviours = Array.Empty<RelationshipBehaviour>();
    private static readonly RiskBehaviour[] NoRisks = Array.Empty<RiskBehaviour>();

    /// <summary>An assessment with nothing recorded.</summary>
    public static ContactInputs Empty { get; } = new ContactInputs();

    public RelationshipStatus? Relationship { get; init; }

    public OrganizationalPower? OrganizationalPower { get; init; }

    public Perception? Perception { get; init; }

    public ActivityLevel? ActivityLevel { get; init; }

    public IReadOnlyCollection<RelationshipBehaviour> ObservedBehaviours { get; init; } = NoBehaviours;

    public IReadOnlyCollection<RiskBehaviour> RiskBehaviours { get; init; } = NoRisks;

    public RelationshipLevel? CustomerViewLevel { get; init; }

    /// <summary>The day the customer's view was captured (the time of day is ignored).</summary>
    public DateTime? CustomerViewDate { get; init; }

    /// <summary>Empty means quarterly.</summary>
    public FeedbackCadence? FeedbackCadence { get; init; }

    /// <summary>
    /// The contact's stored Touchpoints (relationship-model.md §9), written by the activity plug-in, not by the
    /// seller; null without any touchpoint. Read for the explanation and for whether the contact is noticed.
    /// </summary>
    public decimal? Touchpoints { get; init; }

    /// <summary>The contact's stored Last touchpoint (a date), or null.</summary>
    public DateTime? LastTouchpoint { get; init; }
}

/// <summary>
/// What is stored about the contact's level from its last save, so a change of level can be kept
/// (previous level, level changed on) and the direction derived (relationship-model.md §3).
/// Null when there is no stored record (a new contact, or the offline scorer).
/// </summary>
public sealed class LevelHistory
{
    public RelationshipLevel? StoredLevel { get; init; }

    public RelationshipLevel? PreviousLevel { get; init; }

    public DateTime? LevelChangedOn { get; init; }
}

/// <summary>Everything computed for one contact; written to the contact's computed columns.</summary>
public sealed class ContactScore : IExplainedScore
{
    public RecommendedAction? RecommendedAction { get; init; }

    public RelationshipLevel? RelationshipLevel { get; init; }

    public RelationshipLevel? PreviousLevel { get; init; }

    public DateTime? LevelChangedOn { get; init; }

    public Direction Direction { get; init; }

    /// <summary>Our level minus the customer's view, −4 to +4.</summary>
    public int? ExpectationGap { get; init; }

    /// <summary>25 × |gap|, 0 to 100.</summary>
    public int? ExpectationGapScore { get; init; }

    public ExpectationAlignment? ExpectationAlignment { get; init; }

    /// <summary>A date (midnight, unspecified kind).</summary>
    public DateTime? NextFeedbackDue { get; init; }

    public int? HealthScore { get; init; }

    /// <summary>
    /// Noticed or Not yet noticed from the stored Touchpoints and <see cref="TouchpointSettings.NoticedAfter"/>
    /// (relationship-model.md §9); null without touchpoints. Not written by the contact's scoring: the activity
    /// plug-in writes the column with the same rule.
    /// </summary>
    public Engagement? Engagement { get; init; }

    /// <summary>True when the contact has touchpoints but not yet enough to be noticed.</summary>
    public bool IsNotYetNoticed => Engagement == Scoring.Engagement.NotYetNoticed;

    /// <summary>
    /// The plain-language explanation (relationship-model.md §6), built on first use from the facts
    /// scoring kept. Callers that only write it out should use <see cref="WriteExplanation"/>.
    /// </summary>
    public string Explanation
    {
        get
        {
            if (explanation is null)
            {
                var sink = new StringExplanationSink();
                WriteExplanation(sink);
                explanation = sink.ToString();
            }

            return explanation;
        }
    }

    internal ContactFacts? Facts { get; init; }

    private string? explanation;

    /// <summary>Writes the explanation to <paramref name="sink"/> piece by piece, without building it as a string.</summary>
    public void WriteExplanation(IExplanationSink sink)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        if (Facts is { } facts)
        {
            var writer = new ExplanationWriter(sink);
            ContactExplanation.Write(this, facts, ref writer);
            writer.End();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Contact rows for the scenarios, and the oracle they are checked against: the Scoring library
/// called directly on what the row holds, read here independently of the plug-ins' own mapping.
/// </summary>
internal static class Contacts
{
    /// <summary>Every input set: a fully assessed contact.</summary>
    public static ContactInputs FullyAssessed { get; } = new()
    {
        Relationship = RelationshipStatus.Yes,
        OrganizationalPower = OrganizationalPower.High,
        Perception = Perception.Detractor,
        ActivityLevel = ActivityLevel.Active,
        ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.ConsultsUsBeforeDecisions },
        RiskBehaviours = new[] { RiskBehaviour.Criticism, RiskBehaviour.Contempt },
        CustomerViewLevel = RelationshipLevel.Advisor,
        CustomerViewDate = new DateTime(2026, 3, 15),
        FeedbackCadence = FeedbackCadence.HalfYearly,
    };

    /// <summary>The four matrix inputs only.</summary>
    public static ContactInputs Matrix(RelationshipStatus relationship, OrganizationalPower power, Perception perception, ActivityLevel activity) => new()
    {
        Relationship = relationship,
        OrganizationalPower = power,
        Perception = perception,
        ActivityLevel = activity,
    };

    /// <summary>A new contact row with the non-empty inputs set.</summary>
    public static Entity New(ContactInputs inputs, Guid? accountId, string fullName, Guid id = default)
    {
        var contact = new Entity(Names.Contact, id);
        contact[Names.Standard.FullName] = fullName;
        if (accountId is { } account)
        {
            contact[Names.Standard.ParentCustomerId] = new EntityReference(Names.Account, account);
        }

        foreach (var pair in InputColumns(inputs).Where(p => p.Value is not null))
        {
            contact[pair.Key] = pair.Value;
        }

        return contact;
    }

    /// <summary>An Update Target for a contact with only the given columns.</summary>
    public static Entity Change(Guid id, params (string Column, object? Value)[] columns)
    {
        var target = new Entity(Names.Contact, id);
        foreach (var (column, value) in columns)
        {
            target[column] = value;
        }

        return target;
    }

    /// <summary>All nine input columns of <paramref name="inputs"/>, empty ones as null.</summary>
    public static Dictionary<string, object?> InputColumns(ContactInputs inputs) => new(StringComparer.Ordinal)
    {
        [Names.ContactInputs.Relationship] = Columns.Option(inputs.Relationship),
        [Names.ContactInputs.OrganizationalPower] = Columns.Option(inputs.OrganizationalPower),
        [Names.ContactInputs.Perception] = Columns.Option(inputs.Perception),
        [Names.ContactInputs.ActivityLevel] = Columns.Option(inputs.ActivityLevel),
        [Names.ContactInputs.ObservedBehaviours] = Columns.Options(inputs.ObservedBehaviours),
        [Names.ContactInputs.RiskBehaviours] = Columns.Options(inputs.RiskBehaviours),
        [Names.ContactInputs.CustomerViewLevel] = Columns.Option(inputs.CustomerViewLevel),
        [Names.ContactInputs.CustomerViewDate] = inputs.CustomerViewDate,
        [Names.ContactInputs.FeedbackCadence] = Columns.Option(inputs.FeedbackCadence),
    };

    /// <summary>What a stored row records, read back as the Scoring library's inputs.</summary>
    public static ContactInputs InputsOf(Entity row) => new()
    {
        Relationship = Columns.Choice<RelationshipStatus>(row, Names.ContactInputs.Relationship),
        OrganizationalPower = Columns.Choice<OrganizationalPower>(row, Names.ContactInputs.OrganizationalPower),
        Perception = Columns.Choice<Perception>(row, Names.ContactInputs.Perception),
        ActivityLevel = Columns.Choice<ActivityLevel>(row, Names.ContactInputs.ActivityLevel),
        ObservedBehaviours = Columns.Choices<RelationshipBehaviour>(row, Names.ContactInputs.ObservedBehaviours),
        RiskBehaviours = Columns.Choices<RiskBehaviour>(row, Names.ContactInputs.RiskBehaviours),
        CustomerViewLevel = Columns.Choice<RelationshipLevel>(row, Names.ContactInputs.CustomerViewLevel),
        CustomerViewDate = Columns.Date(row, Names.ContactInputs.CustomerViewDate),
        FeedbackCadence = Columns.Choice<FeedbackCadence>(row, Names.ContactInputs.FeedbackCadence),
        Touchpoints = row.GetAttributeValue<decimal?>(Names.Touchpoints.Count),
        LastTouchpoint = Columns.Date(row, Names.Touchpoints.LastTouchpoint),
    };

    /// <summary>The level history a stored row carries into its next save.</summary>
    public static LevelHistory HistoryOf(Entity row) => new()
    {
        StoredLevel = Columns.Choice<RelationshipLevel>(row, Names.Computed.RelationshipLevel),
        PreviousLevel = Columns.Choice<RelationshipLevel>(row, Names.Computed.PreviousLevel),
        LevelChangedOn = Columns.Date(row, Names.Computed.LevelChangedOn),
    };

    /// <summary>The time the plug-in scored the row (its rel_scoredon), which is the "now" it scored with.</summary>
    public static DateTime ScoredOn(Entity row) =>
        Columns.Date(row, Names.Computed.ScoredOn) ?? throw new InvalidOperationException("The contact was never scored (no rel_scoredon).");

    /// <summary>The contact's computed columns, flattened (rel_scoredon left out: it is the scoring time).</summary>
    public static Dictionary<string, object?> Computed(Entity row) =>
        Columns.Flat(row, Names.Computed.Contact.Where(c => c != Names.Computed.ScoredOn));

    /// <summary>What the computed columns must hold for a score, flattened like <see cref="Computed"/>.</summary>
    public static Dictionary<string, object?> Expected(ContactScore score) => new(StringComparer.Ordinal)
    {
        [Names.Computed.RecommendedAction] = Columns.Flat(score.RecommendedAction),
        [Names.Computed.ActionUrgency] = UrgencyOf(score.RecommendedAction),
        [Names.Computed.RelationshipLevel] = Columns.Flat(score.RelationshipLevel),
        [Names.Computed.PreviousLevel] = Columns.Flat(score.PreviousLevel),
        [Names.Computed.LevelChangedOn] = score.LevelChangedOn,
        [Names.Computed.Direction] = Columns.Flat<Direction>(score.Direction),
        [Names.Computed.ExpectationGap] = score.ExpectationGap,
        [Names.Computed.ExpectationGapScore] = score.ExpectationGapScore,
        [Names.Computed.ExpectationAlignment] = Columns.Flat(score.ExpectationAlignment),
        [Names.Computed.NextFeedbackDue] = score.NextFeedbackDue,
        [Names.Computed.HealthScore] = score.HealthScore,
        [Names.Computed.ScoreExplanation] = string.IsNullOrEmpty(score.Explanation) ? null : score.Explanation,
    };

    /// <summary>The action's place in the model's urgency order (1 = most urgent), or null: the views' sort key.</summary>
    public static int? UrgencyOf(RecommendedAction? action) =>
        action is { } a ? RelationshipMatrix.ByUrgency.ToList().IndexOf(a) + 1 : null;

    /// <summary>The rollup's view of a stored contact, read independently of the plug-ins' mapping.</summary>
    public static AccountContact ToAccountContact(Entity row) => new()
    {
        Id = row.Id.ToString("D"),
        Name = row.GetAttributeValue<string>(Names.Standard.FullName),
        CreatedOn = Columns.Date(row, Names.Standard.CreatedOn),
        OrganizationalPower = Columns.Choice<OrganizationalPower>(row, Names.ContactInputs.OrganizationalPower),
        Relationship = Columns.Choice<RelationshipStatus>(row, Names.ContactInputs.Relationship),
        RecommendedAction = Columns.Choice<RecommendedAction>(row, Names.Computed.RecommendedAction),
        RelationshipLevel = Columns.Choice<RelationshipLevel>(row, Names.Computed.RelationshipLevel),
        HealthScore = Columns.WholeNumber(row, Names.Computed.HealthScore),
        ExpectationGap = Columns.WholeNumber(row, Names.Computed.ExpectationGap),
        LastTouchpoint = Columns.Date(row, Names.Touchpoints.LastTouchpoint),
        Engagement = Columns.Choice<Engagement>(row, Names.Touchpoints.Engagement),
    };

    /// <summary>
    /// A scored contact row built without the pipeline, for seeding thousands of contacts: the inputs,
    /// and the computed columns the Scoring library gives them.
    /// </summary>
    public static Entity Scored(ContactInputs inputs, Guid accountId, string fullName, DateTime now, Guid id = default)
    {
        var row = New(inputs, accountId, fullName, id);
        var score = RelationshipScorer.Default.ScoreContact(inputs, null, now);
        foreach (var pair in ComputedColumns(score, now).Where(p => p.Value is not null))
        {
            row[pair.Key] = pair.Value;
        }

        return row;
    }

    private static Dictionary<string, object?> ComputedColumns(ContactScore score, DateTime now) => new(StringComparer.Ordinal)
    {
        [Names.Computed.RecommendedAction] = Columns.Option(score.RecommendedAction),
        [Names.Computed.RelationshipLevel] = Columns.Option(score.RelationshipLevel),
        [Names.Computed.PreviousLevel] = Columns.Option(score.PreviousLevel),
        [Names.Computed.LevelChangedOn] = score.LevelChangedOn,
        [Names.Computed.Direction] = Columns.Option<Direction>(score.Direction),
        [Names.Computed.ExpectationGap] = score.ExpectationGap,
        [Names.Computed.ExpectationGapScore] = score.ExpectationGapScore,
        [Names.Computed.ExpectationAlignment] = Columns.Option(score.ExpectationAlignment),
        [Names.Computed.NextFeedbackDue] = score.NextFeedbackDue,
        [Names.Computed.HealthScore] = score.HealthScore,
        [Names.Computed.ScoreExplanation] = score.Explanation,
        [Names.Computed.ScoredOn] = now,
    };
}

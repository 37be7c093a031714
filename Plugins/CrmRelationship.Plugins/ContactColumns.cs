using System;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins;

/// <summary>Maps a contact's columns to the Scoring library's inputs and its score back to columns.</summary>
internal static class ContactColumns
{
    /// <param name="values">The Target merged over the pre-image.</param>
    /// <param name="now">The time of scoring, against which a capture date being saved is refused when it is in the future.</param>
    public static ContactInputs Inputs(ColumnValues values, DateTime now) => new()
    {
        Relationship = values.Choice<RelationshipStatus>(Names.ContactInputs.Relationship),
        OrganizationalPower = values.Choice<OrganizationalPower>(Names.ContactInputs.OrganizationalPower),
        Perception = values.Choice<Perception>(Names.ContactInputs.Perception),
        ActivityLevel = values.Choice<ActivityLevel>(Names.ContactInputs.ActivityLevel),
        ObservedBehaviours = values.Choices<RelationshipBehaviour>(Names.ContactInputs.ObservedBehaviours),
        RiskBehaviours = values.Choices<RiskBehaviour>(Names.ContactInputs.RiskBehaviours),
        CustomerViewLevel = values.Choice<RelationshipLevel>(Names.ContactInputs.CustomerViewLevel),
        CustomerViewDate = values.CaptureDate(Names.ContactInputs.CustomerViewDate, Labels.ContactFields.CustomerViewDate, now),
        FeedbackCadence = values.Choice<FeedbackCadence>(Names.ContactInputs.FeedbackCadence),
        Touchpoints = values.DecimalNumber(Names.Touchpoints.Count),
        LastTouchpoint = values.Date(Names.Touchpoints.LastTouchpoint),
    };

    /// <summary>The stored level and its last change, from the pre-image.</summary>
    public static LevelHistory History(ColumnValues stored) => new()
    {
        StoredLevel = stored.Choice<RelationshipLevel>(Names.Computed.RelationshipLevel),
        PreviousLevel = stored.Choice<RelationshipLevel>(Names.Computed.PreviousLevel),
        LevelChangedOn = stored.Date(Names.Computed.LevelChangedOn),
    };

    /// <summary>Sets every computed column on the Target, replacing anything a caller put there.</summary>
    public static void Write(ContactScore score, DateTime scoredOn, Entity target) =>
        ScoreValues.Write(ScoreColumns.Contact, score, scoredOn, target);
}

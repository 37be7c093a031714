using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.FakeDataverse;

/// <summary>How the fake types a column: what it accepts in a write and how it formats a value.</summary>
public enum FakeColumnKind
{
    Id,
    Text,
    WholeNumber,
    DecimalNumber,
    State,
    Choice,
    MultiChoice,
    DateOnly,
    DateAndTime,
    Lookup,
}

/// <summary>One column of a fake table; <see cref="Property"/> is its Web API name (<c>_x_value</c> for a lookup).</summary>
/// <param name="Options">For a choice: the option values and labels (the solution's, unless a test renames them).</param>
/// <param name="Target">For a lookup: the table it points to.</param>
/// <param name="Navigation">For a lookup the product writes: its navigation property (case matters in @odata.bind).</param>
public sealed record FakeColumn(string Name, FakeColumnKind Kind, IReadOnlyDictionary<int, string>? Options = null, string? Target = null, string? Navigation = null)
{
    public string Property => Kind == FakeColumnKind.Lookup ? "_" + Name + "_value" : Name;
}

/// <summary>
/// The columns of the fake contact and account tables: the standard ones crmrel reads and every column of the solution,
/// typed as Dataverse types them (choices with the solution's labels from <see cref="Labels"/>).
/// </summary>
public static class FakeSchema
{
    public static IReadOnlyList<FakeColumn> Contact() =>
    [
        new(Names.Standard.ContactId, FakeColumnKind.Id),
        new(Names.Standard.FullName, FakeColumnKind.Text),
        new(Names.Standard.CreatedOn, FakeColumnKind.DateAndTime),
        new(Names.Standard.StateCode, FakeColumnKind.State),
        new(Names.Standard.ParentCustomerId, FakeColumnKind.Lookup, Target: Names.Account),
        Choice<RelationshipStatus>(Names.ContactInputs.Relationship),
        Choice<OrganizationalPower>(Names.ContactInputs.OrganizationalPower),
        Choice<Perception>(Names.ContactInputs.Perception),
        Choice<ActivityLevel>(Names.ContactInputs.ActivityLevel),
        MultiChoice<RelationshipBehaviour>(Names.ContactInputs.ObservedBehaviours),
        MultiChoice<RiskBehaviour>(Names.ContactInputs.RiskBehaviours),
        Choice<RelationshipLevel>(Names.ContactInputs.CustomerViewLevel),
        new(Names.ContactInputs.CustomerViewDate, FakeColumnKind.DateOnly),
        Choice<FeedbackCadence>(Names.ContactInputs.FeedbackCadence),
        Choice<HumanNeed>(Names.ContactInputs.PrimaryNeed),
        .. Computed(contact: true),
        new(Names.Touchpoints.Count, FakeColumnKind.DecimalNumber),
        new(Names.Touchpoints.LastTouchpoint, FakeColumnKind.DateOnly),
        Choice<Engagement>(Names.Touchpoints.Engagement),
    ];

    public static IReadOnlyList<FakeColumn> Account() =>
    [
        new(Names.Standard.AccountId, FakeColumnKind.Id),
        new(Names.Standard.Name, FakeColumnKind.Text),
        new(Names.Standard.StateCode, FakeColumnKind.State),
        Choice<RelationshipLevel>(Names.AccountInputs.CustomerViewLevel),
        new(Names.AccountInputs.CustomerViewDate, FakeColumnKind.DateOnly),
        Choice<FeedbackCadence>(Names.AccountInputs.FeedbackCadence),
        .. Computed(contact: false),
        new(Names.Touchpoints.AccountLastTouchpoint, FakeColumnKind.DateOnly),
        new(Names.Touchpoints.NoticedContacts, FakeColumnKind.WholeNumber),
    ];

    /// <summary>The activitypointer columns crmrel reads: every activity of every table, <c>activitytypecode</c> naming the table.</summary>
    public static IReadOnlyList<FakeColumn> ActivityPointer() =>
    [
        new(Names.Activities.ActivityId, FakeColumnKind.Id),
        new(Names.Activities.ActivityTypeCode, FakeColumnKind.Text),
        new(Names.Activities.StateCode, FakeColumnKind.WholeNumber),
        new(Names.Activities.ActualEnd, FakeColumnKind.DateAndTime),
        new(Names.Activities.ModifiedOn, FakeColumnKind.DateAndTime),
    ];

    private static IEnumerable<FakeColumn> Computed(bool contact)
    {
        yield return Choice<RecommendedAction>(Names.Computed.RecommendedAction);
        yield return new(Names.Computed.ActionUrgency, FakeColumnKind.WholeNumber);
        yield return Choice<RelationshipLevel>(Names.Computed.RelationshipLevel);
        if (contact)
        {
            yield return Choice<RelationshipLevel>(Names.Computed.PreviousLevel);
            yield return new(Names.Computed.LevelChangedOn, FakeColumnKind.DateAndTime);
            yield return Choice<Direction>(Names.Computed.Direction);
        }

        yield return new(Names.Computed.ExpectationGap, FakeColumnKind.WholeNumber);
        yield return new(Names.Computed.ExpectationGapScore, FakeColumnKind.WholeNumber);
        yield return Choice<ExpectationAlignment>(Names.Computed.ExpectationAlignment);
        yield return new(Names.Computed.NextFeedbackDue, FakeColumnKind.DateOnly);
        yield return new(Names.Computed.HealthScore, FakeColumnKind.WholeNumber);
        yield return new(Names.Computed.ScoreExplanation, FakeColumnKind.Text);
        yield return new(Names.Computed.ScoredOn, FakeColumnKind.DateAndTime);
        yield return new(Names.Computed.NextStep, FakeColumnKind.Text);
        if (!contact)
        {
            yield return new(Names.Computed.AssessedContacts, FakeColumnKind.WholeNumber);
            yield return new(Names.Computed.RiskContacts, FakeColumnKind.WholeNumber);
            yield return new(Names.Computed.PotentialContacts, FakeColumnKind.WholeNumber);
            yield return new(Names.Computed.HighPowerCoverage, FakeColumnKind.WholeNumber);
            yield return new(Names.Computed.KeyContactId, FakeColumnKind.Lookup, Target: Names.Contact, Navigation: "rel_KeyContactId");
            yield return new(Names.Computed.PreviousKeyContactId, FakeColumnKind.Lookup, Target: Names.Contact, Navigation: "rel_PreviousKeyContactId");
            yield return new(Names.Computed.KeyContactChangedOn, FakeColumnKind.DateAndTime);
        }
    }

    private static FakeColumn Choice<TChoice>(string name)
        where TChoice : struct, Enum => new(name, FakeColumnKind.Choice, OptionsOf<TChoice>());

    private static FakeColumn MultiChoice<TChoice>(string name)
        where TChoice : struct, Enum => new(name, FakeColumnKind.MultiChoice, OptionsOf<TChoice>());

    private static Dictionary<int, string> OptionsOf<TChoice>()
        where TChoice : struct, Enum =>
        Labels.All<TChoice>().ToDictionary(label => Labels.TryParse<TChoice>(label, out var value) ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : -1, label => label);
}

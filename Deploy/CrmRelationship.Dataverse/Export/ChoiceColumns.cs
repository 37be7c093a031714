using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Export;

/// <summary>The choice inputs export writes as labels, with the choice each one holds.</summary>
internal static class ChoiceColumns
{
    /// <summary>Per column: the label of an option value (null when the value is not one of the choice's), and whether it is a multi-select.</summary>
    public static readonly IReadOnlyDictionary<string, (Func<int, string?> Label, bool MultiSelect)> Inputs =
        new Dictionary<string, (Func<int, string?>, bool)>(StringComparer.Ordinal)
        {
            [Names.ContactInputs.Relationship] = (LabelOf<RelationshipStatus>, false),
            [Names.ContactInputs.OrganizationalPower] = (LabelOf<OrganizationalPower>, false),
            [Names.ContactInputs.Perception] = (LabelOf<Perception>, false),
            [Names.ContactInputs.ActivityLevel] = (LabelOf<ActivityLevel>, false),
            [Names.ContactInputs.ObservedBehaviours] = (LabelOf<RelationshipBehaviour>, true),
            [Names.ContactInputs.RiskBehaviours] = (LabelOf<RiskBehaviour>, true),
            [Names.ContactInputs.CustomerViewLevel] = (LabelOf<RelationshipLevel>, false),
            [Names.ContactInputs.FeedbackCadence] = (LabelOf<FeedbackCadence>, false),
        };

    /// <summary>The solution's label of an option value (the labels crmrel score reads), or null.</summary>
    public static string? LabelOf<TChoice>(int optionValue)
        where TChoice : struct, Enum
    {
        if (!Labels.TryFromValue<TChoice>(optionValue, out var choice))
        {
            return null;
        }

        foreach (var label in Labels.All<TChoice>())
        {
            if (Labels.TryParse<TChoice>(label, out var option) && EqualityComparer<TChoice>.Default.Equals(option, choice))
            {
                return label;
            }
        }

        return null;
    }
}

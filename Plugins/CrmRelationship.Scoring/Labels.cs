using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmRelationship.Scoring;

/// <summary>
/// The display label of every option, exactly as in dataverse-schema.md. Explanations, the offline
/// scorer's CSV files and settings keys all use these labels, so they are defined once here.
/// </summary>
public static class Labels
{
    private const int OptionBase = 415700000;

    private static readonly string[] RelationshipStatusLabels = { "No", "Yes" };
    private static readonly string[] PowerLabels = { "Low", "High" };
    private static readonly string[] PerceptionLabels = { "Detractor", "Advocate" };
    private static readonly string[] ActivityLabels = { "Passive", "Active" };

    private static readonly string[] ActionLabels =
    {
        "Low risk, move on",
        "Moderate risk, monitor perception",
        "Moderate risk, improve perception",
        "High risk, improve perception",
        "Low potential, activate",
        "Low potential, make a hero",
        "Med potential, activate",
        "Med potential, develop relationship",
        "Med potential, make a hero",
        "High potential, find a sponsor",
        "High potential, leverage",
    };

    private static readonly string[] LevelLabels = { "Transactional", "Service", "Partner", "Advisor", "Inner Circle" };

    private static readonly string[] BehaviourLabels =
    {
        "Buys from us",
        "Relies on our support",
        "Collaborates with us closely",
        "Consults us before decisions",
        "Values us across their business",
    };

    private static readonly string[] RiskLabels = { "Criticism", "Contempt", "Defensiveness", "Stonewalling" };
    private static readonly string[] AlignmentLabels = { "Aligned", "Overestimated", "Underestimated" };
    private static readonly string[] CadenceLabels = { "Quarterly", "Half-yearly", "Yearly" };
    private static readonly string[] DirectionLabels = { "Coming together", "Steady", "Coming apart" };

    public static string Of(RelationshipStatus value) => Pick(RelationshipStatusLabels, (int)value);

    public static string Of(OrganizationalPower value) => Pick(PowerLabels, (int)value);

    public static string Of(Perception value) => Pick(PerceptionLabels, (int)value);

    public static string Of(ActivityLevel value) => Pick(ActivityLabels, (int)value);

    public static string Of(RecommendedAction value) => Pick(ActionLabels, (int)value);

    public static string Of(RelationshipLevel value) => Pick(LevelLabels, (int)value);

    public static string Of(RelationshipBehaviour value) => Pick(BehaviourLabels, (int)value);

    public static string Of(RiskBehaviour value) => Pick(RiskLabels, (int)value);

    public static string Of(ExpectationAlignment value) => Pick(AlignmentLabels, (int)value);

    public static string Of(FeedbackCadence value) => Pick(CadenceLabels, (int)value);

    public static string Of(Direction value) => Pick(DirectionLabels, (int)value);

    /// <summary>All labels of a choice, in option-value order.</summary>
    public static IReadOnlyList<string> All<TChoice>()
        where TChoice : struct, Enum => TableFor(typeof(TChoice));

    /// <summary>Finds the option whose label is exactly <paramref name="label"/> (ordinal, after trimming).</summary>
    public static bool TryParse<TChoice>(string? label, out TChoice value)
        where TChoice : struct, Enum
    {
        value = default;
        if (label is null)
        {
            return false;
        }

        var table = TableFor(typeof(TChoice));
        var trimmed = label.Trim();
        for (var i = 0; i < table.Length; i++)
        {
            if (string.Equals(table[i], trimmed, StringComparison.Ordinal))
            {
                value = (TChoice)Enum.ToObject(typeof(TChoice), OptionBase + i);
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="optionValue"/> is one of the choice's option values.</summary>
    public static bool IsDefined<TChoice>(int optionValue)
        where TChoice : struct, Enum
    {
        var index = optionValue - OptionBase;
        return index >= 0 && index < TableFor(typeof(TChoice)).Length;
    }

    /// <summary>The choice of an option value, when it is one of the choice's values.</summary>
    public static bool TryFromValue<TChoice>(int optionValue, out TChoice choice)
        where TChoice : struct, Enum
    {
        if (IsDefined<TChoice>(optionValue))
        {
            choice = (TChoice)Enum.ToObject(typeof(TChoice), optionValue);
            return true;
        }

        choice = default;
        return false;
    }

    /// <summary>The option value of a choice, or null without one.</summary>
    public static int? ValueOf<TChoice>(TChoice? choice)
        where TChoice : struct, Enum =>
        choice is null ? null : Convert.ToInt32(choice.Value, CultureInfo.InvariantCulture);

    private static string Pick(string[] table, int optionValue)
    {
        var index = optionValue - OptionBase;
        if (index < 0 || index >= table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(optionValue), optionValue, "Not an option value of this choice.");
        }

        return table[index];
    }

    private static string[] TableFor(Type choice)
    {
        if (choice == typeof(RelationshipStatus)) { return RelationshipStatusLabels; }
        if (choice == typeof(OrganizationalPower)) { return PowerLabels; }
        if (choice == typeof(Perception)) { return PerceptionLabels; }
        if (choice == typeof(ActivityLevel)) { return ActivityLabels; }
        if (choice == typeof(RecommendedAction)) { return ActionLabels; }
        if (choice == typeof(RelationshipLevel)) { return LevelLabels; }
        if (choice == typeof(RelationshipBehaviour)) { return BehaviourLabels; }
        if (choice == typeof(RiskBehaviour)) { return RiskLabels; }
        if (choice == typeof(ExpectationAlignment)) { return AlignmentLabels; }
        if (choice == typeof(FeedbackCadence)) { return CadenceLabels; }
        if (choice == typeof(Direction)) { return DirectionLabels; }
        throw new ArgumentException("Not a relationship choice: " + choice.Name, nameof(choice));
    }
}

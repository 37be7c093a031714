using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.Scoring;

/// <summary>
/// The settings of relationship-model.md §8 for engagement from activities: the weight of each activity
/// table (<c>touchpoints.activities</c>) and the Touchpoints it takes to be noticed
/// (<c>touchpoints.noticedAfter</c>). Immutable; read by <see cref="ScoringSettings.Parse"/>.
/// </summary>
public sealed class TouchpointSettings
{
    public const decimal DefaultNoticedAfter = 7m;
    public const decimal MaxWeight = 10m;
    public const decimal MinNoticedAfter = 0.5m;
    public const decimal MaxNoticedAfter = 1000m;

    /// <summary>The longest logical name accepted for an activity table.</summary>
    public const int MaxTableNameLength = 50;

    private readonly Dictionary<string, decimal> weights;

    private TouchpointSettings(Dictionary<string, decimal> weights, decimal noticedAfter)
    {
        this.weights = weights;
        NoticedAfter = noticedAfter;
        CountedTables = weights.Where(w => w.Value > 0).Select(w => w.Key).OrderBy(t => t, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Phone call 1, appointment 1, email 0.5; noticed after 7.</summary>
    public static TouchpointSettings Default { get; } = new TouchpointSettings(DefaultWeights(), DefaultNoticedAfter);

    /// <summary>The Touchpoints from which a contact is Noticed.</summary>
    public decimal NoticedAfter { get; }

    /// <summary>The activity tables whose weight is above 0, in ordinal order: the tables whose activities are touchpoints.</summary>
    public IReadOnlyList<string> CountedTables { get; }

    /// <summary>Every table with a weight, 0 included (a table named with 0 is named but not counted).</summary>
    public IReadOnlyDictionary<string, decimal> Weights => weights;

    /// <summary>The weight of an activity table; 0 for a table without one.</summary>
    public decimal WeightOf(string table) =>
        table is not null && weights.TryGetValue(table, out var weight) ? weight : 0m;

    internal static TouchpointSettings Read(object? value)
    {
        if (value is not Dictionary<string, object?> settings)
        {
            throw new ScoringSettingsException("touchpoints", "must be an object such as {\"activities\": {\"phonecall\": 1, \"appointment\": 1, \"email\": 0.5}, \"noticedAfter\": 7}.");
        }

        var weights = DefaultWeights();
        var noticedAfter = DefaultNoticedAfter;
        foreach (var pair in settings)
        {
            switch (pair.Key)
            {
                case "activities":
                    ReadActivities(pair.Value, weights);
                    break;
                case "noticedAfter":
                    noticedAfter = ReadHalfSteps("touchpoints.noticedAfter", pair.Value, MinNoticedAfter, MaxNoticedAfter);
                    break;
                default:
                    throw new ScoringSettingsException("touchpoints." + pair.Key, "is not a touchpoint setting. The touchpoint settings are activities and noticedAfter.");
            }
        }

        return new TouchpointSettings(weights, noticedAfter);
    }

    private static void ReadActivities(object? value, Dictionary<string, decimal> weights)
    {
        if (value is not Dictionary<string, object?> activities)
        {
            throw new ScoringSettingsException("touchpoints.activities", "must be an object whose keys are activity table logical names and whose values are weights, for example {\"phonecall\": 1, \"email\": 0.5}.");
        }

        foreach (var pair in activities)
        {
            var key = "touchpoints.activities." + pair.Key;
            if (!IsLogicalName(pair.Key))
            {
                throw new ScoringSettingsException(key, "is not an activity table's logical name: a lower-case letter, then lower-case letters, digits or _, at most " + MaxTableNameLength + " characters, for example new_sitevisit.");
            }

            if (string.Equals(pair.Key, LogicalNames.Activities.ActivityPointer, StringComparison.Ordinal))
            {
                throw new ScoringSettingsException(key, "cannot be weighted: activitypointer is every activity at once and has no Create or Update step. Name the activity tables themselves.");
            }

            weights[pair.Key] = ReadHalfSteps(key, pair.Value, 0m, MaxWeight);
        }
    }

    private static decimal ReadHalfSteps(string key, object? value, decimal minimum, decimal maximum)
    {
        if (value is not double number || double.IsNaN(number) || double.IsInfinity(number)
            || number < (double)minimum || number > (double)maximum || number * 2 != Math.Floor(number * 2))
        {
            throw new ScoringSettingsException(key, "must be a number from " + Format(minimum) + " to " + Format(maximum) + " in steps of 0.5.");
        }

        return (decimal)number;
    }

    /// <summary>True for a lower-case letter followed by lower-case letters, digits or underscores, at most 50 characters.</summary>
    public static bool IsLogicalName(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxTableNameLength || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A Touchpoints figure as the explanation writes it: at most one decimal place, a point, no trailing zero.</summary>
    public static string Format(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static Dictionary<string, decimal> DefaultWeights() => new(StringComparer.Ordinal)
    {
        [LogicalNames.Activities.PhoneCall] = 1m,
        [LogicalNames.Activities.Appointment] = 1m,
        [LogicalNames.Activities.Email] = 0.5m,
    };
}

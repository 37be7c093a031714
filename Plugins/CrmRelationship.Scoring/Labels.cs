using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmRelationship.Scoring;

/// <summary>
/// The display label of every option, exactly as in the solution source. Explanations, the offline scorer's CSV
/// files and settings keys all use these labels. The tables and the <c>Of</c> overloads are generated from
/// Solution/src (Generated/Labels.g.cs); this half looks them up.
/// </summary>
public static partial class Labels
{
    /// <summary>All labels of a choice, in option order.</summary>
    public static IReadOnlyList<string> All<TChoice>()
        where TChoice : struct, Enum => TableFor(typeof(TChoice)).Labels;

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
        for (var i = 0; i < table.Labels.Length; i++)
        {
            if (string.Equals(table.Labels[i], trimmed, StringComparison.Ordinal))
            {
                value = (TChoice)Enum.ToObject(typeof(TChoice), table.Values[i]);
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="optionValue"/> is one of the choice's option values.</summary>
    public static bool IsDefined<TChoice>(int optionValue)
        where TChoice : struct, Enum => TableFor(typeof(TChoice)).IndexOf(optionValue) >= 0;

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

    private static OptionTable TableFor(Type choice) =>
        TableOf(choice) ?? throw new ArgumentException("Not a relationship choice: " + choice.Name, nameof(choice));

    /// <summary>One option of a choice, as the generated tables list them.</summary>
    private readonly struct Option
    {
        public Option(int value, string label)
        {
            Value = value;
            Label = label;
        }

        public int Value { get; }

        public string Label { get; }
    }

    /// <summary>The options of one choice: values and labels in option order.</summary>
    private sealed class OptionTable
    {
        public OptionTable(params Option[] options)
        {
            Values = new int[options.Length];
            Labels = new string[options.Length];
            for (var i = 0; i < options.Length; i++)
            {
                Values[i] = options[i].Value;
                Labels[i] = options[i].Label;
            }
        }

        public int[] Values { get; }

        public string[] Labels { get; }

        public int IndexOf(int optionValue) => Array.IndexOf(Values, optionValue);

        public string Label(int optionValue)
        {
            var index = IndexOf(optionValue);
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(optionValue), optionValue, "Not an option value of this choice.");
            }

            return Labels[index];
        }
    }
}

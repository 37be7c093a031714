using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// Reads a choice's display label from a CSV value without allocating: the labels and their options
/// come from <see cref="Labels"/> (the only source of labels), looked up by span. Same rule as
/// <see cref="Labels.TryParse{TChoice}"/>: exact, ordinal, after trimming.
/// </summary>
internal sealed class ChoiceTable<TChoice>
    where TChoice : struct, Enum
{
    private readonly Dictionary<string, (TChoice Value, int Index)>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private ChoiceTable()
    {
        var labels = Labels.All<TChoice>();
        var table = new Dictionary<string, (TChoice, int)>(labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (Labels.TryParse(labels[i], out TChoice value))
            {
                table[labels[i]] = (value, i);
            }
        }

        lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        Options = new TChoice[labels.Count];
        foreach (var pair in table.Values)
        {
            Options[pair.Item2] = pair.Item1;
        }

        Allowed = labels.Count == 2 ? labels[0] + " or " + labels[1] : string.Join(", ", labels);
    }

    public static ChoiceTable<TChoice> Instance { get; } = new();

    /// <summary>The options in label order (index i is the i-th label).</summary>
    public TChoice[] Options { get; }

    /// <summary>The option's position in label order.</summary>
    public int IndexOf(TChoice value)
    {
        for (var i = 0; i < Options.Length; i++)
        {
            if (EqualityComparer<TChoice>.Default.Equals(Options[i], value))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "Not an option of " + typeof(TChoice).Name + ".");
    }

    /// <summary>The labels for a message: "Low or High", "Criticism, Contempt, Defensiveness, Stonewalling".</summary>
    public string Allowed { get; }

    /// <param name="text">The value, already trimmed and not empty.</param>
    /// <param name="value">The option.</param>
    /// <param name="index">The option's position in label order.</param>
    public bool TryParse(ReadOnlySpan<char> text, out TChoice value, out int index)
    {
        if (lookup.TryGetValue(text, out var found))
        {
            value = found.Value;
            index = found.Index;
            return true;
        }

        value = default;
        index = -1;
        return false;
    }
}

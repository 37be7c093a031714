using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>
/// Builds an explanation: one plain-language line per finding, no markup, at most
/// <see cref="MaxLength"/> characters (the column's size).
/// </summary>
internal sealed class ExplanationText
{
    public const int MaxLength = 2000;

    private readonly StringBuilder text = new(640);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Signed(int value) => value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items)
    {
        if (items.Count == 0) { return string.Empty; }
        if (items.Count == 1) { return items[0]; }
        var builder = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == items.Count - 1 ? " and " : ", ");
            }

            builder.Append(items[i]);
        }

        return builder.ToString();
    }

    public static string IsAre(int count) => count == 1 ? " is" : " are";

    public ExplanationText Line(string line)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line);
        return this;
    }

    public override string ToString()
    {
        if (text.Length <= MaxLength)
        {
            return text.ToString();
        }

        // Cut at the last whole line that fits; the rest is dropped rather than broken mid-sentence.
        var cut = text.ToString(0, MaxLength);
        var lastBreak = cut.LastIndexOf('\n');
        return lastBreak > 0 ? cut.Substring(0, lastBreak) : cut;
    }
}

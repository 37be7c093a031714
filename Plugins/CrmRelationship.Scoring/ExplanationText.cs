using System;
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

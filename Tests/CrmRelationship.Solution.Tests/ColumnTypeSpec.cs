using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// What a column's type words on the schema page mean in solution XML: the attribute Type, the bound global
/// choice, the date format and behavior (DateOnly = 2), the whole-number range, the text length, the lookup target.
/// </summary>
public sealed partial record ColumnTypeSpec(
    string AttributeType,
    string? OptionSetName = null,
    string? Format = null,
    int? DateTimeBehavior = null,
    double? MinValue = null,
    double? MaxValue = null,
    int? MaxLength = null,
    string? LookupTarget = null,
    int? Accuracy = null)
{
    public const int UserLocal = 1;
    public const int DateOnly = 2;

    public static ColumnTypeSpec Parse(string text, string logicalName)
    {
        var spans = MarkdownPage.CodeSpans(text);
        var named = spans.Count > 0 ? spans[0] : null;
        if (text.StartsWith("choice", StringComparison.Ordinal))
        {
            // "choice" alone means the global choice of the same name as the column.
            return new ColumnTypeSpec("picklist", OptionSetName: named ?? logicalName);
        }

        if (text.StartsWith("multi-select", StringComparison.Ordinal))
        {
            return new ColumnTypeSpec("multiselectpicklist", OptionSetName: named);
        }

        if (text == "date only")
        {
            return new ColumnTypeSpec("datetime", Format: "date", DateTimeBehavior: DateOnly);
        }

        if (text == "date and time")
        {
            return new ColumnTypeSpec("datetime", Format: "datetime", DateTimeBehavior: UserLocal);
        }

        if (text.StartsWith("whole number", StringComparison.Ordinal))
        {
            var range = Range().Match(text.Replace('−', '-'));
            return range.Success
                ? new ColumnTypeSpec("int", MinValue: Number(range.Groups[1].Value), MaxValue: Number(range.Groups[2].Value))
                : new ColumnTypeSpec("int");
        }

        if (text.StartsWith("decimal", StringComparison.Ordinal))
        {
            // "decimal, one decimal place, 0..100000000000": the places are the column's Accuracy.
            var range = Range().Match(text.Replace('−', '-'));
            return new ColumnTypeSpec(
                "decimal",
                MinValue: range.Success ? Number(range.Groups[1].Value) : null,
                MaxValue: range.Success ? Number(range.Groups[2].Value) : null,
                Accuracy: text.Contains("one decimal place", StringComparison.Ordinal) ? 1 : null);
        }

        if (text.StartsWith("multiple lines of text", StringComparison.Ordinal))
        {
            var length = int.Parse(text.Split(',', 2)[1].Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            return new ColumnTypeSpec("ntext", MaxLength: length);
        }

        if (text.StartsWith("lookup to ", StringComparison.Ordinal))
        {
            return new ColumnTypeSpec("lookup", LookupTarget: text["lookup to ".Length..].Trim());
        }

        throw new FormatException($"Unknown column type '{text}' for {logicalName}.");
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(-?\d+)\.\.(-?\d+)")]
    private static partial Regex Range();
}

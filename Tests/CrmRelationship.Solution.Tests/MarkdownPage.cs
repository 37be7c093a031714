using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmRelationship.Solution.Tests;

/// <summary>Just enough markdown reading for the reference pages: sections by "## " heading, pipe tables, code spans.</summary>
internal static partial class MarkdownPage
{
    /// <summary>The lines under the "## " heading that starts with <paramref name="headingStart"/>, up to the next "## ".</summary>
    public static IReadOnlyList<string> Section(IReadOnlyList<string> lines, string headingStart)
    {
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("## " + headingStart, StringComparison.Ordinal))
            {
                start = i + 1;
                break;
            }
        }

        if (start < 0)
        {
            throw new InvalidOperationException($"No section '## {headingStart}'.");
        }

        var end = start;
        while (end < lines.Count && !lines[end].StartsWith("## ", StringComparison.Ordinal))
        {
            end++;
        }

        return lines.Skip(start).Take(end - start).ToList();
    }

    /// <summary>The body rows of every pipe table in <paramref name="lines"/>, one list of rows per table.</summary>
    public static IReadOnlyList<IReadOnlyList<string[]>> Tables(IReadOnlyList<string> lines)
    {
        var tables = new List<IReadOnlyList<string[]>>();
        List<string[]>? current = null;
        var rowIndex = 0;
        foreach (var line in lines)
        {
            if (!line.TrimStart().StartsWith('|'))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = new List<string[]>();
                tables.Add(current);
                rowIndex = 0;
            }

            rowIndex++;
            if (rowIndex <= 2)
            {
                continue; // header and separator
            }

            current.Add(line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
        }

        return tables;
    }

    public static IReadOnlyList<string> CodeSpans(string text) =>
        CodeSpan().Matches(text).Select(m => m.Groups[1].Value).ToList();

    public static IReadOnlyList<string> Quoted(string text) =>
        QuotedText().Matches(text).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedText();
}

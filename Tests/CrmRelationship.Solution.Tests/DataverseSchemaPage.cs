using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// docs/dataverse-schema.md read as data: the names and values everything agrees on. The drift tests
/// compare the solution source with it, so a change made in one place only fails the build.
/// </summary>
internal sealed class DataverseSchemaPage
{
    private DataverseSchemaPage(
        IReadOnlyList<string> solution,
        IReadOnlyList<ChoiceSpec> choices,
        IReadOnlyList<ColumnSpec> contactColumns,
        IReadOnlyList<ColumnSpec> accountColumns,
        IReadOnlyList<string> contactViews,
        IReadOnlyList<string> accountViews)
    {
        SolutionUniqueName = MarkdownPage.CodeSpans(solution[0])[0];
        SolutionDisplayName = MarkdownPage.Quoted(solution[0])[0];
        PublisherUniqueName = MarkdownPage.CodeSpans(solution[1])[0];
        PublisherDisplayName = MarkdownPage.Quoted(solution[1])[0];
        CustomizationPrefix = MarkdownPage.CodeSpans(solution[2])[0];
        OptionValuePrefix = int.Parse(MarkdownPage.CodeSpans(solution[3])[0], System.Globalization.CultureInfo.InvariantCulture);
        Choices = choices;
        ContactColumns = contactColumns;
        AccountColumns = accountColumns;
        ContactViews = contactViews;
        AccountViews = accountViews;
    }

    public string SolutionUniqueName { get; }

    public string SolutionDisplayName { get; }

    public string PublisherUniqueName { get; }

    public string PublisherDisplayName { get; }

    public string CustomizationPrefix { get; }

    public int OptionValuePrefix { get; }

    public IReadOnlyList<ChoiceSpec> Choices { get; }

    public IReadOnlyList<ColumnSpec> ContactColumns { get; }

    public IReadOnlyList<ColumnSpec> AccountColumns { get; }

    public IReadOnlyList<string> ContactViews { get; }

    public IReadOnlyList<string> AccountViews { get; }

    public IReadOnlyList<ColumnSpec> ColumnsOf(string entity) => entity switch
    {
        "contact" => ContactColumns,
        "account" => AccountColumns,
        _ => throw new ArgumentException($"The schema page has no table '{entity}'.", nameof(entity)),
    };

    public static DataverseSchemaPage Load(string path)
    {
        var lines = File.ReadAllLines(path);

        var solution = MarkdownPage.Tables(MarkdownPage.Section(lines, "Solution and publisher"))[0]
            .Select(r => r[1]).ToList();

        var choices = MarkdownPage.Tables(MarkdownPage.Section(lines, "Global choices"))[0]
            .Select(r => new ChoiceSpec(
                MarkdownPage.CodeSpans(r[0])[0],
                r[0].Contains("(multi-select)", StringComparison.Ordinal),
                SplitOptions(r[1])))
            .ToList();

        var contactTables = MarkdownPage.Tables(MarkdownPage.Section(lines, "Contact columns"));
        var contact = contactTables[0].Select(r => ColumnSpec.FromRow(r, isInput: true))
            .Concat(contactTables[1].Select(r => ColumnSpec.FromRow(r, isInput: false)))
            .ToList();

        var accountLines = MarkdownPage.Section(lines, "Account columns");
        var account = Paragraph(accountLines, "Inputs:").SelectMany(MarkdownPage.CodeSpans)
            .Select(n => contact.Single(c => c.LogicalName == n) with { IsInput = true })
            .Concat(Paragraph(accountLines, "Computed:").SelectMany(MarkdownPage.CodeSpans)
                .Select(n => contact.Single(c => c.LogicalName == n) with { IsInput = false }))
            .Concat(MarkdownPage.Tables(accountLines)[0].Select(r => ColumnSpec.FromRow(r, isInput: false)))
            .ToList();

        var show = MarkdownPage.Section(lines, "What the solution must show");
        var contactViews = MarkdownPage.Quoted(string.Join(" ", Bullet(show, "- Contact views:").Select(l => l.Trim())));
        var accountViews = MarkdownPage.Quoted(string.Join(" ", Bullet(show, "- Account views:").Select(l => l.Trim())));

        return new DataverseSchemaPage(solution, choices, contact, account, contactViews, accountViews);
    }

    // Labels themselves contain commas in rel_recommendedaction, which the page separates with " · ".
    private static List<string> SplitOptions(string cell) =>
        (cell.Contains('·', StringComparison.Ordinal) ? cell.Split('·') : cell.Split(','))
        .Select(s => s.Trim()).ToList();

    private static IEnumerable<string> Paragraph(IReadOnlyList<string> lines, string start) =>
        lines.SkipWhile(l => !l.StartsWith(start, StringComparison.Ordinal)).TakeWhile(l => l.Trim().Length > 0);

    private static IEnumerable<string> Bullet(IReadOnlyList<string> lines, string start) =>
        lines.SkipWhile(l => !l.StartsWith(start, StringComparison.Ordinal))
            .Select((l, i) => (l, i))
            .TakeWhile(p => p.i == 0 || (p.l.StartsWith("  ", StringComparison.Ordinal) && p.l.Trim().Length > 0))
            .Select(p => p.l);
}

/// <summary>A global choice on the page: its name, whether it is multi-select, its labels in value order.</summary>
public sealed record ChoiceSpec(string Name, bool IsMultiSelect, IReadOnlyList<string> Labels)
{
    public override string ToString() => Name;
}

/// <summary>A column on the page. <see cref="TypeText"/> is the page's words (e.g. "whole number −4..4").</summary>
public sealed record ColumnSpec(string LogicalName, string TypeText, string DisplayName, bool IsInput)
{
    public static ColumnSpec FromRow(string[] row, bool isInput) =>
        new(MarkdownPage.CodeSpans(row[0])[0], row[1], row[2], isInput);

    public ColumnTypeSpec Type => ColumnTypeSpec.Parse(TypeText, LogicalName);

    public override string ToString() => LogicalName;
}

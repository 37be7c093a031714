using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// docs/relationship-model.md §1 read as data: for each contact input (by display name), the question it
/// answers. That question is the input's description in the solution, so sellers see it on the form.
/// </summary>
internal sealed partial class RelationshipModelPage
{
    private RelationshipModelPage(IReadOnlyDictionary<string, string> questions) => Questions = questions;

    /// <summary>Input display name → question, with markdown emphasis and "§n" cross-references removed.</summary>
    public IReadOnlyDictionary<string, string> Questions { get; }

    public static RelationshipModelPage Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = MarkdownPage.Tables(MarkdownPage.Section(lines, "1. Inputs recorded on a contact"))[0];
        return new RelationshipModelPage(rows.ToDictionary(r => r[0], r => Plain(r[2]), StringComparer.Ordinal));
    }

    /// <summary>The text a seller reads: no **emphasis**, no ", §3" pointer into this document.</summary>
    public static string Plain(string markdown) =>
        SectionReference().Replace(markdown.Replace("**", "", StringComparison.Ordinal), string.Empty).Trim();

    [GeneratedRegex(@",\s*§\d+")]
    private static partial Regex SectionReference();
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmRelationship.FakeDataverse;
using CrmRelationship.Offline;
using CrmRelationship.Tests.Shared;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>
/// Compares what recalc stored in the fake with what crmrel score computed from the same records: for every computed
/// column the offline scorer writes, the stored value rendered as the CSV renders it (labels, yyyy-MM-dd, numbers, text, ids).
/// </summary>
internal static class OfflineComparison
{
    /// <summary>Every difference as "table id column: stored 'x', offline 'y'"; empty when they agree.</summary>
    public static List<string> Differences(FakeDataverse.FakeDataverse fake, ScoreResult offline)
    {
        var differences = new List<string>();
        Compare(fake.Contacts, TestCsv.ReadTable(offline.ContactsOutput, out var contactHeader), contactHeader, InputFiles.ContactColumns, differences);
        Compare(fake.Accounts, TestCsv.ReadTable(offline.AccountsOutput, out var accountHeader), accountHeader, InputFiles.AccountColumns, differences);
        return differences;
    }

    private static void Compare(FakeTable table, List<Dictionary<string, string>> rows, string[] header, IReadOnlyList<string> inputs, List<string> differences)
    {
        // The contact's touchpoint columns are inputs of a plain score and computed by score --activities: compared either way.
        var computed = header.Where(h => !inputs.Contains(h, StringComparer.OrdinalIgnoreCase) || CrmRelationship.Scoring.LogicalNames.Touchpoints.Contact.Contains(h)).ToList();
        if (computed.Count == 0 || rows.Count == 0)
        {
            differences.Add(table.LogicalName + ": the offline output has no computed columns or no rows");
            return;
        }

        foreach (var row in rows)
        {
            var id = Guid.Parse(row[table.IdColumn]);
            foreach (var column in computed)
            {
                var stored = Render(table.Columns.First(c => c.Name == column), table.Value(id, column));
                if (!string.Equals(stored, row[column], StringComparison.Ordinal))
                {
                    differences.Add(table.LogicalName + " " + id.ToString("D") + " " + column + ": stored '" + stored + "', offline '" + row[column] + "'");
                }
            }
        }
    }

    private static string Render(FakeColumn column, object? value) => value switch
    {
        null => string.Empty,
        int option when column.Kind == FakeColumnKind.Choice => column.Options![option],
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal amount => CrmRelationship.Scoring.TouchpointSettings.Format(amount),
        FakeLookup lookup => lookup.Id.ToString("D"),
        string date when column.Kind == FakeColumnKind.DateOnly => date,
        string text => text,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Scores the exported files with crmrel score's library, as of the recalc's date.</summary>
    /// <param name="exportFolder">The folder crmrel export wrote.</param>
    /// <param name="scoredOn">The recalc's time; its date is the offline "as of".</param>
    /// <param name="output">The offline scorer's output folder.</param>
    /// <param name="activities">Score with the exported activities.csv (<c>crmrel score --activities</c>).</param>
    /// <param name="settingsPath">The steps' settings as a --settings file, or null for the defaults.</param>
    public static ScoreResult Score(string exportFolder, DateTime scoredOn, string output, bool activities = false, string? settingsPath = null) => OfflineScoring.Run(new ScoreOptions
    {
        ContactsPath = Path.Combine(exportFolder, OfflineScoring.ContactsFileName),
        AccountsPath = Path.Combine(exportFolder, OfflineScoring.AccountsFileName),
        ActivitiesPath = activities ? Path.Combine(exportFolder, OfflineScoring.ActivitiesFileName) : null,
        SettingsPath = settingsPath,
        AsOf = DateOnly.FromDateTime(scoredOn),
        OutputDirectory = output,
    });
}

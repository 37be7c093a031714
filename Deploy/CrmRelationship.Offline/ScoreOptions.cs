using System;

namespace CrmRelationship.Offline;

/// <summary>
/// What to score and where to write it: built by <c>crmrel score</c> from its options, and directly by
/// tests and benchmarks that call <see cref="OfflineScoring.Run"/>.
/// </summary>
public sealed record ScoreOptions
{
    /// <summary>Contacts CSV.</summary>
    public required string ContactsPath { get; init; }

    /// <summary>Accounts CSV; null derives the accounts from the contacts' parentcustomerid values.</summary>
    public string? AccountsPath { get; init; }

    /// <summary>
    /// Activities CSV (relationship-model.md §9: activityid, activitytypecode, statecode, actualend, modifiedon, partyids);
    /// with it every contact gets rel_touchpoints, rel_lasttouchpoint and rel_engagement. Null scores without activities.
    /// </summary>
    public string? ActivitiesPath { get; init; }

    /// <summary>Administrator settings JSON (relationship-model.md §8); null uses the defaults.</summary>
    public string? SettingsPath { get; init; }

    /// <summary>"Today": scoring runs as of this date at 00:00.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>Folder for contacts.csv, accounts.csv, rejected.csv and report.html; created if missing.</summary>
    public string OutputDirectory { get; init; } = "out";

    /// <summary>How many accounts, most at risk first, get a stakeholder map in the report.</summary>
    public int MaxMappedAccounts { get; init; } = 50;

    /// <summary>
    /// Whether the CSVs are for a spreadsheet rather than for Dataverse: a text value starting with =, +, -,
    /// @, tab or carriage return gets a ' in front, so that Excel does not run it as a formula (off by
    /// default, because the ' would then be imported as part of the value).
    /// </summary>
    public bool ExcelSafe { get; init; }

    /// <summary>Said of the input in the report and the result, such as "the bundled sample book"; null for none.</summary>
    public string? SourceNote { get; init; }

    /// <summary>Called now and then while contacts are read (bytes read, file length).</summary>
    public Action<long, long>? Progress { get; init; }
}

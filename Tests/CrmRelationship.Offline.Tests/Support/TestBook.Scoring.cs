using System;
using System.IO;
using CrmRelationship.Offline;

namespace CrmRelationship.Tests.Shared;

/// <summary>The offline scorer's tests score a <see cref="TestBook"/> by calling the library, <see cref="OfflineScoring.Run"/>.</summary>
internal sealed partial class TestBook
{
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    /// <summary>The bundled sample book, copied next to the tests.</summary>
    public static string SampleContacts => Path.Combine(AppContext.BaseDirectory, "samples", OfflineScoring.ContactsFileName);

    public static string SampleActivities => Path.Combine(AppContext.BaseDirectory, "samples", OfflineScoring.ActivitiesFileName);

    /// <summary>An activities file: the header crmrel export writes, then the given rows.</summary>
    public string Activities(params string[] rows)
    {
        var lines = new System.Collections.Generic.List<string> { string.Join(",", CrmRelationship.Offline.Columns.ActivityColumns.All) };
        lines.AddRange(rows);
        return WriteLines("activities-in.csv", lines);
    }

    public static string SampleAccounts => Path.Combine(AppContext.BaseDirectory, "samples", OfflineScoring.AccountsFileName);

    /// <summary>Scores the given contacts file (and accounts file) as of 2026-11-24 into <see cref="Out"/>.</summary>
    public ScoreResult Score(string contacts, string? accounts = null, int maxMappedAccounts = 50, string? activities = null, string? settings = null) => OfflineScoring.Run(new ScoreOptions
    {
        ContactsPath = contacts,
        AccountsPath = accounts,
        ActivitiesPath = activities,
        SettingsPath = settings,
        AsOf = AsOf,
        OutputDirectory = Out,
        MaxMappedAccounts = maxMappedAccounts,
    });
}

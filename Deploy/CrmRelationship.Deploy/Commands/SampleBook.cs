using System;
using System.IO;
using CrmRelationship.Offline;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// The bundled sample book (Deploy/samples, copied next to crmrel): 79 contacts in 10 accounts, scored
/// by <c>crmrel score</c> when no --contacts is given.
/// </summary>
internal static class SampleBook
{
    /// <summary>How the report and the summary name it.</summary>
    public const string Note = "the bundled sample book";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string ContactsPath => Path.Combine(Directory, OfflineScoring.ContactsFileName);

    public static string AccountsPath => Path.Combine(Directory, OfflineScoring.AccountsFileName);

    /// <summary>The sample's activities: calls, meetings and emails with its contacts (relationship-model.md §9).</summary>
    public static string ActivitiesPath => Path.Combine(Directory, OfflineScoring.ActivitiesFileName);
}

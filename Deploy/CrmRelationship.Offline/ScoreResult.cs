using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>
/// What one run of the offline scorer did: counts, the rejected rows, the accounts ranked most at risk
/// first, and the files written. crmrel prints it (and derives its exit code from it); tests and
/// benchmarks assert on it.
/// </summary>
public sealed class ScoreResult
{
    /// <summary>At most this many rejected rows are kept in <see cref="Rejected"/>; rejected.csv has all of them.</summary>
    public const int MaxRejectedKept = 1000;

    public DateOnly AsOf { get; init; }

    /// <summary><see cref="ScoreOptions.SourceNote"/>.</summary>
    public string? SourceNote { get; init; }

    public string ContactsSource { get; init; } = string.Empty;

    public string? AccountsSource { get; init; }

    /// <summary>Contact rows read (scored plus rejected).</summary>
    public long ContactRows { get; init; }

    public long ContactsScored { get; init; }

    public long ActiveContacts { get; init; }

    /// <summary>Scored and written, but not rolled up to an account.</summary>
    public long InactiveContacts { get; init; }

    /// <summary>Active contacts with an empty parentcustomerid: scored, not rolled up.</summary>
    public long ContactsWithoutAccount { get; init; }

    /// <summary>Active contacts whose parentcustomerid is not an accepted row of the accounts file: scored, not rolled up.</summary>
    public long ContactsWithUnknownAccount { get; init; }

    /// <summary>Active contacts per action, in <see cref="RelationshipMatrix.ByUrgency"/> order.</summary>
    public IReadOnlyList<long> ContactsPerAction { get; init; } = Array.Empty<long>();

    /// <summary>Active contacts without a recommended action.</summary>
    public long ContactsNotAssessed { get; init; }

    /// <summary>Active contacts whose next feedback is due on or before the as-of date.</summary>
    public long FeedbackOverdue { get; init; }

    public long AccountRows { get; init; }

    /// <summary>The activities file, or null when the run scored no activities.</summary>
    public string? ActivitiesSource { get; init; }

    /// <summary>Activity rows read (accepted plus rejected).</summary>
    public long ActivityRows { get; init; }

    /// <summary>Touchpoints of the active contacts by kind (relationship-model.md §9); null without activities.</summary>
    public EngagementCounts? Engagement { get; init; }

    /// <summary>Contacts named in the activities file that no accepted row of the contacts file has.</summary>
    public long ActivityContactsUnknown { get; init; }

    /// <summary>Every scored account, most at risk first.</summary>
    public IReadOnlyList<AccountSummary> Accounts { get; init; } = Array.Empty<AccountSummary>();

    public long RejectedCount { get; init; }

    /// <summary>Lines that a quote never closed took into a rejected row (to the end of its file): not read as rows of their own.</summary>
    public long LinesInUnclosedQuotes { get; init; }

    /// <summary>The first <see cref="MaxRejectedKept"/> rejected rows, in the order met.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; init; } = Array.Empty<RejectedRow>();

    /// <summary>The columns recomputed in place because the input already had them.</summary>
    public IReadOnlyList<string> ReplacedColumns { get; init; } = Array.Empty<string>();

    public string OutputDirectory { get; init; } = string.Empty;

    public string ContactsOutput { get; init; } = string.Empty;

    public string AccountsOutput { get; init; } = string.Empty;

    public string RejectedOutput { get; init; } = string.Empty;

    public string ReportOutput { get; init; } = string.Empty;
}

/// <summary>
/// Touchpoints with active contacts, each activity counted once per contact (relationship-model.md §9), by kind; and
/// how many of those contacts have a touchpoint and how many are noticed.
/// </summary>
public sealed record EngagementCounts(long CallsOrMeetings, long Emails, long OtherActivities, long ContactsWithTouchpoints, long ContactsNoticed)
{
    public static EngagementCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public EngagementCounts Add(ContactEngagement engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return engagement.Touchpoints is null
            ? this
            : new EngagementCounts(
                CallsOrMeetings + engagement.CallsOrMeetings,
                Emails + engagement.Emails,
                OtherActivities + engagement.OtherActivities,
                ContactsWithTouchpoints + 1,
                ContactsNoticed + (engagement.Level == Scoring.Engagement.Noticed ? 1 : 0));
    }
}

/// <summary>One scored account as the summary and the report show it.</summary>
/// <param name="Id">accountid as written.</param>
/// <param name="Name">name, empty when the account was derived from the contacts.</param>
/// <param name="Score">Everything computed for the account.</param>
/// <param name="KeyContactName">The key contact's full name (or id when it has none); null without a key contact.</param>
/// <param name="ActiveContacts">Active contacts rolled up.</param>
public sealed record AccountSummary(string Id, string Name, AccountScore Score, string? KeyContactName, int ActiveContacts)
{
    /// <summary>The touchpoints of its active contacts by kind; null when the run scored no activities.</summary>
    public EngagementCounts? Engagement { get; init; }

    public string DisplayName => Name.Length > 0 ? Name : Id;
}

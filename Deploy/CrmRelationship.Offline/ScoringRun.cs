using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Offline.Rollup;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>
/// One run of the offline scorer. Contacts stream through (read → score → write the row at once);
/// only a small <see cref="RollupContact"/> per active contact is kept until the accounts are scored,
/// and the report is written from counts and the accounts' scores. Every output goes through
/// <see cref="OutputFiles"/>, so a run that stops leaves the previous outputs as they were.
/// Not thread-safe; used once.
/// </summary>
internal sealed partial class ScoringRun : IDisposable
{
    private const int ProgressEvery = 16384;

    private readonly ScoreOptions options;
    private readonly DateTime now;
    private readonly List<string> problems = new(4);
    private readonly List<RejectedRow> rejectedKept = new();
    private readonly Dictionary<string, AccountBucket> accountsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AccountBucket> accounts = new();
    private readonly ContactIdIndex contactIds = new();
    private readonly TextArena arena = new();
    private readonly long[] perAction = new long[RelationshipMatrix.ByUrgency.Count];
    private readonly List<IDisposable> opened = new();
    private readonly Func<string, Stream> createFile;

    private RelationshipScorer scorer = RelationshipScorer.Default;
    private ScoringSettings settings = ScoringSettings.Default;
    private (CsvReader Reader, ActivityRowReader Rows, string File)? activitiesInput;
    private CsvWriter? rejectedWriter;
    private string readingFile = string.Empty;
    private long rejectedCount;
    private long unreadLines;
    private long contactRows;
    private long scored;
    private long active;
    private long inactive;
    private long withoutAccount;
    private long unknownAccount;
    private long notAssessed;
    private long overdue;
    private long accountRows;

    /// <param name="options">What to score and where.</param>
    /// <param name="createFile">Creates each output's temporary file; tests pass one that fails as a full disk does.</param>
    public ScoringRun(ScoreOptions options, Func<string, Stream>? createFile = null)
    {
        this.options = options;
        this.createFile = createFile ?? (path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1));
        now = options.AsOf.ToDateTime(TimeOnly.MinValue);
    }

    public ScoreResult Execute()
    {
        try
        {
            return ExecuteCore();
        }
        catch (CsvEncodingException ex)
        {
            throw new ScoreInputException(
                "The file " + readingFile + " is not UTF-8 text (line " + ex.Line.ToString(CultureInfo.InvariantCulture)
                + (ex.NulBytes ? " holds NUL bytes, as UTF-16 text does" : " is the first that is not") + "); save it as CSV UTF-8 and run again.", ex);
        }
        catch (IOException ex)
        {
            throw new ScoreInputException("Reading or writing files stopped (" + ex.Message.TrimEnd('.') + "); check the disk and the output folder and run again.", ex);
        }
    }

    /// <summary>Closes the files; after a run that stopped, the outputs' temporary files are deleted (a failed flush is the stop already reported).</summary>
    public void Dispose()
    {
        for (var i = opened.Count - 1; i >= 0; i--)
        {
            try
            {
                opened[i].Dispose();
            }
            catch (IOException)
            {
                // A writer of a run that already stopped could not flush (a full disk): its file is deleted next.
            }
        }

        opened.Clear();
    }

    private ScoreResult ExecuteCore()
    {
        var contactsPath = options.ContactsPath;
        var accountsPath = options.AccountsPath;
        settings = OfflineFiles.LoadSettings(options.SettingsPath);
        scorer = new RelationshipScorer(settings);

        var contactsReader = Track(OfflineFiles.OpenCsv(contactsPath, "contacts", ScoreInputChoice.ContactsPath), contactsPath);
        var contactLayout = OfflineFiles.ReadHeader(contactsReader, contactsPath, "contacts", ColumnNames.RequiredContactColumns, ContactRowReader.OptionalColumns, [.. ComputedColumns.ContactNames, .. EngagementColumns.Names]);
        CsvReader? accountsReader = null;
        CsvLayout? accountLayout = null;
        if (accountsPath is not null)
        {
            accountsReader = Track(OfflineFiles.OpenCsv(accountsPath, "accounts", ScoreInputChoice.AccountsPath), accountsPath);
            accountLayout = OfflineFiles.ReadHeader(accountsReader, accountsPath, "accounts", ColumnNames.RequiredAccountColumns, Array.Empty<string>(), ComputedColumns.AccountNames);
        }

        if (options.ActivitiesPath is not null)
        {
            OpenActivities(options.ActivitiesPath);
        }

        var outputs = Own(OfflineFiles.PrepareOutputDirectory(options.OutputDirectory, createFile, contactsPath, accountsPath, options.SettingsPath, options.ActivitiesPath));
        var outputDirectory = outputs.Folder;
        var contactsOutput = Path.Combine(outputDirectory, OfflineScoring.ContactsFileName);
        var accountsOutput = Path.Combine(outputDirectory, OfflineScoring.AccountsFileName);
        var rejectedOutput = Path.Combine(outputDirectory, OfflineScoring.RejectedFileName);
        var reportOutput = Path.Combine(outputDirectory, OfflineScoring.ReportFileName);

        rejectedWriter = Own(new CsvWriter(outputs.Create(OfflineScoring.RejectedFileName), options.ExcelSafe));
        rejectedWriter.Write("file");
        rejectedWriter.Write("line");
        rejectedWriter.Write("id");
        rejectedWriter.Write("reason");
        rejectedWriter.EndRecord();

        if (accountsReader is not null && accountLayout is not null)
        {
            ReadAccounts(accountsReader, new AccountRowReader(accountLayout), Path.GetFileName(accountsPath!));
        }

        if (activitiesInput is { } activities)
        {
            ReadActivities(activities.Reader, activities.Rows, activities.File);
        }

        var contactPlan = OutputPlan.Create(contactLayout.Header, ComputedColumns.Contact, activitiesInput is null ? null : EngagementColumns.Names);
        using (var contactsWriter = Own(new CsvWriter(outputs.Create(OfflineScoring.ContactsFileName), options.ExcelSafe)))
        {
            OfflineFiles.WriteHeader(contactsWriter, contactPlan.Header);
            ScoreContacts(contactsReader, new ContactRowReader(contactLayout), contactsWriter, contactPlan, contactsPath, accountsReader is null);
        }

        if (contactRows == 0)
        {
            throw new ScoreInputException("The contacts file " + contactsPath + " has a header row but no contacts; export the contacts with their rows and run again.");
        }

        var accountPlan = OutputPlan.Create(accountLayout?.Header ?? ColumnNames.DerivedAccountColumns, ComputedColumns.Account);
        List<(AccountSummary Summary, AccountBucket Bucket)> ranked;
        using (var accountsWriter = Own(new CsvWriter(outputs.Create(OfflineScoring.AccountsFileName), options.ExcelSafe)))
        {
            OfflineFiles.WriteHeader(accountsWriter, accountPlan.Header);
            ranked = ScoreAccounts(accountsWriter, accountPlan);
        }

        rejectedWriter.Dispose();
        var replaced = new List<string>(contactPlan.Replaced.Length + accountPlan.Replaced.Length);
        foreach (var name in contactPlan.Replaced)
        {
            replaced.Add(OfflineScoring.ContactsFileName + ": " + name);
        }

        foreach (var name in accountPlan.Replaced)
        {
            replaced.Add(OfflineScoring.AccountsFileName + ": " + name);
        }

        var summaries = new List<AccountSummary>(ranked.Count);
        foreach (var entry in ranked)
        {
            summaries.Add(entry.Summary);
        }

        var result = new ScoreResult
        {
            AsOf = options.AsOf,
            SourceNote = options.SourceNote,
            ContactsSource = contactsPath,
            AccountsSource = accountsPath,
            ContactRows = contactRows,
            ContactsScored = scored,
            ActiveContacts = active,
            InactiveContacts = inactive,
            ContactsWithoutAccount = withoutAccount,
            ContactsWithUnknownAccount = unknownAccount,
            ContactsPerAction = perAction,
            ContactsNotAssessed = notAssessed,
            FeedbackOverdue = overdue,
            AccountRows = accountRows,
            ActivitiesSource = options.ActivitiesPath,
            ActivityRows = activityRows,
            Engagement = activitiesInput is null ? null : engagementTotals,
            ActivityContactsUnknown = participations.Count,
            Accounts = summaries,
            RejectedCount = rejectedCount,
            LinesInUnclosedQuotes = unreadLines,
            Rejected = rejectedKept,
            ReplacedColumns = replaced,
            OutputDirectory = outputDirectory,
            ContactsOutput = contactsOutput,
            AccountsOutput = accountsOutput,
            RejectedOutput = rejectedOutput,
            ReportOutput = reportOutput,
        };

        WriteReport(outputs.Create(OfflineScoring.ReportFileName), result, ranked);
        outputs.Commit();
        return result;
    }

    private CsvReader Track(CsvReader reader, string path)
    {
        readingFile = path;
        return Own(reader);
    }

    private T Own<T>(T resource)
        where T : IDisposable
    {
        opened.Add(resource);
        return resource;
    }

    /// <summary>A view captured later than the day after the as-of day cannot be right (relationship-model.md §4): the row is rejected naming the input.</summary>
    private void RejectCaptureDateInTheFuture(string column, string label, DateTime? capturedOn)
    {
        if (CaptureDates.Problem(label, capturedOn, now) is { } problem)
        {
            problems.Add(column + ": " + problem);
        }
    }

    private void Reject(string file, CsvRow row, int idIndex)
    {
        var id = idIndex < row.Count ? row[idIndex].Trim().ToString() : string.Empty;
        var reason = string.Join("; ", problems);
        rejectedCount++;
        if (row.Error == CsvRowError.UnclosedQuote)
        {
            unreadLines += row.SwallowedLines;
        }

        var writer = rejectedWriter!;
        writer.Write(file);
        writer.Write((int)Math.Min(row.Line, int.MaxValue));
        writer.Write(id);
        writer.Write(reason);
        writer.EndRecord();
        if (rejectedKept.Count < ScoreResult.MaxRejectedKept)
        {
            rejectedKept.Add(new RejectedRow(file, row.Line, id, reason));
        }
    }
}

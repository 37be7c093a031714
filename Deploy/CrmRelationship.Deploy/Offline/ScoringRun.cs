using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CrmRelationship.Deploy.Csv;
using CrmRelationship.Deploy.Report;
using CrmRelationship.Scoring;

namespace CrmRelationship.Deploy.Offline;

/// <summary>
/// One run of the offline scorer. Contacts stream through (read → score → write the row at once);
/// only a small <see cref="RollupContact"/> per active contact is kept until the accounts are scored,
/// and the report is written from counts and the accounts' scores. Not thread-safe; used once.
/// </summary>
internal sealed class ScoringRun : IDisposable
{
    private const int ProgressEvery = 16384;

    private readonly ScoreOptions options;
    private readonly DateTime now;
    private readonly List<string> problems = new(4);
    private readonly List<RejectedRow> rejectedKept = new();
    private readonly Dictionary<string, AccountBucket> accountsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AccountBucket> accounts = new();
    private readonly Dictionary<string, long> contactLines = new(StringComparer.OrdinalIgnoreCase);
    private readonly long[] perAction = new long[RelationshipMatrix.ByUrgency.Count];
    private readonly List<IDisposable> opened = new();

    private RelationshipScorer scorer = RelationshipScorer.Default;
    private CsvWriter? rejectedWriter;
    private string readingFile = string.Empty;
    private CsvReader? reading;
    private long rejectedCount;
    private long contactRows;
    private long scored;
    private long active;
    private long inactive;
    private long withoutAccount;
    private long unknownAccount;
    private long notAssessed;
    private long overdue;
    private long accountRows;

    public ScoringRun(ScoreOptions options)
    {
        this.options = options;
        now = options.AsOf.ToDateTime(TimeOnly.MinValue);
    }

    public ScoreResult Execute()
    {
        try
        {
            return ExecuteCore();
        }
        catch (DecoderFallbackException)
        {
            throw new ScoreInputException(
                "The file " + readingFile + " is not UTF-8 text (near line " + (reading?.Line ?? 0).ToString(CultureInfo.InvariantCulture)
                + "); save it as CSV UTF-8 and run again.");
        }
        catch (IOException ex)
        {
            throw new ScoreInputException("Reading or writing files stopped (" + ex.Message.TrimEnd('.') + "); check the disk and the --out folder and run again.", ex);
        }
    }

    public void Dispose()
    {
        for (var i = opened.Count - 1; i >= 0; i--)
        {
            opened[i].Dispose();
        }

        opened.Clear();
    }

    private ScoreResult ExecuteCore()
    {
        var sample = options.ContactsPath is null;
        if (sample && options.AccountsPath is not null)
        {
            throw new ScoreInputException("--accounts needs --contacts: pass the contacts file that goes with these accounts, or neither to score the sample book.");
        }

        var contactsPath = options.ContactsPath ?? Path.Combine(OfflineScoring.SampleDirectory, OfflineScoring.ContactsFileName);
        var accountsPath = options.AccountsPath ?? (sample ? Path.Combine(OfflineScoring.SampleDirectory, OfflineScoring.AccountsFileName) : null);
        if (sample && !File.Exists(contactsPath))
        {
            throw new ScoreInputException("The bundled sample book is missing from " + OfflineScoring.SampleDirectory + "; pass your own file with --contacts.");
        }

        scorer = new RelationshipScorer(LoadSettings(options.SettingsPath));

        var contactsReader = OpenInput(contactsPath, "contacts", "--contacts");
        var contactLayout = ReadHeader(contactsReader, contactsPath, "contacts", ColumnNames.RequiredContactColumns, ContactRowReader.OptionalColumns);
        CsvReader? accountsReader = null;
        CsvLayout? accountLayout = null;
        if (accountsPath is not null)
        {
            accountsReader = OpenInput(accountsPath, "accounts", "--accounts");
            accountLayout = ReadHeader(accountsReader, accountsPath, "accounts", ColumnNames.RequiredAccountColumns, Array.Empty<string>());
        }

        var outputDirectory = PrepareOutput(contactsPath, accountsPath);
        var contactsOutput = Path.Combine(outputDirectory, OfflineScoring.ContactsFileName);
        var accountsOutput = Path.Combine(outputDirectory, OfflineScoring.AccountsFileName);
        var rejectedOutput = Path.Combine(outputDirectory, OfflineScoring.RejectedFileName);
        var reportOutput = Path.Combine(outputDirectory, OfflineScoring.ReportFileName);

        rejectedWriter = CreateOutput(rejectedOutput);
        rejectedWriter.Write("file");
        rejectedWriter.Write("line");
        rejectedWriter.Write("id");
        rejectedWriter.Write("reason");
        rejectedWriter.EndRecord();

        if (accountsReader is not null && accountLayout is not null)
        {
            ReadAccounts(accountsReader, new AccountRowReader(accountLayout), Path.GetFileName(accountsPath!));
        }

        var contactPlan = OutputPlan.Create(contactLayout.Header, ComputedColumns.Contact);
        using (var contactsWriter = CreateOutput(contactsOutput))
        {
            WriteHeader(contactsWriter, contactPlan.Header);
            ScoreContacts(contactsReader, new ContactRowReader(contactLayout), contactsWriter, contactPlan, contactsPath, accountsReader is null);
        }

        var accountPlan = OutputPlan.Create(accountLayout?.Header ?? ColumnNames.DerivedAccountColumns, ComputedColumns.Account);
        List<(AccountSummary Summary, AccountBucket Bucket)> ranked;
        using (var accountsWriter = CreateOutput(accountsOutput))
        {
            WriteHeader(accountsWriter, accountPlan.Header);
            ranked = ScoreAccounts(accountsWriter, accountPlan);
        }

        rejectedWriter.Flush();
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
            UsedSampleBook = sample,
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
            Accounts = summaries,
            RejectedCount = rejectedCount,
            Rejected = rejectedKept,
            ReplacedColumns = replaced,
            OutputDirectory = outputDirectory,
            ContactsOutput = contactsOutput,
            AccountsOutput = accountsOutput,
            RejectedOutput = rejectedOutput,
            ReportOutput = reportOutput,
        };

        WriteReport(reportOutput, result, ranked);
        return result;
    }

    private static ScoringSettings LoadSettings(string? path)
    {
        if (path is null)
        {
            return ScoringSettings.Default;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The settings file " + path + " cannot be read (" + Reason(ex) + "); check the path given to --settings.", ex);
        }

        try
        {
            return ScoringSettings.Parse(json);
        }
        catch (ScoringSettingsException ex)
        {
            throw new ScoreInputException("Fix the setting '" + ex.Key + "' in " + path + " and run again: " + ex.Message.TrimEnd('.') + ".", ex);
        }
    }

    private CsvReader OpenInput(string path, string what, string option)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The " + what + " file " + path + " cannot be read (" + Reason(ex) + "); check the path given to " + option + ".", ex);
        }

        var reader = new CsvReader(stream);
        opened.Add(reader);
        return reader;
    }

    private CsvLayout ReadHeader(CsvReader reader, string path, string what, string[] required, string[] optional)
    {
        readingFile = path;
        reading = reader;
        var header = new CsvRow();
        if (!reader.Read(header))
        {
            throw new ScoreInputException("The " + what + " file " + path + " is empty; it needs a header row of logical names, starting with " + required[0] + ".");
        }

        if (header.Error != CsvRowError.None)
        {
            throw new ScoreInputException("The header row of the " + what + " file " + path + " has broken quoting; fix the first line and run again.");
        }

        return CsvLayout.Bind(header, required, optional, path, what);
    }

    private string PrepareOutput(string contactsPath, string? accountsPath)
    {
        string directory;
        try
        {
            directory = Path.GetFullPath(options.OutputDirectory);
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The output folder " + options.OutputDirectory + " cannot be created (" + Reason(ex) + "); choose another folder with --out.", ex);
        }

        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var input in new[] { contactsPath, accountsPath, options.SettingsPath })
        {
            if (input is null)
            {
                continue;
            }

            var inputDirectory = Path.GetDirectoryName(Path.GetFullPath(input));
            var name = Path.GetFileName(input);
            if (string.Equals(inputDirectory, directory, comparison)
                && (string.Equals(name, OfflineScoring.ContactsFileName, comparison) || string.Equals(name, OfflineScoring.AccountsFileName, comparison)
                    || string.Equals(name, OfflineScoring.RejectedFileName, comparison) || string.Equals(name, OfflineScoring.ReportFileName, comparison)))
            {
                throw new ScoreInputException("The output folder " + directory + " holds the input file " + name + ", which scoring would overwrite; choose another folder with --out.");
            }
        }

        return directory;
    }

    private CsvWriter CreateOutput(string path)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScoreInputException("The output file " + path + " cannot be written (" + Reason(ex) + "); close it if it is open elsewhere, or choose another folder with --out.", ex);
        }

        var writer = new CsvWriter(stream);
        opened.Add(writer);
        return writer;
    }

    private static void WriteHeader(CsvWriter writer, string[] header)
    {
        foreach (var name in header)
        {
            writer.Write(name);
        }

        writer.EndRecord();
    }

    private void ReadAccounts(CsvReader reader, AccountRowReader rows, string file)
    {
        readingFile = file;
        reading = reader;
        var row = new CsvRow();
        var lookup = accountsById.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.Read(row))
        {
            accountRows++;
            problems.Clear();
            var syntax = ValueReader.Syntax(row, rows.Layout.Count);
            if (syntax is not null)
            {
                problems.Add(syntax);
                Reject(file, row, rows.AccountId);
                continue;
            }

            var id = row[rows.AccountId].Trim();
            if (id.IsEmpty)
            {
                problems.Add(ColumnNames.AccountId + " is empty; every account needs its id");
            }

            var inputs = rows.Read(row, problems);
            if (!id.IsEmpty && lookup.TryGetValue(id, out var first))
            {
                problems.Add(ColumnNames.AccountId + " " + ValueReader.Quote(id) + " is already used on line "
                    + first.Line.ToString(CultureInfo.InvariantCulture) + "; the first row with this id is kept");
            }

            if (problems.Count > 0)
            {
                Reject(file, row, rows.AccountId);
                continue;
            }

            var bucket = new AccountBucket(id.ToString(), row[rows.Name].Trim().ToString(), row.ToArray(), inputs, row.Line);
            accountsById.Add(bucket.Id, bucket);
            accounts.Add(bucket);
        }
    }

    private void ScoreContacts(CsvReader reader, ContactRowReader rows, CsvWriter writer, OutputPlan plan, string path, bool deriveAccounts)
    {
        var file = Path.GetFileName(path);
        readingFile = file;
        reading = reader;
        var row = new CsvRow();
        var ids = contactLines.GetAlternateLookup<ReadOnlySpan<char>>();
        var parents = accountsById.GetAlternateLookup<ReadOnlySpan<char>>();
        var columns = plan.Columns;
        var computed = ComputedColumns.Contact;
        var today = now.Date;
        var progress = options.Progress;
        var length = progress is null ? 0 : new FileInfo(path).Length;

        while (reader.Read(row))
        {
            contactRows++;
            if (progress is not null && contactRows % ProgressEvery == 0)
            {
                progress(reader.BytesRead, length);
            }

            problems.Clear();
            var syntax = ValueReader.Syntax(row, rows.Layout.Count);
            if (syntax is not null)
            {
                problems.Add(syntax);
                Reject(file, row, rows.ContactId);
                continue;
            }

            var idText = row[rows.ContactId].Trim();
            if (idText.IsEmpty)
            {
                problems.Add(ColumnNames.ContactId + " is empty; every contact needs its id");
            }

            var inputs = rows.Read(row, problems, out var isActive, out var createdOn);
            if (!idText.IsEmpty && ids.TryGetValue(idText, out var firstLine))
            {
                problems.Add(ColumnNames.ContactId + " " + ValueReader.Quote(idText) + " is already used on line "
                    + firstLine.ToString(CultureInfo.InvariantCulture) + "; the first row with this id is kept");
            }

            if (problems.Count > 0)
            {
                Reject(file, row, rows.ContactId);
                continue;
            }

            var id = idText.ToString();
            contactLines.Add(id, row.Line);

            var score = scorer.ScoreContact(inputs, null, now);
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column >= 0)
                {
                    writer.Write(row[column]);
                }
                else
                {
                    computed[~column].Write(writer, score);
                }
            }

            writer.EndRecord();
            scored++;

            var parentId = row[rows.ParentCustomerId].Trim();
            AccountBucket? parent = null;
            if (!parentId.IsEmpty && !parents.TryGetValue(parentId, out parent) && deriveAccounts)
            {
                parent = new AccountBucket(parentId.ToString(), string.Empty, DerivedFields(parentId), AccountInputs.Empty, 0);
                accountsById.Add(parent.Id, parent);
                accounts.Add(parent);
            }

            if (!isActive)
            {
                inactive++;
                continue;
            }

            active++;
            if (score.RecommendedAction is { } action)
            {
                perAction[RelationshipMatrix.Urgency(action) - 1]++;
            }
            else
            {
                notAssessed++;
            }

            if (score.NextFeedbackDue is { } due && due <= today)
            {
                overdue++;
            }

            if (parentId.IsEmpty)
            {
                withoutAccount++;
            }
            else if (parent is null)
            {
                unknownAccount++;
            }
            else
            {
                parent.Contacts.Add(new RollupContact(id, row[rows.FullName].Trim().ToString(), createdOn, inputs, score));
            }
        }

        progress?.Invoke(reader.BytesRead, length);
    }

    private List<(AccountSummary Summary, AccountBucket Bucket)> ScoreAccounts(CsvWriter writer, OutputPlan plan)
    {
        var ranked = new List<(AccountSummary, AccountBucket)>(accounts.Count);
        var columns = plan.Columns;
        var computed = ComputedColumns.Account;
        foreach (var bucket in accounts)
        {
            var contacts = new AccountContact[bucket.Contacts.Count];
            for (var i = 0; i < contacts.Length; i++)
            {
                contacts[i] = bucket.Contacts[i].ToAccountContact();
            }

            var score = scorer.ScoreAccount(bucket.Inputs, contacts, now);
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column >= 0)
                {
                    writer.Write(bucket.Fields[column]);
                }
                else
                {
                    computed[~column].Write(writer, score);
                }
            }

            writer.EndRecord();
            ranked.Add((new AccountSummary(bucket.Id, bucket.Name, score, KeyContactName(bucket, score.KeyContactId), contacts.Length), bucket));
        }

        ranked.Sort((a, b) => AccountRanking.Compare(a.Item1, b.Item1));
        return ranked;
    }

    private void WriteReport(string path, ScoreResult result, List<(AccountSummary Summary, AccountBucket Bucket)> ranked)
    {
        var maps = new List<StakeholderMap>();
        foreach (var (summary, bucket) in ranked)
        {
            if (maps.Count == options.MaxMappedAccounts)
            {
                break;
            }

            if (bucket.Contacts.Count > 0)
            {
                maps.Add(StakeholderMap.Build(summary, bucket.Contacts));
            }
        }

        var mappable = 0;
        foreach (var (_, bucket) in ranked)
        {
            if (bucket.Contacts.Count > 0)
            {
                mappable++;
            }
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            HtmlReport.Write(writer, result, maps, mappable);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ScoreInputException("The report " + path + " cannot be written (" + Reason(ex) + "); choose another folder with --out.", ex);
        }
    }

    private static string? KeyContactName(AccountBucket bucket, string? keyId)
    {
        if (keyId is null)
        {
            return null;
        }

        foreach (var contact in bucket.Contacts)
        {
            if (ReferenceEquals(contact.Id, keyId) || string.Equals(contact.Id, keyId, StringComparison.Ordinal))
            {
                return contact.Name.Length > 0 ? contact.Name : contact.Id;
            }
        }

        return keyId;
    }

    private static string[] DerivedFields(ReadOnlySpan<char> accountId)
    {
        var fields = new string[ColumnNames.DerivedAccountColumns.Length];
        Array.Fill(fields, string.Empty);
        fields[0] = accountId.ToString();
        return fields;
    }

    private void Reject(string file, CsvRow row, int idIndex)
    {
        var id = idIndex < row.Count ? row[idIndex].Trim().ToString() : string.Empty;
        var reason = string.Join("; ", problems);
        rejectedCount++;
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

    private static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException => "it does not exist",
        DirectoryNotFoundException => "its folder does not exist",
        UnauthorizedAccessException => "access is denied, or it is a folder",
        _ => ex.Message.TrimEnd('.'),
    };
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Offline;
using CrmRelationship.Offline.Columns;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Export;

/// <summary>What <c>crmrel export</c> writes and where.</summary>
public sealed record ExportOptions
{
    public string OutputDirectory { get; init; } = "out";

    public int PageSize { get; init; } = 5000;
}

/// <summary>What <c>crmrel export</c> wrote.</summary>
public sealed record ExportResult
{
    public long Contacts { get; init; }

    public long Accounts { get; init; }

    public required string ContactsFile { get; init; }

    public required string AccountsFile { get; init; }

    /// <summary>Activities written to activities.csv: those of the counted tables in which a contact takes part.</summary>
    public long Activities { get; init; }

    public required string ActivitiesFile { get; init; }

    /// <summary>The activity tables exported (the counted tables of the steps' settings).</summary>
    public IReadOnlyList<string> ActivityTables { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Values whose formatted label (the user's language, or a label renamed in the environment) is not the solution's,
    /// written with the solution's label so crmrel score reads them.
    /// </summary>
    public long Relabelled { get; init; }

    /// <summary>Stored option values this version does not know (an option an administrator added), written empty as the plug-ins read them.</summary>
    public IReadOnlyList<string> UnknownOptions { get; init; } = Array.Empty<string>();

    public long Requests { get; init; }

    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// <c>crmrel export</c>: writes the active contacts and accounts as <c>crmrel score</c> reads them (the columns and formats
/// of <see cref="InputFiles"/>): logical-name headers, choices as the labels from the formatted-value annotations, dates
/// yyyy-MM-dd, so an admin can try new settings offline on real data. Each file is written beside its final name and
/// moved there when complete.
/// </summary>
public static class DataExport
{
    private const string PartialSuffix = ".partial";

    public static async Task<ExportResult> RunAsync(DataverseClient client, ExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var output = Recalculation.PrepareOutput(options.OutputDirectory);
        var labels = new LabelTally();
        var contactsPath = Path.Combine(output, OfflineScoring.ContactsFileName);
        var accountsPath = Path.Combine(output, OfflineScoring.AccountsFileName);

        var contactSelect = new[] { Names.Standard.ContactId, Names.Standard.FullName, WebApiNames.Property(Names.Standard.ParentCustomerId) }
            .Concat(Names.ContactInputs.All).Append(Names.Standard.CreatedOn);
        var contacts = await WriteAsync(
            client, WebApiNames.ActiveRecords(WebApiNames.Contacts, contactSelect), contactsPath, InputFiles.ContactColumns, options.PageSize,
            element => ContactRow(new StoredRecord(element), labels), cancellationToken).ConfigureAwait(false);

        var accountSelect = new[] { Names.Standard.AccountId, Names.Standard.Name }.Concat(Names.AccountInputs.All);
        var accounts = await WriteAsync(
            client, WebApiNames.ActiveRecords(WebApiNames.Accounts, accountSelect), accountsPath, InputFiles.AccountColumns, options.PageSize,
            element => AccountRow(new StoredRecord(element), labels), cancellationToken).ConfigureAwait(false);

        var activitiesPath = Path.Combine(output, OfflineScoring.ActivitiesFileName);
        var tables = await ActivityQuery.CountedTablesAsync(client, cancellationToken).ConfigureAwait(false);
        var activities = await WriteAsync(
            client, ActivityQuery.Query(tables), activitiesPath, ActivityColumns.All, options.PageSize,
            element => ActivityQuery.Row(element), cancellationToken).ConfigureAwait(false);

        return new ExportResult
        {
            Contacts = contacts,
            Accounts = accounts,
            Activities = activities,
            ContactsFile = contactsPath,
            AccountsFile = accountsPath,
            ActivitiesFile = activitiesPath,
            ActivityTables = tables,
            Relabelled = labels.Relabelled,
            UnknownOptions = labels.Unknown.Select(u => u.Key + " " + u.Value.ToString(CultureInfo.InvariantCulture)).ToList(),
            Requests = client.RequestsSent,
            Elapsed = clock.Elapsed,
        };
    }

    private static async Task<long> WriteAsync(
        DataverseClient client, string query, string path, IReadOnlyList<string> header, int pageSize, Func<System.Text.Json.JsonElement, string?[]?> row,
        CancellationToken cancellationToken)
    {
        var partial = path + PartialSuffix;
        long count = 0;
        try
        {
            using (var writer = CsvFileWriter.Create(partial, header))
            {
                await foreach (var page in client.GetPagesAsync(query, pageSize, WebApiNames.FormattedValue + "," + WebApiNames.LookupLogicalName, cancellationToken)
                    .ConfigureAwait(false))
                {
                    using (page)
                    {
                        foreach (var element in page.RootElement.GetProperty("value").EnumerateArray())
                        {
                            if (row(element) is { } values)
                            {
                                writer.WriteRow(values);
                                count++;
                            }
                        }
                    }
                }
            }

            File.Move(partial, path, overwrite: true);
        }
        catch (ScoreInputException ex)
        {
            throw new DataverseException(ex.Message.TrimEnd('.') + "; choose another folder with --out.", ex);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        return count;
    }

    private static string?[] ContactRow(StoredRecord record, LabelTally labels)
    {
        var parent = WebApiNames.Property(Names.Standard.ParentCustomerId);
        var parentTable = record.LookupTable(Names.Standard.ParentCustomerId);
        var row = new List<string?>
        {
            record.Id(Names.Standard.ContactId)?.ToString("D"),
            record.Text(Names.Standard.FullName),
            parentTable is null || parentTable == Names.Account ? record.Id(parent)?.ToString("D") : null,
        };
        foreach (var column in Names.ContactInputs.All)
        {
            row.Add(Input(record, column, labels));
        }

        row.Add(InputFiles.DateAndTime(record.Date(Names.Standard.CreatedOn)));
        return row.ToArray();
    }

    private static string?[] AccountRow(StoredRecord record, LabelTally labels)
    {
        var row = new List<string?> { record.Id(Names.Standard.AccountId)?.ToString("D"), record.Text(Names.Standard.Name) };
        foreach (var column in Names.AccountInputs.All)
        {
            row.Add(Input(record, column, labels));
        }

        return row.ToArray();
    }

    private static string Input(StoredRecord record, string column, LabelTally labels)
    {
        if (!ChoiceColumns.Inputs.TryGetValue(column, out var choice))
        {
            return InputFiles.Date(record.Date(column));
        }

        var values = choice.MultiSelect ? record.OptionValues(column) : record.Number(column) is { } one ? new[] { one } : Array.Empty<int>();
        var formatted = record.Formatted(column)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();
        var written = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var label = choice.Label(values[i]);
            if (label is null)
            {
                labels.Unknown.TryAdd(column, values[i]);
                continue;
            }

            if (!formatted.Contains(label, StringComparer.Ordinal))
            {
                labels.Relabelled++;
            }

            written.Add(label);
        }

        return InputFiles.MultiSelect(written);
    }

    /// <summary>Labels that had to be replaced, and option values that are not the solution's.</summary>
    private sealed class LabelTally
    {
        public long Relabelled { get; set; }

        public Dictionary<string, int> Unknown { get; } = new(StringComparer.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// The reading and scoring half of a recalc run: contacts first (each scored and compared as its page arrives, its new
/// values kept for its account), then accounts (each scored from its active contacts' new values); every difference goes
/// to the writer, or to changes.csv in a dry run.
/// </summary>
internal sealed class TableRun
{
    private readonly DataverseClient client;
    private readonly RecalcOptions options;
    private readonly RelationshipScorer scorer;
    private readonly DateTime scoredOn;
    private readonly Checkpoint? checkpoint;
    private readonly ChangesFile? changes;
    private readonly IReadOnlyDictionary<string, string>? headers;
    private readonly CancellationToken cancellationToken;
    private readonly ComputedValues values = new();
    private readonly Dictionary<Guid, List<AccountContact>> contactsByAccount = new();
    private readonly Dictionary<string, long> read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> writtenBefore = new(StringComparer.Ordinal);
    private readonly TouchpointRecount recount;
    private Dictionary<Guid, ContactEngagement> pageEngagement = new();
    private BatchWriter? writer;

    public TableRun(
        DataverseClient client, RecalcOptions options, RelationshipScorer scorer, DateTime scoredOn, Checkpoint? checkpoint, ChangesFile? changes,
        IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        this.client = client;
        this.options = options;
        this.scorer = scorer;
        this.scoredOn = scoredOn;
        this.checkpoint = checkpoint;
        this.changes = changes;
        this.headers = headers;
        this.cancellationToken = cancellationToken;
        recount = new TouchpointRecount(client, scorer.Settings, cancellationToken);
        foreach (var table in new[] { Names.Contact, Names.Account })
        {
            writtenBefore[table] = checkpoint?.WrittenCount(table) ?? 0;
        }
    }

    public long WrittenTotal => writer is null ? 0 : writer.Written(Names.Contact) + writer.Written(Names.Account);

    /// <summary>Contacts whose activities are over the aggregate limit; their stored touchpoint columns were kept.</summary>
    public IReadOnlyCollection<Guid> OverAggregateLimit => recount.OverLimit;

    /// <summary>Contacts whose Touchpoints, Last touchpoint or Engagement differed from the recount.</summary>
    public long TouchpointsChanged { get; private set; }

    public IReadOnlyCollection<FailedRecord> Failed => writer?.Failed ?? (IReadOnlyCollection<FailedRecord>)Array.Empty<FailedRecord>();

    public TableCounts Counts(string table) => new(
        table, read.GetValueOrDefault(table), changed.GetValueOrDefault(table), writer?.Written(table) ?? 0, writtenBefore.GetValueOrDefault(table));

    public async Task ExecuteAsync()
    {
        if (changes is null)
        {
            writer = new BatchWriter(client, options, scoredOn, headers, checkpoint, cancellationToken);
            writer.Start();
        }

        try
        {
            await ReadAsync(Names.Contact, WebApiNames.ActiveRecords(WebApiNames.Contacts, WebApiNames.ContactSelect), Contact).ConfigureAwait(false);
            await ReadAsync(Names.Account, WebApiNames.ActiveRecords(WebApiNames.Accounts, WebApiNames.AccountSelect), Account).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (writer is not null && !cancellationToken.IsCancellationRequested)
        {
            // A writer met a failure that stops everything: that failure is the one to report.
            await writer.CompleteAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            if (writer is not null)
            {
                writer.Abort();
                try
                {
                    await writer.CompleteAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DataverseException or OperationCanceledException)
                {
                    // The reader's failure is reported.
                }
            }

            throw;
        }

        if (writer is not null)
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(string table, string query, Func<StoredRecord, RecordChange?> score)
    {
        var annotations = changes is null ? WebApiNames.LookupLogicalName : WebApiNames.FormattedValue + "," + WebApiNames.LookupLogicalName;
        var token = writer?.Stopping ?? cancellationToken;
        await foreach (var page in client.GetPagesAsync(query, options.PageSize, annotations, token).ConfigureAwait(false))
        {
            using (page)
            {
                if (table == Names.Contact)
                {
                    var ids = new List<Guid>();
                    foreach (var element in page.RootElement.GetProperty("value").EnumerateArray())
                    {
                        if (new StoredRecord(element).Id(Names.Standard.ContactId) is { } id)
                        {
                            ids.Add(id);
                        }
                    }

                    pageEngagement = await recount.CountAsync(ids).ConfigureAwait(false);
                }

                foreach (var element in page.RootElement.GetProperty("value").EnumerateArray())
                {
                    read[table] = read.GetValueOrDefault(table) + 1;
                    var change = score(new StoredRecord(element));
                    if (change is not null)
                    {
                        changed[table] = changed.GetValueOrDefault(table) + 1;
                        await HandleAsync(change).ConfigureAwait(false);
                    }
                }
            }

            options.Progress?.Read(table, read.GetValueOrDefault(table), changed.GetValueOrDefault(table), complete: false);
        }

        options.Progress?.Read(table, read.GetValueOrDefault(table), changed.GetValueOrDefault(table), complete: true);
    }

    private async ValueTask HandleAsync(RecordChange change)
    {
        if (changes is not null)
        {
            changes.Write(change);
        }
        else if (checkpoint is null || !checkpoint.HasWritten(change.Table, change.Id))
        {
            await writer!.EnqueueAsync(change).ConfigureAwait(false);
        }
    }

    private RecordChange? Contact(StoredRecord record)
    {
        if (record.Id(Names.Standard.ContactId) is not { } id)
        {
            return null;
        }

        // A contact over the aggregate limit keeps its stored touchpoints (null: not recounted).
        var engagement = pageEngagement.GetValueOrDefault(id);
        var inputs = record.ContactInputs(engagement);
        var score = scorer.ScoreContact(inputs, record.History(), scoredOn);
        var parentProperty = WebApiNames.Property(Names.Standard.ParentCustomerId);
        var parentTable = record.LookupTable(Names.Standard.ParentCustomerId);
        if (record.Id(parentProperty) is { } parent && (parentTable is null || parentTable == Names.Account))
        {
            if (!contactsByAccount.TryGetValue(parent, out var list))
            {
                contactsByAccount[parent] = list = new List<AccountContact>();
            }

            list.Add(AccountContact.From(id.ToString("D"), record.Text(Names.Standard.FullName), record.Date(Names.Standard.CreatedOn), inputs, score));
        }

        var diff = ScoreDiff.Of(ScoreColumns.Contact, score, record, values);
        if (engagement is not null && ScoreDiff.OfEngagement(engagement, record) is { } touchpoints)
        {
            TouchpointsChanged++;
            (diff ??= new List<ColumnChange>()).AddRange(touchpoints);
        }

        return diff is null ? null : new RecordChange(Names.Contact, id, diff);
    }

    private RecordChange? Account(StoredRecord record)
    {
        if (record.Id(Names.Standard.AccountId) is not { } id)
        {
            return null;
        }

        var contacts = contactsByAccount.TryGetValue(id, out var list) ? list : (IEnumerable<AccountContact>)Array.Empty<AccountContact>();
        var score = scorer.ScoreAccount(record.AccountInputs(), contacts, scoredOn, record.KeyContactHistory());
        var diff = ScoreDiff.Of(ScoreColumns.Account, score, record, values);
        return diff is null ? null : new RecordChange(Names.Account, id, diff);
    }
}

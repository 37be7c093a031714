using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// Writes changed records while they are still being read: writers (as many as the client's parallelism) take
/// batches of one table from a bounded queue and send each with UpdateMultiple. A batch Dataverse refuses is split
/// until the record it refuses is alone and listed as failed; after a timeout or a dropped connection, when the
/// batch may or may not have been written, its records are read back and only those still different are sent
/// again. Each confirmed record is added to the checkpoint at once.
/// <para>
/// A stop (Ctrl+C, or a failure that stops everything such as an expired sign-in) ends the taking of batches and
/// of retries, but a batch already sent is waited for, never abandoned: Dataverse carries out a request whose client
/// went away, so an abandoned batch could be stored after the run ended and written again by --resume.
/// </para>
/// </summary>
internal sealed class BatchWriter
{
    private const int MaxUnknownOutcomes = 3;
    private const int VerifyChunk = 100;

    private readonly DataverseClient client;
    private readonly RecalcOptions options;
    private readonly DateTime scoredOn;
    private readonly IReadOnlyDictionary<string, string>? headers;
    private readonly Checkpoint? checkpoint;
    private readonly BatchSizer sizer;
    private readonly Channel<RecordChange> queue;
    private readonly CancellationTokenSource stop;
    private readonly ConcurrentQueue<FailedRecord> failed = new();
    private readonly ConcurrentDictionary<string, long> written = new(StringComparer.Ordinal);
    private Task[] workers = Array.Empty<Task>();

    public BatchWriter(
        DataverseClient client, RecalcOptions options, DateTime scoredOn, IReadOnlyDictionary<string, string>? headers, Checkpoint? checkpoint, CancellationToken cancellationToken)
    {
        this.client = client;
        this.options = options;
        this.scoredOn = scoredOn;
        this.headers = headers;
        this.checkpoint = checkpoint;
        sizer = options.WriteMode == WriteMode.OnePerRecord
            ? new BatchSizer(1, 1, 1)
            : new BatchSizer(options.FirstBatchSize, options.MinBatchSize, options.MaxBatchSize);
        queue = Channel.CreateBounded<RecordChange>(new BoundedChannelOptions(Math.Max(1, 2 * options.MaxBatchSize * client.Parallelism))
        {
            SingleWriter = true,
        });
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>
    /// Cancelled when the run is interrupted or a writer meets a failure that stops everything; batches already sent
    /// are still answered and checkpointed.
    /// </summary>
    public CancellationToken Stopping => stop.Token;

    public IReadOnlyCollection<FailedRecord> Failed => failed;

    public long Written(string table) => written.TryGetValue(table, out var count) ? count : 0;

    public void Start()
    {
        workers = Enumerable.Range(0, client.Parallelism).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    public ValueTask EnqueueAsync(RecordChange change) => queue.Writer.WriteAsync(change, stop.Token);

    /// <summary>Lets the writers finish the queue; rethrows the failure that stopped them, if one did.</summary>
    public async Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch when (workers.Any(w => w.IsFaulted))
        {
            throw workers.First(w => w.IsFaulted).Exception!.InnerException!;
        }
    }

    /// <summary>Stops the writers without waiting for the queue (the reader failed).</summary>
    public void Abort() => stop.Cancel();

    private async Task WorkAsync()
    {
        RecordChange? carried = null;
        try
        {
            while (true)
            {
                var batch = new List<RecordChange>(sizer.Current);
                if (carried is not null)
                {
                    batch.Add(carried);
                    carried = null;
                }

                var size = sizer.Current;
                while (batch.Count < size)
                {
                    if (queue.Reader.TryRead(out var next))
                    {
                        if (batch.Count > 0 && !string.Equals(batch[0].Table, next.Table, StringComparison.Ordinal))
                        {
                            carried = next;
                            break;
                        }

                        batch.Add(next);
                    }
                    else if (!await queue.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                if (batch.Count == 0)
                {
                    return;
                }

                await WriteAsync(batch).ConfigureAwait(false);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    private async Task WriteAsync(List<RecordChange> batch)
    {
        var unknownOutcomes = 0;
        while (batch.Count > 0)
        {
            stop.Token.ThrowIfCancellationRequested();
            try
            {
                await SendAsync(batch).ConfigureAwait(false);
                Confirm(batch);
                sizer.Grow();
                return;
            }
            catch (DataverseException ex) when (!ex.StopsEverything)
            {
                if (ex.Kind is FailureKind.Timeout or FailureKind.TooLarge)
                {
                    sizer.Shrink();
                }

                if (ex.OutcomeUnknown || ex.Kind is FailureKind.ServerError or FailureKind.Throttled)
                {
                    // It may have been written: keep only what is still different.
                    client.Log.Note("Reading back " + batch.Count + " " + batch[0].Table + " records after: " + ex.Message);
                    batch = await StillDifferentAsync(batch).ConfigureAwait(false);
                    unknownOutcomes++;
                    if (batch.Count == 0)
                    {
                        return;
                    }

                    if (unknownOutcomes < MaxUnknownOutcomes && batch.Count <= sizer.Current)
                    {
                        continue;
                    }
                }

                if (batch.Count == 1)
                {
                    Fail(batch[0], ex.Message);
                    return;
                }

                // All or nothing on a standard table: split to write every record Dataverse accepts and find the one it refuses.
                var half = batch.Count / 2;
                client.Log.Note("Splitting a batch of " + batch.Count + " " + batch[0].Table + " records after: " + ex.Message);
                await WriteAsync(batch.GetRange(0, half)).ConfigureAwait(false);
                await WriteAsync(batch.GetRange(half, batch.Count - half)).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task SendAsync(List<RecordChange> batch)
    {
        var set = WebApiNames.EntitySet(batch[0].Table);
        if (options.WriteMode == WriteMode.OnePerRecord)
        {
            foreach (var change in batch)
            {
                await client.SendJsonAsync(
                    HttpMethod.Patch, set + "(" + change.Id.ToString("D") + ")", UpdatePayload.Patch(change, scoredOn), RetryScope.OnlyRefusals,
                    WithIfMatch(), CancellationToken.None, stop.Token).ConfigureAwait(false);
            }

            return;
        }

        await client.SendJsonAsync(
            HttpMethod.Post, set + "/Microsoft.Dynamics.CRM.UpdateMultiple", UpdatePayload.UpdateMultiple(batch, scoredOn), RetryScope.OnlyRefusals,
            headers, CancellationToken.None, stop.Token).ConfigureAwait(false);
    }

    /// <summary>A PATCH with If-Match: * only updates; it never creates a record that was deleted meanwhile.</summary>
    private Dictionary<string, string> WithIfMatch()
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["If-Match"] = "*" };
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                all[header.Key] = header.Value;
            }
        }

        return all;
    }

    /// <summary>Reads the batch's records back; confirms those that hold their computed values, fails those gone, returns the rest.</summary>
    private async Task<List<RecordChange>> StillDifferentAsync(List<RecordChange> batch)
    {
        var table = batch[0].Table;
        var set = WebApiNames.EntitySet(table);
        var idColumn = WebApiNames.IdColumn(table);
        var columns = batch.SelectMany(c => c.Columns).Select(c => WebApiNames.Property(c.Column)).Distinct(StringComparer.Ordinal);
        var select = string.Join(",", new[] { idColumn }.Concat(columns));
        var remaining = new List<RecordChange>();
        for (var start = 0; start < batch.Count; start += VerifyChunk)
        {
            var chunk = batch.GetRange(start, Math.Min(VerifyChunk, batch.Count - start));
            var ids = new StringBuilder();
            foreach (var change in chunk)
            {
                ids.Append(ids.Length == 0 ? string.Empty : ",").Append('\'').Append(change.Id.ToString("D")).Append('\'');
            }

            var query = set + "?$select=" + select + "&$filter=Microsoft.Dynamics.CRM.In(PropertyName='" + idColumn + "',PropertyValues=[" + ids + "])";
            var found = new Dictionary<Guid, bool>();
            await foreach (var page in client.GetPagesAsync(query, VerifyChunk, null, stop.Token).ConfigureAwait(false))
            {
                using (page)
                {
                    foreach (var element in page.RootElement.GetProperty("value").EnumerateArray())
                    {
                        var record = new StoredRecord(element);
                        if (record.Id(idColumn) is { } id)
                        {
                            var change = chunk.Find(c => c.Id == id);
                            if (change is not null)
                            {
                                found[id] = ScoreDiff.Holds(change, record);
                            }
                        }
                    }
                }
            }

            var confirmed = new List<RecordChange>();
            foreach (var change in chunk)
            {
                if (!found.TryGetValue(change.Id, out var holds))
                {
                    Fail(change, "The " + table + " " + change.Id.ToString("D") + " no longer exists; it was probably deleted while crmrel ran.");
                }
                else if (holds)
                {
                    confirmed.Add(change);
                }
                else
                {
                    remaining.Add(change);
                }
            }

            Confirm(confirmed);
        }

        return remaining;
    }

    private void Confirm(List<RecordChange> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        checkpoint?.Record(batch);
        var total = written.AddOrUpdate(batch[0].Table, batch.Count, (_, count) => count + batch.Count);
        options.Progress?.Written(batch[0].Table, total);
    }

    private void Fail(RecordChange change, string reason)
    {
        failed.Enqueue(new FailedRecord(change.Table, change.Id, reason));
        client.Log.Note("Not written: " + change.Table + " " + change.Id.ToString("D") + ": " + reason);
    }
}

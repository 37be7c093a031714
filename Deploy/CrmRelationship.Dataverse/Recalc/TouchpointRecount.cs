using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// Recalc's recount of touchpoints (relationship-model.md §9, "How crmrel recalc takes the count"): one grouped aggregate
/// FetchXML per chunk of a page's contacts, grouped by the contact party, the activity table and the year of
/// <c>actualend</c>, read into the same per-table counts the plug-in's query gives and turned into a contact's
/// engagement by <see cref="Touchpoints.FromTables"/>. A chunk over the aggregate limit, or with more groups than one
/// answer holds, is split in two and asked again.
/// </summary>
internal sealed class TouchpointRecount
{
    /// <summary>Contacts per query: their ids and the other conditions stay far below Dataverse's 500 conditions.</summary>
    public const int ChunkSize = 250;

    /// <summary>AggregateQueryRecordLimit exceeded: the query reads more than 50,000 records.</summary>
    public const string AggregateLimitCode = "0x8004E023";

    private const string MoreRecords = "@Microsoft.Dynamics.CRM.morerecords";

    private readonly DataverseClient client;
    private readonly ScoringSettings settings;
    private readonly CancellationToken cancellationToken;
    private readonly ConcurrentQueue<Guid> overLimit = new();

    public TouchpointRecount(DataverseClient client, ScoringSettings settings, CancellationToken cancellationToken)
    {
        this.client = client;
        this.settings = settings;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Contacts whose own activities are over the aggregate limit: their stored columns are kept.</summary>
    public IReadOnlyCollection<Guid> OverLimit => overLimit;

    /// <summary>
    /// The engagement of each contact, recounted; a contact over the aggregate limit is left out. With no counted table
    /// no query is sent and every contact has none.
    /// </summary>
    public async Task<Dictionary<Guid, ContactEngagement>> CountAsync(IReadOnlyList<Guid> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var counts = new ConcurrentDictionary<Guid, List<TableTouchpoints>>();
        var tables = settings.Touchpoints.CountedTables;
        if (tables.Count > 0 && contacts.Count > 0)
        {
            var chunks = contacts.Chunk(ChunkSize).ToList();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, client.Parallelism), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(chunks, parallel, async (chunk, _) => await ChunkAsync(chunk, tables, counts).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var over = overLimit.ToHashSet();
        var result = new Dictionary<Guid, ContactEngagement>(contacts.Count);
        foreach (var contact in contacts)
        {
            if (!over.Contains(contact))
            {
                result[contact] = counts.TryGetValue(contact, out var rows) ? Touchpoints.FromTables(rows, settings) : ContactEngagement.None;
            }
        }

        return result;
    }

    private async Task ChunkAsync(IReadOnlyList<Guid> chunk, IReadOnlyList<string> tables, ConcurrentDictionary<Guid, List<TableTouchpoints>> counts)
    {
        List<(Guid Contact, TableTouchpoints Count)>? rows = null;
        try
        {
            using var answer = await client.GetJsonAsync(Query(chunk, tables), cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            if (!(root.TryGetProperty(MoreRecords, out var more) && more.ValueKind == JsonValueKind.True))
            {
                rows = Read(root);
            }
        }
        catch (DataverseException ex) when (string.Equals(ex.Code, AggregateLimitCode, StringComparison.OrdinalIgnoreCase))
        {
            // Over the 50,000 records an aggregate may read: split below.
        }

        if (rows is null)
        {
            if (chunk.Count == 1)
            {
                overLimit.Enqueue(chunk[0]);
                return;
            }

            var half = chunk.Count / 2;
            await ChunkAsync(chunk.Take(half).ToList(), tables, counts).ConfigureAwait(false);
            await ChunkAsync(chunk.Skip(half).ToList(), tables, counts).ConfigureAwait(false);
            return;
        }

        foreach (var (contact, count) in rows)
        {
            var list = counts.GetOrAdd(contact, _ => new List<TableTouchpoints>());
            lock (list)
            {
                list.Add(count);
            }
        }
    }

    /// <summary>
    /// One row per (contact, table, year of actualend) group. The group without actualend (its year is null) is dated by
    /// its latest modifiedon, every other group by its latest actualend, as the plug-in reads its groups.
    /// </summary>
    private static List<(Guid, TableTouchpoints)> Read(JsonElement root)
    {
        var rows = new List<(Guid, TableTouchpoints)>();
        foreach (var element in root.GetProperty("value").EnumerateArray())
        {
            var group = new StoredRecord(element);
            if (group.Id(TouchpointQuery.ContactAlias) is { } contact
                && TouchpointQuery.Group(
                    group.Text(TouchpointQuery.TableAlias),
                    group.Number(TouchpointQuery.ActivitiesAlias),
                    group.Number(TouchpointQuery.YearAlias) is not null,
                    group.Date(TouchpointQuery.LastEndAlias),
                    group.Date(TouchpointQuery.LastModifiedAlias)) is { } table)
            {
                rows.Add((contact, table));
            }
        }

        return rows;
    }

    /// <summary>The grouped aggregate of one chunk of contacts, as a Web API GET of activitypointers.</summary>
    public static string Query(IReadOnlyList<Guid> contacts, IReadOnlyList<string> tables) =>
        WebApiNames.ActivityPointers + "?fetchXml=" + Uri.EscapeDataString(TouchpointQuery.ForContacts(contacts, tables));
}

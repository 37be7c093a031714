using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CrmRelationship.FakeDataverse;

/// <summary>One request the fake answered (or dropped).</summary>
/// <param name="Status">The status sent, or 0 when the connection was dropped.</param>
/// <param name="Fault">The injected fault, or null.</param>
/// <param name="InFlight">Requests being handled when this one arrived, itself included.</param>
/// <param name="Records">Records a write changed (0 for a read or a refused write).</param>
/// <param name="Columns">The columns a write set.</param>
/// <param name="Body">The request's body as sent, or null when the fake did not read it (no body, or refused before the route).</param>
public sealed record JournalEntry(
    string Method, string Path, string Query, int Status, string? ClientRequestId, FaultKind? Fault, DateTime Started, DateTime Ended, int InFlight,
    IReadOnlyDictionary<string, string> Headers, int Records, IReadOnlyCollection<string> Columns, string? Body = null);

/// <summary>Every request the fake received, and the most that were in flight at once: what the service protection limits are about.</summary>
public sealed class RequestJournal
{
    private readonly List<JournalEntry> entries = new();
    private readonly Lock gate = new();
    private int inFlight;
    private int maxInFlight;

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.ToArray();
            }
        }
    }

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The most requests that arrived within any window of <paramref name="window"/>.</summary>
    public int MaxInWindow(TimeSpan window)
    {
        var starts = Entries.Select(e => e.Started).OrderBy(t => t).ToArray();
        var most = 0;
        var first = 0;
        for (var last = 0; last < starts.Length; last++)
        {
            while (starts[last] - starts[first] >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            maxInFlight = 0;
        }
    }

    /// <summary>
    /// Waits until no request is being carried out, such as one the client stopped waiting for, so that a test
    /// counts every write the fake will ever make; fails after <paramref name="limit"/>.
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (Volatile.Read(ref inFlight) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The fake Dataverse still carries out " + Volatile.Read(ref inFlight) + " requests after " + limit + ".");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    internal int Enter()
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        return now;
    }

    internal void Leave() => Interlocked.Decrement(ref inFlight);

    internal void Add(JournalEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace CrmRelationship.FakeDataverse;

/// <summary>What the fake does instead of answering normally.</summary>
public enum FaultKind
{
    /// <summary>429 with Retry-After and the service protection error body (0x80072322).</summary>
    Throttle,

    /// <summary>503 with Retry-After.</summary>
    Unavailable,

    /// <summary>The connection is dropped before the request is carried out.</summary>
    DropBefore,

    /// <summary>The request is carried out, then the connection is dropped before the answer: the client cannot know.</summary>
    DropAfter,

    /// <summary>The answer's headers and half its body are sent, then the connection is dropped.</summary>
    DropMidBody,

    /// <summary>The request is carried out at once, but the answer comes only after <see cref="FaultRule.Delay"/>.</summary>
    Slow,

    /// <summary>
    /// The request is carried out only after <see cref="FaultRule.Delay"/>, then answered, even when the client has
    /// stopped waiting: Dataverse finishes what it started whether or not anyone still listens.
    /// </summary>
    Late,

    /// <summary>401: the token has expired.</summary>
    ExpiredToken,

    /// <summary>403 with a missing-privilege error (0x80040220).</summary>
    MissingPrivilege,

    /// <summary>413: the request is larger than the fake accepts.</summary>
    TooLarge,
}

/// <summary>A request the fake sees, for a fault rule to match.</summary>
public sealed record FakeRequest(string Method, string Path, string Query)
{
    public bool IsWrite => Method is "POST" or "PATCH";

    public bool IsUpdateMultiple => Path.EndsWith("/Microsoft.Dynamics.CRM.UpdateMultiple", StringComparison.Ordinal);

    public bool IsPage(string entitySet) => Method == "GET" && Path.EndsWith("/" + entitySet, StringComparison.Ordinal);
}

/// <summary>
/// One fault to inject: on requests <see cref="Match"/> accepts, every <see cref="Every"/>-th one (the first match is
/// number 1), at most <see cref="Times"/> times.
/// </summary>
public sealed class FaultRule
{
    private int matched;
    private int applied;

    public required FaultKind Kind { get; init; }

    public Func<FakeRequest, bool> Match { get; init; } = _ => true;

    public int Every { get; init; } = 1;

    public int Times { get; init; } = 1;

    /// <summary>The Retry-After seconds of a 429 or 503 (none for a 503 when null).</summary>
    public int? RetryAfterSeconds { get; init; } = 1;

    /// <summary>How long a slow answer, or a late request, waits.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    public int Applied => Volatile.Read(ref applied);

    internal bool Fires(FakeRequest request)
    {
        if (!Match(request))
        {
            return false;
        }

        var number = Interlocked.Increment(ref matched);
        if (number % Every != 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref applied) > Times)
        {
            Interlocked.Decrement(ref applied);
            return false;
        }

        return true;
    }
}

/// <summary>The faults a test has asked for; the first rule that fires decides.</summary>
public sealed class FaultPlan
{
    private readonly List<FaultRule> rules = new();
    private readonly Lock gate = new();

    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            rules.Add(rule);
        }

        return rule;
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (gate)
            {
                return rules.ToArray();
            }
        }
    }

    internal FaultRule? Next(FakeRequest request)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Fires(request))
                {
                    return rule;
                }
            }
        }

        return null;
    }
}

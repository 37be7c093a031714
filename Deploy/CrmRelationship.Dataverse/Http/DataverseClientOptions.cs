using System;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// How patient the client is: parallelism cap, per-attempt and total time, retries and backoff. The defaults suit
/// a real environment (Dataverse ends an operation after 2 minutes); tests shorten them against the fake server.
/// </summary>
public sealed record DataverseClientOptions
{
    /// <summary>The cap on requests in flight (<c>--max-parallel</c>); the x-ms-dop-hint of WhoAmI may lower it.</summary>
    public int MaxParallel { get; init; } = 4;

    /// <summary>The most requests in flight the service protection limits allow one user (52).</summary>
    public const int ServiceProtectionConcurrency = 52;

    /// <summary>One attempt's longest wait for an answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>The longest one request may take, all attempts and waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a transient failure is tried again.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The first backoff of a failure without Retry-After; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff (Retry-After is always waited exactly, whatever its length).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock the retries wait on and the time limits run on (the system's; a test may watch it).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

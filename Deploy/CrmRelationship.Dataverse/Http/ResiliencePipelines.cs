using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CrmRelationship.Dataverse.Http;

/// <summary>Which failures of a request may be retried.</summary>
public enum RetryScope
{
    /// <summary>Reads and idempotent writes: every transient failure (429, 408, 5xx, timeouts, dropped connections).</summary>
    AllTransient,

    /// <summary>
    /// Writes whose outcome must be known: only 429 and 503, which Dataverse answers without carrying the request
    /// out. A timeout or a dropped connection is returned to the caller, which checks what was written.
    /// </summary>
    OnlyRefusals,
}

/// <summary>
/// The Polly pipelines of Microsoft.Extensions.Http.Resilience the client sends through: a total time limit, then
/// retries (429 and 503 wait exactly their Retry-After seconds; any other transient failure backs off exponentially
/// with jitter), then a per-attempt time limit. Each retry is logged with its client-request-id and wait.
/// </summary>
internal static class ResiliencePipelines
{
    public static readonly HttpRequestOptionsKey<RetryScope> ScopeKey = new("crmrel.retry-scope");

    public static ResiliencePipeline<HttpResponseMessage> Build(RetryScope scope, DataverseClientOptions options, RequestLog log, DataverseUrl url)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxBackoff,
            ShouldRetryAfterHeader = true,
            OnRetry = async args =>
            {
                var response = args.Outcome.Result;
                var request = response?.RequestMessage ?? args.Context.GetRequestMessage();
                var description = request is null ? "request" : RequestDescription.Of(request, url).ToString();
                var outcome = response is not null
                    ? await OutcomeAsync(response).ConfigureAwait(false)
                    : args.Outcome.Exception?.GetType().Name ?? "failure";
                log.Retrying(description, outcome, AttemptHandler.ClientRequestId(request), args.AttemptNumber + 1, args.RetryDelay, response?.Headers.RetryAfter is not null);
            },
        };

        if (scope == RetryScope.AllTransient)
        {
            // A host name that does not resolve is a wrong --url, not a passing fault: say so at once.
            retry.ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is not HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
                && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        }
        else
        {
            retry.ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable });
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(retry)
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? body = null;
        try
        {
            // The body is already buffered by AttemptHandler.
            body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or ObjectDisposedException)
        {
            // No body to name a code from.
        }

        var (code, _) = DataverseErrors.ReadBody(body);
        return code is null ? status : status + " " + code;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// The one typed client of the Dataverse Web API v9.2 that crmrel recalc, export and settings use. Over one
/// HttpClient (no affinity cookie, so requests spread across web servers): the resilience pipelines, one
/// client-request-id and a fresh token per attempt, at most <see cref="Parallelism"/> requests in flight (the
/// x-ms-dop-hint of WhoAmI, capped by <c>--max-parallel</c>), OData headers, paging by <c>@odata.nextLink</c>, and
/// every failure as one <see cref="DataverseException"/> sentence. Knows no table of the product.
/// </summary>
public sealed class DataverseClient : IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient http;
    private readonly AttemptHandler attempts;
    private SemaphoreSlim gate;

    private DataverseClient(DataverseUrl url, HttpClient http, AttemptHandler attempts, RequestLog log, int parallelism)
    {
        Url = url;
        this.http = http;
        this.attempts = attempts;
        Log = log;
        Parallelism = parallelism;
        gate = new SemaphoreSlim(parallelism, parallelism);
    }

    public DataverseUrl Url { get; }

    public RequestLog Log { get; }

    /// <summary>Requests allowed in flight: min(x-ms-dop-hint, --max-parallel).</summary>
    public int Parallelism { get; private set; }

    /// <summary>The x-ms-dop-hint WhoAmI returned, or null without one.</summary>
    public int? ParallelismHint { get; private set; }

    /// <summary>The signed-in user (WhoAmI).</summary>
    public Guid UserId { get; private set; }

    /// <summary>Every HTTP request sent, retries included.</summary>
    public long RequestsSent => attempts.Attempts;

    /// <summary>Creates the client and calls WhoAmI, which checks the URL and the sign-in and sets the parallelism.</summary>
    public static async Task<DataverseClient> ConnectAsync(
        DataverseUrl url, IAccessTokenSource tokens, DataverseClientOptions options, RequestLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.MaxParallel < 1 || options.MaxParallel > DataverseClientOptions.ServiceProtectionConcurrency)
        {
            throw new DataverseException(
                "--max-parallel must be a whole number from 1 to " + DataverseClientOptions.ServiceProtectionConcurrency
                + " (Dataverse allows one user " + DataverseClientOptions.ServiceProtectionConcurrency + " requests at once).");
        }

        var sockets = new SocketsHttpHandler
        {
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = DataverseClientOptions.ServiceProtectionConcurrency,
        };
        var attemptHandler = new AttemptHandler(tokens, sockets);
        var all = ResiliencePipelines.Build(RetryScope.AllTransient, options, log, url);
        var refusals = ResiliencePipelines.Build(RetryScope.OnlyRefusals, options, log, url);
        var resilience = new ResilienceHandler(request =>
            request.Options.TryGetValue(ResiliencePipelines.ScopeKey, out var scope) && scope == RetryScope.OnlyRefusals ? refusals : all)
        {
            InnerHandler = attemptHandler,
        };
        var http = new HttpClient(resilience, disposeHandler: true)
        {
            BaseAddress = url.WebApi,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        http.DefaultRequestHeaders.Add("OData-Version", "4.0");
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("crmrel", "1.0"));

        var client = new DataverseClient(url, http, attemptHandler, log, 1);
        try
        {
            await client.WhoAmIAsync(options.MaxParallel, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    /// <summary>GET of one resource or function, as JSON.</summary>
    public async Task<JsonDocument> GetJsonAsync(string relativeUri, CancellationToken cancellationToken, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await SendAsync(request, RetryScope.AllTransient, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every page of a query: the first with <c>Prefer: odata.maxpagesize</c>, then each <c>@odata.nextLink</c>
    /// unchanged with the same preferences, until there is none. Each page is yielded as its JSON document.
    /// </summary>
    public async IAsyncEnumerable<JsonDocument> GetPagesAsync(
        string relativeUri, int pageSize, string? includeAnnotations, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefer = "odata.maxpagesize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        if (includeAnnotations is not null)
        {
            prefer += ",odata.include-annotations=\"" + includeAnnotations + "\"";
        }

        Uri? next = new(relativeUri, UriKind.Relative);
        while (next is not null)
        {
            var page = await GetPageAsync(next, prefer, cancellationToken).ConfigureAwait(false);
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String
                ? new Uri(link.GetString()!, UriKind.Absolute)
                : null;
            yield return page;
        }
    }

    /// <summary>
    /// A POST, PATCH or DELETE with a JSON body (or none) whose answer has no content to read. Once
    /// <paramref name="noFurtherAttempt"/> is cancelled no retry is sent (an <see cref="OperationCanceledException"/>
    /// says so), but an attempt already sent is waited for: cancelling <paramref name="cancellationToken"/> instead
    /// abandons it, and a write abandoned in flight may still be carried out.
    /// </summary>
    public async Task SendJsonAsync(
        HttpMethod method, string relativeUri, string? json, RetryScope scope, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken,
        CancellationToken noFurtherAttempt = default)
    {
        using var request = new HttpRequestMessage(method, relativeUri);
        request.Options.Set(AttemptHandler.NoFurtherAttemptKey, noFurtherAttempt);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, JsonMediaType);
        }

        if (headers is not null)
        {
            foreach (var header in headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await SendAsync(request, scope, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        http.Dispose();
        gate.Dispose();
    }

    private const string UserIdProperty = "UserId";

    private async Task WhoAmIAsync(int maxParallel, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI");
        using var response = await SendAsync(request, RetryScope.AllTransient, cancellationToken).ConfigureAwait(false);
        int? hint = response.Headers.TryGetValues("x-ms-dop-hint", out var values)
            && int.TryParse(string.Join(string.Empty, values), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : null;
        using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        if (!body.RootElement.TryGetProperty(UserIdProperty, out var user) || !user.TryGetGuid(out var userId))
        {
            throw new DataverseException(
                "The answer to WhoAmI from " + Url + " is not Dataverse's: check --url, the environment URL such as https://contoso.crm.dynamics.com.");
        }

        UserId = userId;
        ParallelismHint = hint;
        Parallelism = Math.Min(hint ?? maxParallel, maxParallel);
        var old = gate;
        gate = new SemaphoreSlim(Parallelism, Parallelism);
        old.Dispose();
    }

    private async Task<JsonDocument> GetPageAsync(Uri uri, string prefer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Prefer", prefer);
        using var response = await SendAsync(request, RetryScope.AllTransient, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, RetryScope scope, CancellationToken cancellationToken)
    {
        request.Options.Set(ResiliencePipelines.ScopeKey, scope);
        var description = RequestDescription.Of(request, Url);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException or TimeoutException)
        {
            var error = DataverseErrors.FromException(description, ex, AttemptHandler.ClientRequestId(request));
            Log.Failed(description.ToString(), error);
            throw error;
        }
        finally
        {
            gate.Release();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var error = DataverseErrors.FromResponse(description, (int)response.StatusCode, body, AttemptHandler.ClientRequestId(request));
            Log.Failed(description.ToString(), error);
            throw error;
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new DataverseException(
                    "The answer from " + Url + " is not JSON: check --url, the environment URL such as https://contoso.crm.dynamics.com.", ex);
            }
        }
    }
}

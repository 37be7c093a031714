using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// Runs inside the retry, once per attempt: gives the attempt its own client-request-id and the current token,
/// sends it, and reads the whole body before returning, so a connection that drops mid-body is a failed attempt
/// the retry sees, not a surprise for the caller.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    public const string ClientRequestIdHeader = "client-request-id";

    /// <summary>Once this token is cancelled, no attempt of the request is sent (one already sent is not abandoned).</summary>
    public static readonly HttpRequestOptionsKey<CancellationToken> NoFurtherAttemptKey = new("crmrel.no-further-attempt");

    private readonly IAccessTokenSource tokens;
    private long attempts;

    public AttemptHandler(IAccessTokenSource tokens, HttpMessageHandler inner)
        : base(inner)
    {
        this.tokens = tokens;
    }

    /// <summary>Every attempt sent, retries included.</summary>
    public long Attempts => Interlocked.Read(ref attempts);

    public static string? ClientRequestId(HttpRequestMessage? request) =>
        request is not null && request.Headers.TryGetValues(ClientRequestIdHeader, out var values) ? string.Join(",", values) : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(NoFurtherAttemptKey, out var noFurtherAttempt))
        {
            noFurtherAttempt.ThrowIfCancellationRequested();
        }

        request.Headers.Remove(ClientRequestIdHeader);
        request.Headers.TryAddWithoutValidation(ClientRequestIdHeader, Guid.NewGuid().ToString("D"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        Interlocked.Increment(ref attempts);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}

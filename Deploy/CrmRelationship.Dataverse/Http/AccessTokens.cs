using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace CrmRelationship.Dataverse.Http;

/// <summary>Gives the bearer token for each request; never writes it anywhere.</summary>
public interface IAccessTokenSource
{
    /// <summary>How the user signed in, for the summary ("DATAVERSE_TOKEN", "service principal …"); never the token.</summary>
    string Description { get; }

    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Chooses the sign-in, first that applies (the order): a bearer token in <c>DATAVERSE_TOKEN</c>; Azure.Identity
/// with <c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c> and <c>AZURE_CLIENT_SECRET</c> or <c>AZURE_CLIENT_CERTIFICATE_PATH</c>;
/// then an interactive browser sign-in, or a device code with <c>--device-code</c>. The scope is {url}/.default.
/// Secrets come only from the environment, never from the command line.
/// </summary>
public static class AccessTokens
{
    public const string TokenVariable = "DATAVERSE_TOKEN";

    public static IAccessTokenSource Choose(DataverseUrl url, Func<string, string?> environment, bool deviceCode, Action<string> showDeviceCode)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(environment);
        var token = environment(TokenVariable);
        if (!string.IsNullOrWhiteSpace(token))
        {
            var value = token.Trim();
            return new StaticToken(value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : value);
        }

        var tenant = environment("AZURE_TENANT_ID");
        var client = environment("AZURE_CLIENT_ID");
        var secret = environment("AZURE_CLIENT_SECRET");
        var certificate = environment("AZURE_CLIENT_CERTIFICATE_PATH");
        if (!string.IsNullOrWhiteSpace(tenant) && !string.IsNullOrWhiteSpace(client))
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                return new CredentialToken(new ClientSecretCredential(tenant, client, secret), url, "service principal " + client + " (client secret)");
            }

            if (!string.IsNullOrWhiteSpace(certificate))
            {
                return new CredentialToken(new ClientCertificateCredential(tenant, client, certificate), url, "service principal " + client + " (certificate)");
            }
        }

        if (deviceCode)
        {
            var options = new DeviceCodeCredentialOptions
            {
                TenantId = string.IsNullOrWhiteSpace(tenant) ? null : tenant,
                DeviceCodeCallback = (info, _) =>
                {
                    showDeviceCode(info.Message);
                    return Task.CompletedTask;
                },
            };
            return new CredentialToken(new DeviceCodeCredential(options), url, "device code sign-in");
        }

        var browser = new InteractiveBrowserCredentialOptions { TenantId = string.IsNullOrWhiteSpace(tenant) ? null : tenant };
        return new CredentialToken(new InteractiveBrowserCredential(browser), url, "interactive browser sign-in");
    }

    /// <summary>A token someone already has, such as from az account get-access-token.</summary>
    private sealed class StaticToken : IAccessTokenSource
    {
        private readonly string token;

        public StaticToken(string token) => this.token = token;

        public string Description => TokenVariable;

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }

    /// <summary>An Azure.Identity credential; it caches the token and renews it before it expires.</summary>
    private sealed class CredentialToken : IAccessTokenSource
    {
        private readonly TokenCredential credential;
        private readonly TokenRequestContext context;

        public CredentialToken(TokenCredential credential, DataverseUrl url, string description)
        {
            this.credential = credential;
            context = new TokenRequestContext(new[] { url.Scope });
            Description = description;
        }

        public string Description { get; }

        public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            try
            {
                var token = await credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
                return token.Token;
            }
            catch (CredentialUnavailableException ex)
            {
                throw new DataverseException(
                    "No sign-in is available here (" + DataverseErrors.Flatten(ex.Message) + "); set " + TokenVariable + " (for example from az account get-access-token), "
                    + "or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or pass --device-code.",
                    FailureKind.Unauthorized, null, null, null, ex);
            }
            catch (AuthenticationFailedException ex)
            {
                throw new DataverseException(
                    "Signing in with " + Description + " failed (" + DataverseErrors.Flatten(ex.Message) + "); check the AZURE_* variables or sign in again, or set "
                    + TokenVariable + ".",
                    FailureKind.Unauthorized, null, null, null, ex);
            }
        }
    }
}

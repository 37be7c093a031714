using System;
using System.Net;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// The environment a command works on, from <c>--url</c> or <c>DATAVERSE_URL</c>: its Web API v9.2 root and the
/// sign-in scope. Only https is accepted, except plain http to a loopback host (the tests' fake Dataverse), so a
/// token is never sent in clear over a network.
/// </summary>
public sealed class DataverseUrl
{
    private DataverseUrl(Uri environment)
    {
        Environment = environment;
    }

    /// <summary>The environment's root, such as https://org.crm.dynamics.com/.</summary>
    public Uri Environment { get; }

    /// <summary>{url}/api/data/v9.2/.</summary>
    public Uri WebApi => new(Environment, "api/data/v9.2/");

    /// <summary>The scope a token is requested for: {url}/.default.</summary>
    public string Scope => Environment.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>The environment's root as typed in messages, without a trailing slash.</summary>
    public override string ToString() => Environment.GetLeftPart(UriPartial.Authority);

    /// <summary>Reads and checks the URL; throws <see cref="DataverseException"/> with one sentence when it cannot be used.</summary>
    public static DataverseUrl Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DataverseException(
                "No environment given: pass --url https://<org>.crm.dynamics.com or set DATAVERSE_URL.");
        }

        var trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DataverseException(
                "The environment URL '" + trimmed + "' is not a web address: pass the environment's URL, such as https://contoso.crm.dynamics.com.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new DataverseException(
                "The environment URL '" + trimmed + "' uses http://, which would send the sign-in token unencrypted: use https://.");
        }

        if (uri.AbsolutePath.Trim('/').Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new DataverseException(
                "The environment URL '" + trimmed + "' has more than a host: pass the environment's root only, such as https://contoso.crm.dynamics.com.");
        }

        return new DataverseUrl(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}

using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// The options every Dataverse command takes (<c>--url</c>, <c>--max-parallel</c>, <c>--device-code</c>) and the
/// connection made from them. There is deliberately no option for a token or a secret: they come only from the
/// environment (DATAVERSE_TOKEN, AZURE_*), so they never sit in a shell's history or a process list.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string UrlVariable = "DATAVERSE_URL";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = "The environment, such as https://contoso.crm.dynamics.com (default: DATAVERSE_URL). Sign-in: DATAVERSE_TOKEN, else AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), else an interactive browser sign-in.",
        HelpName = "URL",
    };

    public Option<int> MaxParallel { get; } = new("--max-parallel")
    {
        Description = "The most requests in flight (default 4; the x-ms-dop-hint of the environment may lower it).",
        HelpName = "N",
        DefaultValueFactory = _ => 4,
    };

    public Option<bool> DeviceCode { get; } = new("--device-code")
    {
        Description = "Sign in with a device code instead of a browser (when no token or service principal is set).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(MaxParallel);
        command.Options.Add(DeviceCode);
    }

    public ConnectionRequest Read(ParseResult parse) => new(parse.GetValue(Url), parse.GetValue(MaxParallel), parse.GetValue(DeviceCode));
}

/// <summary>The connection options as typed.</summary>
public sealed record ConnectionRequest(string? Url, int MaxParallel = 4, bool DeviceCode = false)
{
    /// <summary>Connects: the URL from --url or DATAVERSE_URL, the sign-in from the environment, WhoAmI.</summary>
    internal async Task<DataverseClient> ConnectAsync(
        Func<string, string?> environment, Action<string> say, RequestLog log, DataverseClientOptions? tuning, CancellationToken cancellationToken)
    {
        var url = DataverseUrl.Parse(Url ?? environment(ConnectionOptions.UrlVariable));
        var tokens = AccessTokens.Choose(url, environment, DeviceCode, say);
        var options = (tuning ?? new DataverseClientOptions()) with { MaxParallel = MaxParallel };
        return await DataverseClient.ConnectAsync(url, tokens, options, log, cancellationToken).ConfigureAwait(false);
    }
}

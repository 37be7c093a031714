using System;
using System.Net.Http;
using System.Text.Json;
using Polly.Timeout;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// Turns a failed response (<c>{"error":{"code","message"}}</c>) or a failed connection into one
/// <see cref="DataverseException"/> whose message says what to do: sign in again, ask for a privilege, install
/// the solution, check the URL, try later. The Dataverse error code is always kept.
/// </summary>
internal static class DataverseErrors
{
    private const int MaxServerMessage = 300;

    /// <summary>Dataverse codes meaning a table, column, property or message the request names is unknown.</summary>
    private static readonly string[] UnknownNameCodes =
    {
        "0x80060888", // ODataUnrecognizedPathException: "Could not find a property named …"
        "0x8006088a", // "Resource not found for the segment …"
        "0x80048d19", // "Error identified in Payload provided by the user …" (a property the type does not have)
        "0x80041103", // "… entity doesn't contain attribute with Name = …"
    };

    private const string RecordNotFoundCode = "0x80040217";

    /// <summary>The code and message of an error body, or nulls when the body is not one.</summary>
    public static (string? Code, string? Message) ReadBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not a Dataverse error body (a proxy's page, for instance).
        }

        return (null, null);
    }

    public static DataverseException FromResponse(RequestDescription request, int status, string? body, string? clientRequestId)
    {
        var (code, serverMessage) = ReadBody(body);
        var kind = Classify(status, code);
        var detail = Detail(status, code, serverMessage);
        var env = request.Environment;
        var sentence = kind switch
        {
            FailureKind.Unauthorized =>
                "Dataverse refused the sign-in for " + env + " (" + detail + "): the token has expired or was issued for another environment; "
                + "get a new one (for example az account get-access-token --resource " + env + ") or sign in again, and run the command again",
            FailureKind.Forbidden =>
                "Dataverse refused " + request + " because your user lacks a privilege (" + detail + "); "
                + "ask an administrator for the privileges the README lists for this command",
            FailureKind.UnknownName when code is null =>
                "No Dataverse Web API answered " + request + " at " + env + " (" + detail + "): check --url, the environment URL such as https://contoso.crm.dynamics.com",
            FailureKind.UnknownName =>
                "Dataverse does not know a name used by " + request + " (" + detail + "): is the Customer Relationship Influence solution installed in "
                + env + ", at the version this crmrel belongs to?",
            FailureKind.RecordNotFound =>
                "A record " + request + " names no longer exists (" + detail + "); it was probably deleted while crmrel ran",
            FailureKind.Throttled =>
                "Dataverse kept refusing " + request + " with its service protection limit (" + detail + ") after every retry; "
                + "run the command again later, or with a lower --max-parallel",
            FailureKind.ServerError =>
                "Dataverse failed " + request + " (" + detail + ") after every retry; run the command again later",
            FailureKind.TooLarge =>
                "Dataverse refused " + request + " as too large (" + detail + ")",
            _ => "Dataverse refused " + request + " (" + detail + ")",
        };
        return new DataverseException(Finish(sentence, clientRequestId), kind, status, code, clientRequestId, null);
    }

    public static DataverseException FromException(RequestDescription request, Exception error, string? clientRequestId)
    {
        var env = request.Environment;
        if (error is TimeoutRejectedException or TimeoutException or OperationCanceledException)
        {
            return new DataverseException(
                Finish("Dataverse did not answer " + request + " in time, even after retrying; check the network and run the command again", clientRequestId),
                FailureKind.Timeout, null, null, clientRequestId, error);
        }

        var reason = Flatten(error.InnerException?.Message ?? error.Message);
        return new DataverseException(
            Finish("The connection to " + env + " failed during " + request + " (" + reason + "); check the network and --url, and run the command again", clientRequestId),
            FailureKind.Network, null, null, clientRequestId, error);
    }

    /// <summary>Which kind of failure a status and code are.</summary>
    public static FailureKind Classify(int status, string? code)
    {
        if (status == 401)
        {
            return FailureKind.Unauthorized;
        }

        if (status == 403)
        {
            return FailureKind.Forbidden;
        }

        if (code is not null && string.Equals(code, RecordNotFoundCode, StringComparison.OrdinalIgnoreCase))
        {
            return FailureKind.RecordNotFound;
        }

        if (code is not null && Array.Exists(UnknownNameCodes, c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)))
        {
            return FailureKind.UnknownName;
        }

        return status switch
        {
            404 => FailureKind.UnknownName,
            408 or 504 => FailureKind.Timeout,
            413 => FailureKind.TooLarge,
            429 => FailureKind.Throttled,
            >= 500 => FailureKind.ServerError,
            _ => FailureKind.Rejected,
        };
    }

    /// <summary>"403, error 0x80040220: Principal user is missing prvWriteContact privilege".</summary>
    private static string Detail(int status, string? code, string? serverMessage)
    {
        var text = "HTTP " + status;
        if (code is not null)
        {
            text += ", error " + code;
        }

        if (!string.IsNullOrWhiteSpace(serverMessage))
        {
            text += ": " + Flatten(serverMessage);
        }

        return text;
    }

    /// <summary>A server's text on one line, shortened, without its final full stop.</summary>
    internal static string Flatten(string text)
    {
        var line = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        if (line.Length > MaxServerMessage)
        {
            line = line[..MaxServerMessage] + "…";
        }

        return line.TrimEnd('.');
    }

    private static string Finish(string sentence, string? clientRequestId) =>
        sentence + (clientRequestId is null ? "." : " (client-request-id " + clientRequestId + ").");
}

/// <summary>A request as messages name it: "POST contacts/Microsoft.Dynamics.CRM.UpdateMultiple", without its query.</summary>
internal sealed record RequestDescription(string Method, string Path, DataverseUrl Url)
{
    public string Environment => Url.ToString();

    public static RequestDescription Of(HttpRequestMessage request, DataverseUrl url)
    {
        var uri = request.RequestUri;
        var path = uri is null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        var root = url.WebApi.AbsolutePath;
        if (path.StartsWith(root, StringComparison.Ordinal))
        {
            path = path[root.Length..];
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        return new RequestDescription(request.Method.Method, Uri.UnescapeDataString(path), url);
    }

    public override string ToString() => Method + " " + Path;
}

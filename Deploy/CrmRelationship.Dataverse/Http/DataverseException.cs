using System;

namespace CrmRelationship.Dataverse.Http;

/// <summary>What kind of failure stopped a request, so callers decide without reading the message.</summary>
public enum FailureKind
{
    /// <summary>Not a request: the command's own input (URL, sign-in, settings, files).</summary>
    Setup,

    /// <summary>401: the token is missing, expired or for another environment.</summary>
    Unauthorized,

    /// <summary>403: the user lacks a privilege.</summary>
    Forbidden,

    /// <summary>Dataverse does not know a table, column or message in the request (solution missing or older).</summary>
    UnknownName,

    /// <summary>A record the request names does not exist.</summary>
    RecordNotFound,

    /// <summary>429 after every retry.</summary>
    Throttled,

    /// <summary>5xx after every retry.</summary>
    ServerError,

    /// <summary>No answer in time: the request may or may not have been carried out.</summary>
    Timeout,

    /// <summary>The connection failed or dropped: the request may or may not have been carried out.</summary>
    Network,

    /// <summary>413, or a request too large for Dataverse to process.</summary>
    TooLarge,

    /// <summary>Any other refusal of the request (400, 409, 412 …).</summary>
    Rejected,
}

/// <summary>
/// A Dataverse request (or the set-up before one) that failed for good. <see cref="Exception.Message"/> is one
/// sentence that says what to do, with the Dataverse error code when there is one; the commands print it as is.
/// </summary>
public sealed class DataverseException : Exception
{
    public DataverseException(string message)
        : this(message, FailureKind.Setup, null, null, null, null)
    {
    }

    public DataverseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = FailureKind.Setup;
    }

    public DataverseException()
        : this("Dataverse request failed.")
    {
    }

    public DataverseException(string message, FailureKind kind, int? statusCode, string? code, string? clientRequestId, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Code = code;
        ClientRequestId = clientRequestId;
    }

    public FailureKind Kind { get; }

    /// <summary>The HTTP status, when a response came back.</summary>
    public int? StatusCode { get; }

    /// <summary>The Dataverse error code (such as 0x80040220), when the response carried one.</summary>
    public string? Code { get; }

    /// <summary>The client-request-id of the last attempt, for Microsoft support and the log.</summary>
    public string? ClientRequestId { get; }

    /// <summary>True when the request may have been carried out although no success came back.</summary>
    public bool OutcomeUnknown => Kind is FailureKind.Timeout or FailureKind.Network;

    /// <summary>True when nothing else can succeed either (sign-in, privilege, missing solution).</summary>
    public bool StopsEverything => Kind is FailureKind.Unauthorized or FailureKind.Forbidden or FailureKind.UnknownName or FailureKind.Setup;
}

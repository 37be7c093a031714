using System;

namespace CrmRelationship.Testing;

/// <summary>
/// Thrown to the caller when a Custom API request is one Dataverse refuses before any plug-in runs:
/// a request name no Custom API has, a parameter the API does not register, a required parameter
/// left out, or a value whose .NET type is not the one its registered type code takes. Nothing ran
/// and nothing is recorded in <see cref="Pipeline.Operations"/>.
/// </summary>
public sealed class CustomApiRequestException : Exception
{
    public CustomApiRequestException()
    {
    }

    public CustomApiRequestException(string message)
        : base(message)
    {
    }

    public CustomApiRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Thrown to the caller when the main operation of a Custom API leaves an output parameter that is
/// not one of the API's registered response properties, or one whose .NET type does not match its
/// registered type code: the response cannot be returned as registered, so the request fails and
/// everything the operation wrote is undone.
/// </summary>
public sealed class CustomApiResponseException : Exception
{
    public CustomApiResponseException()
    {
    }

    public CustomApiResponseException(string message)
        : base(message)
    {
    }

    public CustomApiResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

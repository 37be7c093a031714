using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.InvalidPluginExecutionException</c>, written from the
/// documented signature. A plug-in throws it to cancel the operation and show the message to the user.
/// <see cref="ErrorCode"/> is the exception's HResult; a non-zero error code passed in becomes the HResult.
/// </summary>
public sealed class InvalidPluginExecutionException : Exception
{
    public InvalidPluginExecutionException()
    {
        Status = OperationStatus.Failed;
    }

    public InvalidPluginExecutionException(string message)
        : base(message)
    {
        Status = OperationStatus.Failed;
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : base(message, exception)
    {
        Status = OperationStatus.Failed;
        if (exception is InvalidPluginExecutionException inner)
        {
            HttpStatus = inner.HttpStatus;
        }
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        if (errorCode != 0)
        {
            HResult = errorCode;
        }
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : base(message)
    {
        Status = OperationStatus.Failed;
        HttpStatus = httpStatus;
    }

    public OperationStatus Status { get; }

    public int ErrorCode => HResult;

    public PluginHttpStatusCode HttpStatus { get; }
}

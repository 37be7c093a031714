namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.OperationStatus</c>, written from the documented
/// signature (values 0..4). Tells the platform how to treat an <see cref="InvalidPluginExecutionException"/>.
/// </summary>
public enum OperationStatus
{
    Failed,
    Canceled,
    Retry,
    Suspended,
    Succeeded,
}

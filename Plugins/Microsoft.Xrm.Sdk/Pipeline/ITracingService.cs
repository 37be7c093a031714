namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.ITracingService</c>, written from the documented
/// signature. Plug-ins write their trace log through it.
/// </summary>
public interface ITracingService
{
    void Trace(string format, params object[] args);
}

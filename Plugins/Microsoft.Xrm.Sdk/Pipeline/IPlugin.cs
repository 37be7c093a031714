using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.IPlugin</c>, written from the documented signature.
/// Every plug-in class implements it; the platform calls <see cref="Execute"/> once per pipeline step.
/// </summary>
public interface IPlugin
{
    void Execute(IServiceProvider serviceProvider);
}

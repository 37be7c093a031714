using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.IOrganizationServiceFactory</c>, written from the
/// documented signature. Plug-ins get an <see cref="IOrganizationService"/> for a user from it.
/// </summary>
public interface IOrganizationServiceFactory
{
    IOrganizationService CreateOrganizationService(Guid? userId);
}

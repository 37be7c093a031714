using System;

namespace Microsoft.Xrm.Sdk.Extensions;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Extensions.ServiceProviderExtensions</c>, written from
/// the documented signature (only <see cref="Get{T}"/>). Typed access to the plug-in service provider.
/// </summary>
public static class ServiceProviderExtensions
{
    public static T Get<T>(this IServiceProvider serviceProvider)
    {
        if (serviceProvider == null)
        {
            throw new ArgumentNullException(nameof(serviceProvider));
        }

        return (T)serviceProvider.GetService(typeof(T));
    }
}

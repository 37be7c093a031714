using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.AttributeCollection</c>, written from the documented
/// signature. Holds an <see cref="Entity"/>'s column values; all members are inherited from
/// <see cref="DataCollection{TKey, TValue}"/>.
/// </summary>
public sealed class AttributeCollection : DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

    // Documented as protected internal; in a sealed class that is the same reach as internal.
    internal AttributeCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }
}

using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.EntityImageCollection</c>, written from the documented
/// signature. Holds a step's pre- and post-images by alias.
/// </summary>
public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    protected internal EntityImageCollection(IDictionary<string, Entity> collection)
        : base(collection)
    {
    }
}

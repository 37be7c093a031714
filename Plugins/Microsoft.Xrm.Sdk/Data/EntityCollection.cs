using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.EntityCollection</c>, written from the documented
/// signature. One page of rows returned by RetrieveMultiple, with its paging state.
/// </summary>
public sealed class EntityCollection
{
    public EntityCollection()
    {
        Entities = new DataCollection<Entity>();
    }

    public EntityCollection(IList<Entity> list)
    {
        Entities = new DataCollection<Entity>(list);
    }

    public DataCollection<Entity> Entities { get; private set; }

    public bool MoreRecords { get; set; }

    public string PagingCookie { get; set; }

    public int TotalRecordCount { get; set; }

    public string EntityName { get; set; }

    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }
}

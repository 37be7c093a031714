namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.QueryExpression</c>, written from the documented
/// signature. A structured query; the constructors create an empty column set, criteria, paging
/// info, orders and link entities.
/// </summary>
public sealed class QueryExpression : QueryBase
{
    public QueryExpression()
        : this(null)
    {
    }

    public QueryExpression(string entityName)
    {
        EntityName = entityName;
        ColumnSet = new ColumnSet();
        Criteria = new FilterExpression();
        PageInfo = new PagingInfo();
        Orders = new DataCollection<OrderExpression>();
        LinkEntities = new DataCollection<LinkEntity>();
    }

    public bool Distinct { get; set; }

    public bool NoLock { get; set; }

    public PagingInfo PageInfo { get; set; }

    public DataCollection<LinkEntity> LinkEntities { get; private set; }

    public FilterExpression Criteria { get; set; }

    public DataCollection<OrderExpression> Orders { get; private set; }

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; }

    public int? TopCount { get; set; }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }
}

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.OrderExpression</c>, written from the documented
/// signature. One sort column of a query.
/// </summary>
public sealed class OrderExpression
{
    public OrderExpression()
    {
    }

    public OrderExpression(string attributeName, OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    public string AttributeName { get; set; }

    public OrderType OrderType { get; set; }
}

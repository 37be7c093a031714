namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.OrderType</c>, written from the documented
/// signature. Sort direction of an <see cref="OrderExpression"/>.
/// </summary>
public enum OrderType
{
    Ascending,
    Descending,
}

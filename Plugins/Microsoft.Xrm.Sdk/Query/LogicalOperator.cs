namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.LogicalOperator</c>, written from the documented
/// signature. How a <see cref="FilterExpression"/> joins its parts.
/// </summary>
public enum LogicalOperator
{
    And,
    Or,
}

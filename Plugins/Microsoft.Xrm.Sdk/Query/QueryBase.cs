namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.QueryBase</c>, written from the documented
/// signature. The abstract query passed to RetrieveMultiple.
/// </summary>
public abstract class QueryBase
{
}

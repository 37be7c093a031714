namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.JoinOperator</c>, written from the documented
/// signature (implicit values, documented order). The join type of a <see cref="LinkEntity"/>.
/// </summary>
public enum JoinOperator
{
    Inner,
    LeftOuter,
    Natural,
    MatchFirstRowUsingCrossApply,
    In,
    Exists,
    Any,
    NotAny,
    All,
    NotAll,
}

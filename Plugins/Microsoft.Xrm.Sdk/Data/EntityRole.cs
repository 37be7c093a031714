namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.EntityRole</c>, written from the documented signature.
/// The side of a self-referential relationship (<see cref="Relationship.PrimaryEntityRole"/>).
/// </summary>
public enum EntityRole
{
    Referencing,
    Referenced,
}

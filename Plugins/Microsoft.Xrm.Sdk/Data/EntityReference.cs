using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.EntityReference</c>, written from the documented
/// signature. A lookup value: points at a row by logical name and id. Equal when the ids are equal
/// and the logical names are ordinal-equal (the stand-in declares no key attributes).
/// </summary>
public sealed class EntityReference
{
    public EntityReference()
    {
    }

    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    public Guid Id { get; set; }

    public string LogicalName { get; set; }

    public string Name { get; set; }

    public override bool Equals(object obj) =>
        obj is EntityReference other
        && Id == other.Id
        && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);

    public override int GetHashCode() =>
        Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
}

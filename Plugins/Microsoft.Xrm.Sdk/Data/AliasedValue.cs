namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.AliasedValue</c>, written from the documented
/// signature. A value a query returns under an alias: an aggregate, a group, or a linked table's column.
/// </summary>
public sealed class AliasedValue
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    public string AttributeLogicalName { get; internal set; }

    public string EntityLogicalName { get; internal set; }

    public object Value { get; internal set; }
}

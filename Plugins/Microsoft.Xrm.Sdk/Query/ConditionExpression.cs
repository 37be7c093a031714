namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.ConditionExpression</c>, written from the
/// documented signature (only the constructors the product uses). One column test in a filter.
/// </summary>
public sealed class ConditionExpression
{
    public ConditionExpression()
    {
        Values = new DataCollection<object>();
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(attributeName, conditionOperator)
    {
        if (values != null)
        {
            Values.AddRange(values);
        }
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
        : this(attributeName, conditionOperator)
    {
        Values.Add(value);
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        : this()
    {
        AttributeName = attributeName;
        Operator = conditionOperator;
    }

    public string AttributeName { get; set; }

    public ConditionOperator Operator { get; set; }

    public DataCollection<object> Values { get; private set; }
}

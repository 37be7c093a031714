namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.LinkEntity</c>, written from the documented
/// signature (only the members a join needs). The element type of <c>QueryExpression.LinkEntities</c>.
/// </summary>
public sealed class LinkEntity
{
    public LinkEntity()
    {
        LinkCriteria = new FilterExpression();
        Columns = new ColumnSet();
        LinkEntities = new DataCollection<LinkEntity>();
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        : this()
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    public string LinkFromAttributeName { get; set; }

    public string LinkFromEntityName { get; set; }

    public string LinkToEntityName { get; set; }

    public string LinkToAttributeName { get; set; }

    public JoinOperator JoinOperator { get; set; }

    public FilterExpression LinkCriteria { get; set; }

    public DataCollection<LinkEntity> LinkEntities { get; private set; }

    public ColumnSet Columns { get; set; }

    public string EntityAlias { get; set; }
}

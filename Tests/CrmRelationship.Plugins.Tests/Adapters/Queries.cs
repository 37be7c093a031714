using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>The query shape the rollup must send: active contacts of one account, 5,000 per page, in id order.</summary>
internal static class Queries
{
    public static bool IsActiveContactsOf(QueryBase query, Guid accountId) =>
        query is QueryExpression q
        && q.EntityName == Names.Contact
        && q.PageInfo.Count == 5000
        && !q.ColumnSet.AllColumns
        && q.Criteria.Conditions.Any(c => c.AttributeName == Names.Standard.ParentCustomerId && c.Operator == ConditionOperator.Equal && Equals(c.Values.Single(), accountId))
        && q.Criteria.Conditions.Any(c => c.AttributeName == Names.Standard.StateCode && c.Operator == ConditionOperator.Equal && Equals(c.Values.Single(), 0))
        && q.Orders.Any(o => o.AttributeName == Names.Standard.ContactId);

    public static EntityCollection OnePage(params Entity[] rows) => new(rows) { MoreRecords = false };
}

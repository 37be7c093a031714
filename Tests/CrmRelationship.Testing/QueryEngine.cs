using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmRelationship.Testing;

/// <summary>
/// Runs the subset of <see cref="QueryExpression"/> (and, through <see cref="FetchEngine"/>, of FetchXML) the product uses against the store: one table,
/// explicit columns, AND of Equal / NotNull / Null conditions, orders, and paging of
/// <see cref="PagingInfo.Count"/> rows per page with a paging cookie. Anything else throws
/// <see cref="NotSupportedException"/>, so a query the harness cannot answer faithfully fails the test
/// instead of answering wrongly.
/// </summary>
internal static partial class QueryEngine
{
    /// <summary>Dataverse's largest page, and the page size when none is given.</summary>
    public const int MaxPageSize = 5000;

    public static EntityCollection Execute(EntityStore store, QueryBase query)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (query is FetchExpression fetch)
        {
            return FetchEngine.Execute(store, fetch.Query);
        }

        if (query is not QueryExpression expression)
        {
            throw new NotSupportedException(
                $"The in-memory organization runs QueryExpression and FetchExpression only, not {query?.GetType().Name ?? "null"}.");
        }

        Validate(expression);
        var entityName = expression.EntityName;
        var matches = store.Rows(entityName).Where(row => Matches(row, expression.Criteria)).ToList();
        matches.Sort((x, y) => CompareRows(x, y, expression.Orders));

        var paging = expression.PageInfo ?? new PagingInfo();
        var count = paging.Count > 0 ? paging.Count : MaxPageSize;
        if (count > MaxPageSize)
        {
            throw new InvalidOperationException($"PageInfo.Count is {count}; Dataverse returns at most {MaxPageSize} rows per page.");
        }

        var page = paging.PageNumber > 0 ? paging.PageNumber : 1;
        CheckCookie(paging.PagingCookie, page);

        var rows = matches.Skip((page - 1) * count).Take(count).ToList();
        var result = new EntityCollection
        {
            EntityName = entityName,
            MoreRecords = matches.Count > page * count,
            TotalRecordCount = paging.ReturnTotalRecordCount ? matches.Count : -1,
        };
        foreach (var row in rows)
        {
            result.Entities.Add(AttributeValues.Copy(row, expression.ColumnSet.Columns));
        }

        if (rows.Count > 0)
        {
            var idColumn = EntityStore.IdColumn(entityName);
            result.PagingCookie = string.Format(
                CultureInfo.InvariantCulture,
                "<cookie page=\"{0}\"><{1} last=\"{{{2}}}\" first=\"{{{3}}}\" /></cookie>",
                page,
                idColumn,
                rows[rows.Count - 1].Id.ToString("D").ToUpperInvariant(),
                rows[0].Id.ToString("D").ToUpperInvariant());
        }

        return result;
    }

    private static void Validate(QueryExpression query)
    {
        if (string.IsNullOrEmpty(query.EntityName))
        {
            throw new NotSupportedException("The query names no table (EntityName).");
        }

        if (query.ColumnSet is null || query.ColumnSet.AllColumns)
        {
            throw new NotSupportedException("Queries must name their columns: AllColumns or no ColumnSet is not supported (solution checker il-specify-column).");
        }

        if (query.LinkEntities.Count > 0 || query.Distinct || query.TopCount is not null)
        {
            throw new NotSupportedException("Link entities, Distinct and TopCount are not supported by the in-memory organization.");
        }

        var criteria = query.Criteria ?? throw new NotSupportedException("The query has no Criteria.");
        if (criteria.FilterOperator != LogicalOperator.And || criteria.Filters.Count > 0)
        {
            throw new NotSupportedException("Only one AND filter of conditions is supported (no Or, no nested filters).");
        }

        foreach (var condition in criteria.Conditions)
        {
            switch (condition.Operator)
            {
                case ConditionOperator.Equal when condition.Values.Count == 1 && IsSupportedValue(condition.Values[0]):
                case ConditionOperator.Null when condition.Values.Count == 0:
                case ConditionOperator.NotNull when condition.Values.Count == 0:
                    break;
                default:
                    throw new NotSupportedException(
                        $"Condition on '{condition.AttributeName}' is not supported: operator {condition.Operator} with {condition.Values.Count} value(s)"
                        + (condition.Values.Count == 1 ? $" of type {condition.Values[0]?.GetType().Name ?? "null"}" : string.Empty)
                        + ". Supported: Equal (one plain value, OptionSetValue, EntityReference or Guid), Null, NotNull.");
            }
        }
    }

    private static bool IsSupportedValue(object? value) =>
        value is string or int or long or decimal or double or bool or Guid or DateTime or OptionSetValue or EntityReference;

    private static bool Matches(Entity row, FilterExpression criteria)
    {
        foreach (var condition in criteria.Conditions)
        {
            row.Attributes.TryGetValue(condition.AttributeName, out var value);
            var matches = condition.Operator switch
            {
                ConditionOperator.Null => value is null,
                ConditionOperator.NotNull => value is not null,
                _ => value is not null && AttributeValues.AreEqual(condition.AttributeName, value, condition.Values[0]),
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>By the given orders, then by id, so pages never overlap or skip a row.</summary>
    private static int CompareRows(Entity x, Entity y, IEnumerable<OrderExpression> orders)
    {
        foreach (var order in orders)
        {
            x.Attributes.TryGetValue(order.AttributeName, out var a);
            y.Attributes.TryGetValue(order.AttributeName, out var b);
            var result = AttributeValues.Compare(order.AttributeName, a, b);
            if (result != 0)
            {
                return order.OrderType == OrderType.Descending ? -result : result;
            }
        }

        return x.Id.CompareTo(y.Id);
    }

    /// <summary>A cookie must be the one returned with the previous page: catches a paging loop that forgets to move on.</summary>
    private static void CheckCookie(string? cookie, int page)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return;
        }

        var match = CookiePage().Match(cookie);
        if (!match.Success)
        {
            throw new InvalidOperationException($"The paging cookie is not one this organization returned: {cookie}");
        }

        var cookiePage = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (cookiePage != page - 1)
        {
            throw new InvalidOperationException(
                $"PageNumber is {page} but the paging cookie is the one returned with page {cookiePage}; pass the previous page's cookie with the next page number.");
        }
    }

    [GeneratedRegex("^<cookie page=\"(\\d+)\">")]
    private static partial Regex CookiePage();
}

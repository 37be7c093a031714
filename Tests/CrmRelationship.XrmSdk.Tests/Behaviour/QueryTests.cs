using System;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests.Behaviour;

/// <summary>The query types build the structure plug-in code and the in-memory service read back.</summary>
[TestFixture]
public sealed class QueryTests
{
    /// <summary>the Microsoft Learn ConditionOperator reference, in its order (implicit values 0..88).</summary>
    private const string DocumentedConditionOperators =
        "Equal NotEqual GreaterThan LessThan GreaterEqual LessEqual Like NotLike In NotIn Between NotBetween Null NotNull "
        + "Yesterday Today Tomorrow Last7Days Next7Days LastWeek ThisWeek NextWeek LastMonth ThisMonth NextMonth On OnOrBefore "
        + "OnOrAfter LastYear ThisYear NextYear LastXHours NextXHours LastXDays NextXDays LastXWeeks NextXWeeks LastXMonths "
        + "NextXMonths LastXYears NextXYears EqualUserId NotEqualUserId EqualBusinessId NotEqualBusinessId ChildOf Mask NotMask "
        + "MasksSelect Contains DoesNotContain EqualUserLanguage NotOn OlderThanXMonths BeginsWith DoesNotBeginWith EndsWith "
        + "DoesNotEndWith ThisFiscalYear ThisFiscalPeriod NextFiscalYear NextFiscalPeriod LastFiscalYear LastFiscalPeriod "
        + "LastXFiscalYears LastXFiscalPeriods NextXFiscalYears NextXFiscalPeriods InFiscalYear InFiscalPeriod "
        + "InFiscalPeriodAndYear InOrBeforeFiscalPeriodAndYear InOrAfterFiscalPeriodAndYear EqualUserTeams EqualUserOrUserTeams "
        + "Under NotUnder UnderOrEqual Above AboveOrEqual EqualUserOrUserHierarchy EqualUserOrUserHierarchyAndTeams "
        + "OlderThanXYears OlderThanXWeeks OlderThanXDays OlderThanXHours OlderThanXMinutes ContainValues DoesNotContainValues";

    [Test]
    public void ConditionOperator_HasExactlyTheDocumentedNamesAndValues()
    {
        // Arrange
        var documented = DocumentedConditionOperators.Split(' ').Select((name, value) => $"{value} {name}");

        // Act
        var actual = Enum.GetValues<ConditionOperator>().OrderBy(v => (int)v).Select(v => $"{(int)v} {v}");

        // Assert
        Assert.That(actual, Is.EqualTo(documented));
    }

    [Test]
    public void QueryExpression_StartsWithEmptyParts()
    {
        // Arrange / Act
        var query = new QueryExpression("contact");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(query.EntityName, Is.EqualTo("contact"));
            Assert.That(query.ColumnSet.Columns, Is.Empty);
            Assert.That(query.ColumnSet.AllColumns, Is.False);
            Assert.That(query.Criteria.FilterOperator, Is.EqualTo(LogicalOperator.And));
            Assert.That(query.Criteria.Conditions, Is.Empty);
            Assert.That(query.PageInfo, Is.Not.Null);
            Assert.That(query.Orders, Is.Empty);
            Assert.That(query.LinkEntities, Is.Empty);
            Assert.That(query.TopCount, Is.Null);
            Assert.That(query.Distinct, Is.False);
            Assert.That(query.NoLock, Is.False);
            Assert.That(new QueryExpression().EntityName, Is.Null);
        });
    }

    [Test]
    public void AddOrder_AppendsAnOrderExpression()
    {
        // Arrange
        var query = new QueryExpression("contact");

        // Act
        query.AddOrder("lastname", OrderType.Descending);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(query.Orders.Single().AttributeName, Is.EqualTo("lastname"));
            Assert.That(query.Orders.Single().OrderType, Is.EqualTo(OrderType.Descending));
        });
    }

    [Test]
    public void ColumnSet_CollectsColumns()
    {
        // Arrange
        var columns = new ColumnSet("firstname", "lastname");

        // Act
        columns.AddColumn("emailaddress1");
        columns.AddColumns("telephone1", "jobtitle");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(columns.Columns, Is.EqualTo(new[] { "firstname", "lastname", "emailaddress1", "telephone1", "jobtitle" }));
            Assert.That(new ColumnSet(true).AllColumns, Is.True);
            Assert.That(new ColumnSet().Columns, Is.Empty);
        });
    }

    [Test]
    public void ConditionExpressionConstructors_FillValues()
    {
        // Arrange / Act
        var single = new ConditionExpression("statecode", ConditionOperator.Equal, 0);
        var many = new ConditionExpression("statuscode", ConditionOperator.In, 1, 2, 3);
        var array = new ConditionExpression("statuscode", ConditionOperator.In, new object[] { 4, 5 });
        var none = new ConditionExpression("parentcustomerid", ConditionOperator.Null);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(single.AttributeName, Is.EqualTo("statecode"));
            Assert.That(single.Operator, Is.EqualTo(ConditionOperator.Equal));
            Assert.That(single.Values, Is.EqualTo(new object[] { 0 }));
            Assert.That(many.Values, Is.EqualTo(new object[] { 1, 2, 3 }));
            Assert.That(array.Values, Is.EqualTo(new object[] { 4, 5 }));
            Assert.That(none.Values, Is.Empty);
            Assert.That(new ConditionExpression().Values, Is.Empty);
        });
    }

    [Test]
    public void FilterExpression_AddsConditionsAndChildFilters()
    {
        // Arrange
        var filter = new FilterExpression(LogicalOperator.Or);
        var existing = new FilterExpression();

        // Act
        filter.AddCondition("statecode", ConditionOperator.Equal, 0);
        filter.AddCondition(new ConditionExpression("statuscode", ConditionOperator.NotNull));
        var child = filter.AddFilter(LogicalOperator.And);
        filter.AddFilter(existing);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(filter.FilterOperator, Is.EqualTo(LogicalOperator.Or));
            Assert.That(filter.Conditions.Select(c => c.AttributeName), Is.EqualTo(new[] { "statecode", "statuscode" }));
            Assert.That(filter.Conditions[0].Values, Is.EqualTo(new object[] { 0 }));
            Assert.That(filter.Filters, Is.EqualTo(new[] { child, existing }));
            Assert.That(child.FilterOperator, Is.EqualTo(LogicalOperator.And));
        });
    }

    [Test]
    public void LinkEntity_KeepsTheJoin()
    {
        // Arrange / Act
        var link = new LinkEntity("contact", "account", "parentcustomerid", "accountid", JoinOperator.LeftOuter) { EntityAlias = "acct" };

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(link.LinkFromEntityName, Is.EqualTo("contact"));
            Assert.That(link.LinkToEntityName, Is.EqualTo("account"));
            Assert.That(link.LinkFromAttributeName, Is.EqualTo("parentcustomerid"));
            Assert.That(link.LinkToAttributeName, Is.EqualTo("accountid"));
            Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.LeftOuter));
            Assert.That(link.EntityAlias, Is.EqualTo("acct"));
            Assert.That(link.LinkCriteria.Conditions, Is.Empty);
            Assert.That(link.Columns.Columns, Is.Empty);
            Assert.That(link.LinkEntities, Is.Empty);
        });
    }

    [Test]
    public void PagingInfoAndFetchExpression_KeepTheirValues()
    {
        // Arrange / Act
        var paging = new PagingInfo { PageNumber = 2, Count = 50, PagingCookie = "cookie", ReturnTotalRecordCount = true };
        var fetch = new FetchExpression("<fetch/>");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(paging.PageNumber, Is.EqualTo(2));
            Assert.That(paging.Count, Is.EqualTo(50));
            Assert.That(paging.PagingCookie, Is.EqualTo("cookie"));
            Assert.That(paging.ReturnTotalRecordCount, Is.True);
            Assert.That(fetch.Query, Is.EqualTo("<fetch/>"));
            Assert.That(fetch, Is.InstanceOf<QueryBase>());
        });
    }
}

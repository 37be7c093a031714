using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace CrmRelationship.Testing.Tests;

/// <summary>RetrieveMultiple of a QueryExpression: conditions, columns, orders, paging, and what it refuses.</summary>
[TestFixture]
public sealed class QueryEngineTests
{
    private static readonly Guid AccountA = new("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid AccountB = new("bbbbbbbb-0000-0000-0000-000000000002");

    private Pipeline crm = null!;

    [SetUp]
    public void SetUp()
    {
        crm = TestSteps.NewPipeline();
        Seed("Ada", AccountA, choice: TestNames.OptionB, state: TestNames.Active);
        Seed("Grace", AccountA, choice: TestNames.OptionA, state: TestNames.Active);
        Seed("Alan", AccountA, choice: TestNames.OptionB, state: TestNames.Inactive);
        Seed("Edsger", AccountB, choice: null, state: TestNames.Active);
        Seed("Barbara", null, choice: TestNames.OptionB, state: TestNames.Active);
    }

    [Test]
    public void Equal_OnEntityReference_ComparesById()
    {
        var names = Names_(Query(q => q.Criteria.AddCondition(TestNames.ParentCustomerId, ConditionOperator.Equal, AccountA)));
        var byReference = Names_(Query(q => q.Criteria.AddCondition(TestNames.ParentCustomerId, ConditionOperator.Equal, new EntityReference(TestNames.Account, AccountA))));

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EquivalentTo(new[] { "Ada", "Grace", "Alan" }));
            Assert.That(byReference, Is.EquivalentTo(names));
        });
    }

    [Test]
    public void Equal_OnOptionSetValue_ComparesByValue()
    {
        var byNumber = Names_(Query(q => q.Criteria.AddCondition(TestNames.Choice, ConditionOperator.Equal, TestNames.OptionB)));
        var byOption = Names_(Query(q => q.Criteria.AddCondition(TestNames.Choice, ConditionOperator.Equal, new OptionSetValue(TestNames.OptionB))));

        Assert.Multiple(() =>
        {
            Assert.That(byNumber, Is.EquivalentTo(new[] { "Ada", "Alan", "Barbara" }));
            Assert.That(byOption, Is.EquivalentTo(byNumber));
        });
    }

    [Test]
    public void Conditions_AreAnded()
    {
        var names = Names_(Query(q =>
        {
            q.Criteria.AddCondition(TestNames.ParentCustomerId, ConditionOperator.Equal, AccountA);
            q.Criteria.AddCondition(TestNames.StateCode, ConditionOperator.Equal, TestNames.Active);
        }));

        Assert.That(names, Is.EquivalentTo(new[] { "Ada", "Grace" }));
    }

    [Test]
    public void Equal_OnText_IgnoresCase()
    {
        Assert.That(Names_(Query(q => q.Criteria.AddCondition(TestNames.FullName, ConditionOperator.Equal, "ADA"))), Is.EqualTo(new[] { "Ada" }));
    }

    [Test]
    public void Equal_OnGuid_MatchesTheIdColumn()
    {
        var id = crm.Store.All(TestNames.Contact).First(c => (string)c[TestNames.FullName] == "Grace").Id;

        Assert.That(Names_(Query(q => q.Criteria.AddCondition(EntityStore.IdColumn(TestNames.Contact), ConditionOperator.Equal, id))), Is.EqualTo(new[] { "Grace" }));
    }

    [Test]
    public void NullAndNotNull_TestPresence()
    {
        var none = Names_(Query(q => q.Criteria.AddCondition(TestNames.Choice, ConditionOperator.Null)));
        var some = Names_(Query(q => q.Criteria.AddCondition(TestNames.ParentCustomerId, ConditionOperator.NotNull)));

        Assert.Multiple(() =>
        {
            Assert.That(none, Is.EqualTo(new[] { "Edsger" }));
            Assert.That(some, Is.EquivalentTo(new[] { "Ada", "Grace", "Alan", "Edsger" }));
        });
    }

    [Test]
    public void ColumnSet_OnlyNamedColumnsComeBack()
    {
        var rows = Query(q => q.ColumnSet = new ColumnSet(TestNames.FullName)).Entities;

        Assert.That(rows.SelectMany(r => r.Attributes.Keys).Distinct(), Is.EqualTo(new[] { TestNames.FullName }));
    }

    [TestCase(OrderType.Ascending, new[] { "Ada", "Alan", "Barbara", "Edsger", "Grace" })]
    [TestCase(OrderType.Descending, new[] { "Grace", "Edsger", "Barbara", "Alan", "Ada" })]
    public void Orders_SortRows(OrderType order, string[] expected)
    {
        Assert.That(Names_(Query(q => q.AddOrder(TestNames.FullName, order))), Is.EqualTo(expected));
    }

    [Test]
    public void Orders_NullSortsFirst()
    {
        var names = Names_(Query(q =>
        {
            q.AddOrder(TestNames.Choice, OrderType.Ascending);
            q.AddOrder(TestNames.FullName, OrderType.Ascending);
        }));

        Assert.That(names, Is.EqualTo(new[] { "Edsger", "Grace", "Ada", "Alan", "Barbara" }));
    }

    [Test]
    public void Paging_CountPerPage_ReturnsEveryRowOnceWithMoreRecordsAndCookies()
    {
        // Arrange
        for (var i = 0; i < 7; i++)
        {
            Seed("Extra " + i, AccountA, choice: TestNames.OptionA, state: TestNames.Active);
        }

        var query = NewQuery();
        query.PageInfo = new PagingInfo { Count = 5, PageNumber = 1 };
        query.AddOrder(TestNames.FullName, OrderType.Ascending);

        // Act
        var pages = new List<EntityCollection>();
        while (true)
        {
            var page = crm.Service.RetrieveMultiple(query);
            pages.Add(page);
            if (!page.MoreRecords)
            {
                break;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Entities.Count), Is.EqualTo(new[] { 5, 5, 2 }));
            Assert.That(pages.Select(p => p.MoreRecords), Is.EqualTo(new[] { true, true, false }));
            Assert.That(pages.SelectMany(p => p.Entities).Select(e => e.Id).Distinct().Count(), Is.EqualTo(12));
            Assert.That(pages[0].PagingCookie, Does.StartWith("<cookie page=\"1\">"));
        });
    }

    [Test]
    public void Paging_CookieOfAnotherPage_IsRefused()
    {
        var query = NewQuery();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        var first = crm.Service.RetrieveMultiple(query);
        query.PageInfo.PagingCookie = first.PagingCookie;
        query.PageInfo.PageNumber = 3;

        Assert.That(() => crm.Service.RetrieveMultiple(query), Throws.InvalidOperationException.With.Message.Contains("page 1"));
    }

    [Test]
    public void Paging_CountAbove5000_IsRefused()
    {
        var query = NewQuery();
        query.PageInfo = new PagingInfo { Count = 5001, PageNumber = 1 };

        Assert.That(() => crm.Service.RetrieveMultiple(query), Throws.InvalidOperationException);
    }

    [Test]
    public void Paging_TotalRecordCount_OnlyWhenAsked()
    {
        var counted = NewQuery();
        counted.PageInfo = new PagingInfo { Count = 2, PageNumber = 1, ReturnTotalRecordCount = true };

        Assert.Multiple(() =>
        {
            Assert.That(crm.Service.RetrieveMultiple(counted).TotalRecordCount, Is.EqualTo(5));
            Assert.That(crm.Service.RetrieveMultiple(NewQuery()).TotalRecordCount, Is.EqualTo(-1));
        });
    }

    private static IEnumerable<TestCaseData> Unsupported()
    {
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.FilterOperator = LogicalOperator.Or)).SetName("OrFilter_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.AddFilter(LogicalOperator.And))).SetName("NestedFilter_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.LinkEntities.Add(new LinkEntity(TestNames.Contact, TestNames.Account, TestNames.ParentCustomerId, TestNames.AccountId, JoinOperator.Inner)))).SetName("LinkEntity_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.AddCondition(TestNames.FullName, ConditionOperator.Like, "A%"))).SetName("LikeOperator_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.AddCondition(TestNames.StateCode, ConditionOperator.In, TestNames.Active, TestNames.Inactive))).SetName("InOperator_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.AddCondition(TestNames.Choice, ConditionOperator.GreaterThan, 1))).SetName("GreaterThan_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.Criteria.AddCondition(TestNames.FullName, ConditionOperator.Equal, new object()))).SetName("EqualToAnUnmodelledValue_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.TopCount = 1)).SetName("TopCount_IsNotSupported");
        yield return new TestCaseData((Action<QueryExpression>)(q => q.ColumnSet = new ColumnSet(true))).SetName("AllColumns_IsNotSupported");
    }

    [TestCaseSource(nameof(Unsupported))]
    public void Query_OutsideTheSubset_Throws(Action<QueryExpression> change)
    {
        var query = NewQuery();
        change(query);

        Assert.That(() => crm.Service.RetrieveMultiple(query), Throws.TypeOf<NotSupportedException>());
    }

    [TestCase("<fetch top='1'><entity name='contact'><attribute name='fullname' /></entity></fetch>")]
    [TestCase("<fetch><entity name='contact'><all-attributes /></entity></fetch>")]
    [TestCase("<fetch><entity name='contact'><filter><condition attribute='fullname' operator='like' value='A%' /></filter></entity></fetch>")]
    [TestCase("<fetch><entity name='contact'><link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' /></entity></fetch>")]
    [TestCase("<fetch aggregate='true'><entity name='contact'><attribute name='createdon' alias='c' groupby='true' /></entity></fetch>")]
    [TestCase("<fetch aggregate='true'><entity name='contact'><attribute name='contactid' alias='n' aggregate='avg' /></entity></fetch>")]
    [TestCase("<fetch><entity name='contact'")]
    public void FetchExpression_OutsideTheSubset_IsNotSupported(string fetchXml)
    {
        Assert.That(() => crm.Service.RetrieveMultiple(new FetchExpression(fetchXml)), Throws.TypeOf<NotSupportedException>());
    }

    private static QueryExpression NewQuery() => new(TestNames.Contact) { ColumnSet = new ColumnSet(TestNames.FullName) };

    private static string[] Names_(EntityCollection result) =>
        result.Entities.Select(e => (string)e[TestNames.FullName]).ToArray();

    private EntityCollection Query(Action<QueryExpression> build)
    {
        var query = NewQuery();
        build(query);
        return crm.Service.RetrieveMultiple(query);
    }

    private void Seed(string name, Guid? account, int? choice, int state)
    {
        var contact = new Entity(TestNames.Contact)
        {
            [TestNames.FullName] = name,
            [TestNames.StateCode] = new OptionSetValue(state),
        };
        if (account is { } parent)
        {
            contact[TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, parent);
        }

        if (choice is { } value)
        {
            contact[TestNames.Choice] = new OptionSetValue(value);
        }

        crm.Store.Seed(contact);
    }
}

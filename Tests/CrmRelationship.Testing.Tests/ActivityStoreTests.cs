using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;
using static CrmRelationship.Testing.Tests.Fakes.TestSteps;

namespace CrmRelationship.Testing.Tests;

/// <summary>
/// Activities as the platform stores them (activities-config-webapi.md §A1, §A2): party lists become activityparty
/// rows with their participation type, activitypointer is the union of the activity tables with activitytypecode,
/// and the FetchXML subset the touchpoint count uses answers as Dataverse does.
/// </summary>
[TestFixture]
public sealed class ActivityStoreTests
{
    private const string PhoneCall = "phonecall";
    private const string Email = "email";

    private Pipeline crm = null!;
    private Guid ann;
    private Guid bob;

    [SetUp]
    public void SetUp()
    {
        crm = NewPipeline();
        ann = crm.Store.Seed(new Entity(TestNames.Contact) { [TestNames.FullName] = "Ann" });
        bob = crm.Store.Seed(new Entity(TestNames.Contact) { [TestNames.FullName] = "Bob" });
    }

    [Test]
    public void CreateActivity_EachPartyListEntryRegardingAndOwner_IsAnActivityPartyRowWithItsMask()
    {
        var id = crm.Create(new Entity(Email)
        {
            ["from"] = Parties(ann),
            ["to"] = Parties(ann, bob),
            ["cc"] = Parties(bob),
            ["regardingobjectid"] = new EntityReference(TestNames.Contact, bob),
        });

        Assert.That(PartyRows(id), Is.EquivalentTo(new[] { (ann, 1), (ann, 2), (bob, 2), (bob, 3), (bob, 8) }));
    }

    [Test]
    public void UpdatePartyList_ReplacesOnlyThatListsRows_DeleteRemovesThemAll()
    {
        var id = crm.Create(new Entity(PhoneCall) { ["from"] = Parties(ann), ["to"] = Parties(bob) });

        crm.Update(new Entity(PhoneCall, id) { ["to"] = Parties(ann) });
        var afterUpdate = PartyRows(id);
        crm.Delete(PhoneCall, id);

        Assert.That((afterUpdate, PartyRows(id)), Is.EqualTo((new List<(Guid, int)> { (ann, 1), (ann, 2) }, new List<(Guid, int)>())));
    }

    [Test]
    public void FailedOperation_PartyRowsAreRolledBackWithTheActivity()
    {
        var failing = NewPipeline(Step<ThrowingPlugin>(PipelineMessages.Create, PhoneCall, 40, configuration: "no"));
        var contact = failing.Store.Seed(new Entity(TestNames.Contact));

        Assert.That(() => failing.Create(new Entity(PhoneCall) { ["to"] = Parties(contact) }), Throws.Exception);
        Assert.That((failing.Store.Count(PhoneCall), failing.Store.Count("activityparty")), Is.EqualTo((0, 0)));
    }

    [Test]
    public void ActivityPointer_IsTheUnionOfTheActivityTablesWithActivityTypeCode()
    {
        crm.Store.AddActivityTable("new_sitevisit");
        var call = crm.Create(new Entity(PhoneCall) { ["subject"] = "call" });
        var visit = crm.Create(new Entity("new_sitevisit") { ["subject"] = "visit" });

        var rows = crm.Service.RetrieveMultiple(new FetchExpression(
            "<fetch><entity name='activitypointer'><attribute name='activityid' /><attribute name='activitytypecode' /></entity></fetch>")).Entities;

        Assert.That(rows.Select(r => (r.Id, (string)r["activitytypecode"])), Is.EquivalentTo(new[] { (call, PhoneCall), (visit, "new_sitevisit") }));
        Assert.That(() => crm.Create(new Entity("activitypointer")), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void AggregateWithExistsLink_CountsAnActivityOnceWhateverTheContactsRoles()
    {
        Completed(Email, Parties(ann), Parties(ann), Parties(ann));
        Completed(Email, Parties(bob), Parties(ann), null);

        var exists = Aggregate("exists");
        var inner = Aggregate("inner");

        Assert.That((exists, inner), Is.EqualTo(((2, 2), (4, 2))), "(rows, distinct activities): exists never multiplies, inner does and distinct undoes it");
    }

    [Test]
    public void AggregateGroupedByYear_ActivitiesWithoutTheDateFallInTheNullGroupWithTheirOwnMax()
    {
        var early = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var late = new DateTime(2026, 5, 2, 10, 0, 0, DateTimeKind.Utc);
        crm.Store.Seed(new Entity(PhoneCall) { ["to"] = Parties(ann), ["statecode"] = new OptionSetValue(1), ["actualend"] = early });
        crm.Store.Seed(new Entity(PhoneCall) { ["to"] = Parties(ann), ["statecode"] = new OptionSetValue(1), ["actualend"] = late });
        crm.Store.Seed(new Entity(PhoneCall) { ["to"] = Parties(ann), ["statecode"] = new OptionSetValue(1), ["modifiedon"] = late.AddDays(3) });

        var rows = crm.Service.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='activitypointer'>"
            + "<attribute name='activitytypecode' alias='table' groupby='true' />"
            + "<attribute name='actualend' alias='year' groupby='true' dategrouping='year' />"
            + "<attribute name='activityid' alias='n' aggregate='countcolumn' distinct='true' />"
            + "<attribute name='actualend' alias='lastend' aggregate='max' />"
            + "<attribute name='modifiedon' alias='lastmod' aggregate='max' />"
            + "<filter><condition attribute='statecode' operator='eq' value='1' /></filter>"
            + "</entity></fetch>")).Entities;

        var groups = rows.Select(r => (Year: Aliased(r, "year"), N: Aliased(r, "n"), End: Aliased(r, "lastend"), Table: Aliased(r, "table"))).ToList();
        Assert.That(groups, Is.EquivalentTo(new[]
        {
            ((object?)null, (object?)1, (object?)null, (object?)PhoneCall),
            (2025, 1, early, PhoneCall),
            (2026, 1, late, PhoneCall),
        }));
        Assert.That(Aliased(rows.Single(r => Aliased(r, "year") is null), "lastmod"), Is.EqualTo(late.AddDays(3)));
    }

    [Test]
    public void PlainFetchWithInnerLink_ReturnsTheLinkedColumnsAsAliasedValues()
    {
        var id = crm.Create(new Entity(PhoneCall) { ["to"] = Parties(ann, bob) });

        var rows = crm.Service.RetrieveMultiple(new FetchExpression(
            "<fetch><entity name='activityparty'><attribute name='participationtypemask' />"
            + "<filter><condition attribute='activityid' operator='eq' value='" + id + "' />"
            + "<condition attribute='participationtypemask' operator='in'><value>1</value><value>2</value></condition></filter>"
            + "<link-entity name='contact' from='contactid' to='partyid' alias='c'><attribute name='fullname' /></link-entity>"
            + "</entity></fetch>")).Entities;

        Assert.That(rows.Select(r => (string)((AliasedValue)r["c.fullname"]).Value), Is.EquivalentTo(new[] { "Ann", "Bob" }));
    }

    [Test]
    public void FetchFromAPlugin_IsCountedAsRetrieveMultipleOfItsTable()
    {
        var counted = NewPipeline(Step<FetchingPlugin>(PipelineMessages.Create, TestNames.Contact, 40));

        counted.Create(new Entity(TestNames.Contact));

        Assert.That((counted.LastOperation.CallCounts.RetrieveMultiple, counted.LastOperation.Calls.Single().EntityName), Is.EqualTo((1, "activitypointer")));
    }

    private (int Rows, int Distinct) Aggregate(string linkType)
    {
        var row = crm.Service.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='activitypointer'>"
            + "<attribute name='activityid' alias='rows' aggregate='count' />"
            + "<attribute name='activityid' alias='distinct' aggregate='countcolumn' distinct='true' />"
            + "<link-entity name='activityparty' from='activityid' to='activityid' link-type='" + linkType + "'>"
            + "<filter><condition attribute='partyid' operator='eq' value='" + ann + "' />"
            + "<condition attribute='participationtypemask' operator='in'><value>1</value><value>2</value><value>3</value></condition></filter>"
            + "</link-entity></entity></fetch>")).Entities.Single();
        return ((int)Aliased(row, "rows")!, (int)Aliased(row, "distinct")!);
    }

    private void Completed(string table, EntityCollection? from, EntityCollection? to, EntityCollection? cc)
    {
        var activity = new Entity(table) { ["statecode"] = new OptionSetValue(1) };
        if (from is not null) { activity["from"] = from; }
        if (to is not null) { activity["to"] = to; }
        if (cc is not null) { activity["cc"] = cc; }
        crm.Create(activity);
    }

    private List<(Guid Party, int Mask)> PartyRows(Guid activityId) =>
        crm.Store.All("activityparty")
            .Where(p => p.GetAttributeValue<EntityReference>("activityid").Id == activityId)
            .Select(p => (p.GetAttributeValue<EntityReference>("partyid").Id, p.GetAttributeValue<OptionSetValue>("participationtypemask").Value))
            .OrderBy(p => p.Item2).ThenBy(p => p.Item1 == ann ? 0 : 1)
            .ToList();

    private static object? Aliased(Entity row, string alias) =>
        row.Attributes.TryGetValue(alias, out var value) ? ((AliasedValue)value).Value : null;

    private static EntityCollection Parties(params Guid[] contacts) =>
        new(contacts.Select(c => new Entity("activityparty") { ["partyid"] = new EntityReference(TestNames.Contact, c) }).ToList());

}

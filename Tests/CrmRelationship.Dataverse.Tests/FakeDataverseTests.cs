using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.Scoring;
using FakeParty = CrmRelationship.FakeDataverse.FakeDataverse.FakeParty;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>The fake behaves as the Web API does where crmrel depends on it, checked with a plain HttpClient.</summary>
[TestFixture]
public sealed class FakeDataverseTests
{
    [Test]
    public async Task Skip_RefusedAsDataverseRefusesIt()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 10);
        using var http = Client(environment.Fake);

        // Act
        using var response = await http.GetAsync(new Uri("contacts?$select=fullname&$skip=5", UriKind.Relative));

        // Assert
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("$skip is not supported"));
        });
    }

    [Test]
    public async Task Paging_MaxPageSizeHonouredAndEchoed_NextLinkLeadsToTheRest()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 25);
        using var http = Client(environment.Fake);
        var request = new HttpRequestMessage(HttpMethod.Get, "contacts?$select=fullname");
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=10");

        // Act
        using var first = await http.SendAsync(request);
        using var firstPage = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var ids = firstPage.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("contactid").GetString()).ToList();
        var next = firstPage.RootElement.GetProperty("@odata.nextLink").GetString()!;
        while (next is not null)
        {
            var nextRequest = new HttpRequestMessage(HttpMethod.Get, next);
            nextRequest.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=10");
            using var page = JsonDocument.Parse(await (await http.SendAsync(nextRequest)).Content.ReadAsStringAsync());
            ids.AddRange(page.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("contactid").GetString()));
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString()! : null!;
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.GetValues("Preference-Applied"), Is.EqualTo(new[] { "odata.maxpagesize=10" }));
            Assert.That(firstPage.RootElement.GetProperty("value").GetArrayLength(), Is.EqualTo(10));
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Has.Count.EqualTo(25));
        });
    }

    [Test]
    public async Task UpdateMultiple_WithoutODataType_Refused_NothingWritten()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 2);
        using var http = Client(environment.Fake);
        var ids = environment.Fake.Contacts.Ids();
        var body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\"" + ids[0] + "\",\"rel_healthscore\":50},"
            + "{\"contactid\":\"" + ids[1] + "\",\"rel_healthscore\":50}]}";

        // Act
        using var response = await http.PostAsync(new Uri("contacts/Microsoft.Dynamics.CRM.UpdateMultiple", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(environment.Fake.Contacts.TotalWrites, Is.Zero, "all or nothing");
        });
    }

    [Test]
    public async Task UpdateMultiple_ARecordThatDoesNotExist_404WithItsCode_NothingWritten()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 1);
        using var http = Client(environment.Fake);
        var body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\"" + environment.Fake.Contacts.Ids()[0] + "\",\"rel_healthscore\":50},"
            + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\"" + Guid.NewGuid() + "\",\"rel_healthscore\":50}]}";

        // Act
        using var response = await http.PostAsync(new Uri("contacts/Microsoft.Dynamics.CRM.UpdateMultiple", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        // Assert
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("0x80040217"));
            Assert.That(environment.Fake.Contacts.TotalWrites, Is.Zero);
        });
    }

    [Test]
    public async Task BeyondTheConcurrencyLimit_429WithRetryAfter()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.ConcurrencyLimit = 2;
        environment.Fake.Latency = TimeSpan.FromMilliseconds(300);
        using var http = Client(environment.Fake);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => http.GetAsync(new Uri("WhoAmI", UriKind.Relative))));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(2));
            Assert.That(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).All(r => r.Headers.RetryAfter is not null), Is.True);
            Assert.That(environment.Fake.ServiceProtectionRefusals, Is.EqualTo(2));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task WrongToken_401()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        using var http = Client(environment.Fake);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        // Act
        using var response = await http.GetAsync(new Uri("WhoAmI", UriKind.Relative));

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task FetchXmlAggregate_GroupedByPartyTableAndYear_DistinctCount_NullYearItsOwnGroup_MaxPerGroup()
    {
        // Arrange: one contact To and CC of an email, an email without actual end, a call; an account party that is filtered out.
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var contact = Guid.NewGuid();
        var day = new DateTime(2025, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        fake.AddActivity("email", 1, day, day, FakeParty.Contact(contact, 2), FakeParty.Contact(contact, 3));
        fake.AddActivity("email", 1, day.AddYears(1), day, FakeParty.Contact(contact, 2));
        fake.AddActivity("email", 1, null, day.AddDays(3), FakeParty.Contact(contact, 1));
        fake.AddActivity("email", 0, null, day.AddDays(9), FakeParty.Contact(contact, 1));
        fake.AddActivity("phonecall", 1, day, day, new FakeParty(Guid.NewGuid(), "account", 2));
        using var http = Client(fake);
        var fetch = TouchpointQuery.ForContacts(new[] { contact }, new[] { "email", "phonecall" });

        // Act
        using var response = await http.GetAsync(new Uri("activitypointers?fetchXml=" + Uri.EscapeDataString(fetch), UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        var rows = json.RootElement.GetProperty("value").EnumerateArray()
            .Select(r => r.GetProperty("contact").GetString() + " " + r.GetProperty("table").GetString() + " " + r.GetProperty("year") + " "
                + r.GetProperty("activities").GetInt32() + " " + r.GetProperty("lastend") + " " + r.GetProperty("lastmodified"))
            .ToList();
        var id = contact.ToString("D");
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            id + " email 2025 1 2025-05-01T08:00:00Z 2025-05-01T08:00:00Z",
            id + " email 2026 1 2026-05-01T08:00:00Z 2025-05-01T08:00:00Z",
            id + " email  1  2025-05-04T08:00:00Z",
        }), "To and CC counted once; the open email and the account's call not at all");
    }

    [TestCase("<fetch><entity name='activitypointer'><attribute name='activityid' /></entity></fetch>", "aggregate")]
    [TestCase("<fetch aggregate='true'><entity name='contact'><attribute name='contactid' alias='n' aggregate='countcolumn' distinct='true' /></entity></fetch>", "activitypointer")]
    [TestCase("<fetch aggregate='true'><entity name='activitypointer'><attribute name='activityid' alias='n' aggregate='countcolumn' distinct='true' /><link-entity name='activityparty' from='activityid' to='activityid' link-type='exists' /></entity></fetch>", "inner")]
    [TestCase("<fetch aggregate='true'><entity name='activitypointer'><attribute name='actualend' alias='n' aggregate='avg' /></entity></fetch>", "avg")]
    [TestCase("<fetch aggregate='true'><entity name='activitypointer'><attribute name='activityid' alias='n' aggregate='countcolumn' distinct='true' /><filter type='or'><condition attribute='statecode' operator='eq' value='1' /></filter></entity></fetch>", "filters of type")]
    [TestCase("<fetch aggregate='true'><entity name='activitypointer'><attribute name='activityid' alias='n' aggregate='countcolumn' distinct='true' /><filter><condition attribute='statecode' operator='ne' value='1' /></filter></entity></fetch>", "eq with a value")]
    [TestCase("<fetch aggregate='true'", "well-formed")]
    public async Task FetchXml_OutsideTheSubset_Refused400(string fetch, string named)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        using var http = Client(environment.Fake);

        // Act
        using var response = await http.GetAsync(new Uri("activitypointers?fetchXml=" + Uri.EscapeDataString(fetch), UriKind.Relative));

        // Assert
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(named));
        });
    }

    [Test]
    public async Task FetchXml_MoreThan500Conditions_Or50000Rows_RefusedWithDataversesCodes()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var contact = Guid.NewGuid();
        fake.AddActivity("email", 1, null, DateTime.UtcNow, FakeParty.Contact(contact, 2), FakeParty.Contact(contact, 3));
        using var http = Client(fake);
        var tooMany = TouchpointQuery.ForContacts(Enumerable.Range(0, 495).Select(_ => Guid.NewGuid()).ToList(), new[] { "email" });
        fake.AggregateLimit = 1;

        // Act
        using var conditions = await http.GetAsync(new Uri("activitypointers?fetchXml=" + Uri.EscapeDataString(tooMany), UriKind.Relative));
        using var rows = await http.GetAsync(new Uri("activitypointers?fetchXml=" + Uri.EscapeDataString(TouchpointQuery.ForContacts(new[] { contact }, new[] { "email" })), UriKind.Relative));

        // Assert
        Assert.Multiple(async () =>
        {
            Assert.That(await conditions.Content.ReadAsStringAsync(), Does.Contain(FakeDataverse.FakeDataverse.TooManyConditionsCode));
            Assert.That(await rows.Content.ReadAsStringAsync(), Does.Contain(FakeDataverse.FakeDataverse.AggregateLimitCode), "two joined rows, over a limit of 1");
        });
    }

    private static HttpClient Client(FakeDataverse.FakeDataverse fake)
    {
        var http = new HttpClient { BaseAddress = new Uri(fake.Url, FakeDataverse.FakeDataverse.Root) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fake.Token);
        return http;
    }
}

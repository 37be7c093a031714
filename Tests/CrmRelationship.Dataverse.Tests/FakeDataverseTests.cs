using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Tests.Support;
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

    private static HttpClient Client(FakeDataverse.FakeDataverse fake)
    {
        var http = new HttpClient { BaseAddress = new Uri(fake.Url, FakeDataverse.FakeDataverse.Root) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fake.Token);
        return http;
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>The Web API client: retries, waits, parallelism, client-request-id, and failures as one sentence with the code.</summary>
[TestFixture]
public sealed class ClientTests
{
    [TestCase(FaultKind.Throttle, 1)]
    [TestCase(FaultKind.Throttle, 2)]
    [TestCase(FaultKind.Unavailable, 1)]
    public async Task RefusalWithRetryAfter_WaitsExactlyThatManySeconds(FaultKind kind, int seconds)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.Faults.Add(new FaultRule { Kind = kind, RetryAfterSeconds = seconds, Match = r => r.Path.EndsWith("/WhoAmI", StringComparison.Ordinal) });

        var clock = new WatchedClock();

        // Act
        using var client = await environment.ConnectAsync(FakeEnvironment.FastOptions with { TimeProvider = clock });

        // Assert
        var calls = environment.Fake.Journal.Entries.Where(e => e.Path.EndsWith("/WhoAmI", StringComparison.Ordinal)).OrderBy(e => e.Started).ToList();
        var log = environment.LogText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(2));
            Assert.That(log, Does.Contain("retrying in " + seconds + " s (Retry-After)"), log);
            Assert.That(clock.Waits, Has.Member(TimeSpan.FromSeconds(seconds)), "waited the Retry-After: a wait of exactly that long was scheduled");
            Assert.That(client.Log.Retries, Is.EqualTo(1));
        });
    }

    [TestCase(FaultKind.Unavailable)]
    [TestCase(FaultKind.DropBefore)]
    [TestCase(FaultKind.DropAfter)]
    [TestCase(FaultKind.DropMidBody)]
    [TestCase(FaultKind.Slow)]
    public async Task TransientFailureOfARead_RetriedWithBackoff_ReadsEverything(FaultKind kind)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 300, accounts: 5);
        environment.Fake.Faults.Add(new FaultRule { Kind = kind, RetryAfterSeconds = null, Times = 2, Match = r => r.IsPage("contacts") });

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { DryRun = true });

        // Assert
        var log = environment.LogText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(result.Contacts.Read, Is.EqualTo(environment.Fake.Contacts.Ids().Count(id => (int)environment.Fake.Contacts.Value(id, "statecode")! == 0)));
            Assert.That(result.Retried, Is.EqualTo(2), log);
            Assert.That(log.Split('\n').Count(l => l.Contains("GET contacts", StringComparison.Ordinal) && l.Contains("(backoff)", StringComparison.Ordinal)), Is.EqualTo(2), log);
        });
    }

    [Test]
    public async Task EveryRequest_CarriesItsOwnClientRequestId_WhichTheLogNamesWhenItFails()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 50, accounts: 3);
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Every = 2, Times = 3 });

        // Act
        await environment.RecalcAsync();

        // Assert
        var entries = environment.Fake.Journal.Entries;
        var throttled = entries.Where(e => e.Fault == FaultKind.Throttle).ToList();
        var log = environment.LogText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.ClientRequestId), Is.All.Not.Null);
            Assert.That(entries.Select(e => e.ClientRequestId), Is.Unique);
            Assert.That(throttled, Has.Count.EqualTo(3));
            Assert.That(throttled.Select(e => "client-request-id=" + e.ClientRequestId), Is.All.Matches<string>(id => log.Contains(id!, StringComparison.Ordinal)), log);
        });
    }

    [TestCase(8, 4, 4)]
    [TestCase(2, 4, 2)]
    [TestCase(null, 3, 3)]
    public async Task Parallelism_FollowsTheDopHint_CappedByMaxParallel(int? hint, int maxParallel, int expected)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3000, accounts: 30);
        environment.Fake.DopHint = hint;
        environment.Fake.Latency = TimeSpan.FromMilliseconds(20);

        // Act
        var result = await environment.RecalcAsync(client: FakeEnvironment.FastOptions with { MaxParallel = maxParallel });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Parallelism, Is.EqualTo(expected));
            Assert.That(environment.Fake.Journal.MaxInFlight, Is.LessThanOrEqualTo(expected));
            Assert.That(environment.Fake.Journal.MaxInFlight, Is.GreaterThan(1), "writes run in parallel");
        });
    }

    [Test]
    public async Task MaxParallelOverTheServiceProtectionLimit_Refused()
    {
        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(async () =>
        {
            await using var environment = await FakeEnvironment.StartAsync();
            using var client = await environment.ConnectAsync(FakeEnvironment.FastOptions with { MaxParallel = 53 });
        });

        // Assert
        Assert.That(error!.Message, Is.EqualTo("--max-parallel must be a whole number from 1 to 52 (Dataverse allows one user 52 requests at once)."));
    }

    [Test]
    public async Task ExpiredToken_OneSentenceToSignInAgain_NotRetried()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.ExpiredToken });

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.ConnectAsync());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Unauthorized));
            Assert.That(error.Message, Does.StartWith("Dataverse refused the sign-in for " + environment.Url + " (HTTP 401): the token has expired or was issued for another environment; "
                + "get a new one (for example az account get-access-token --resource " + environment.Url + ") or sign in again, and run the command again (client-request-id "));
            Assert.That(environment.Fake.Journal.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task MissingPrivilege_NamesThePrivilegeAndTheCode()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 20, accounts: 2);
        // Only the contacts' batch is refused: the contacts' and the accounts' batches are sent in parallel, in either order.
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.MissingPrivilege, Match = r => r.IsUpdateMultiple && r.Path.Contains("/contacts/", StringComparison.Ordinal) });

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Forbidden));
            Assert.That(error.Code, Is.EqualTo("0x80040220"));
            Assert.That(error.Message, Does.StartWith("Dataverse refused POST contacts/Microsoft.Dynamics.CRM.UpdateMultiple because your user lacks a privilege (HTTP 403, error 0x80040220: Principal user"));
            Assert.That(error.Message, Does.Contain("missing prvWriteContact privilege"));
            Assert.That(error.Message, Does.Contain("ask an administrator for the privileges the README lists for this command"));
            Assert.That(environment.Fake.Journal.Entries.Count(e => e.Fault == FaultKind.MissingPrivilege), Is.EqualTo(1), "not retried");
        });
    }

    [Test]
    public async Task ColumnUnknownToTheEnvironment_AsksWhetherTheSolutionIsInstalled()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 20, accounts: 2);
        environment.Fake.Contacts.RemoveColumn("rel_actionurgency");

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.UnknownName));
            Assert.That(error.Message, Does.StartWith("Dataverse does not know a name used by GET contacts (HTTP 400, error 0x80060888: Could not find a property named 'rel_actionurgency'"));
            Assert.That(error.Message, Does.Contain("is the Customer Relationship Influence solution installed in " + environment.Url + ", at the version this crmrel belongs to?"));
        });
    }

    [Test]
    public async Task UrlOfAServerThatIsNotDataverse_SaysCheckTheUrl()
    {
        // Arrange
        await using var server = await NotDataverse.StartAsync();
        var url = DataverseUrl.Parse(server.Url.ToString());
        var tokens = AccessTokens.Choose(url, _ => "token", false, _ => { });

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => DataverseClient.ConnectAsync(url, tokens, FakeEnvironment.FastOptions, new RequestLog(null), CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.StartWith("No Dataverse Web API answered GET WhoAmI at " + url + " (HTTP 404): check --url, the environment URL such as https://contoso.crm.dynamics.com"));
    }

    [Test]
    public async Task NothingListening_SaysCheckTheNetworkAndUrl()
    {
        // Arrange: a port nothing listens on.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = DataverseUrl.Parse("http://127.0.0.1:" + port);
        var tokens = AccessTokens.Choose(url, _ => "token", false, _ => { });

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => DataverseClient.ConnectAsync(
            url, tokens, FakeEnvironment.FastOptions with { MaxRetries = 1 }, new RequestLog(null), CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Network));
            Assert.That(error.Message, Does.StartWith("The connection to " + url + " failed during GET WhoAmI ("));
            Assert.That(error.Message, Does.Contain("check the network and --url, and run the command again (client-request-id "));
        });
    }

    [TestCase("http://contoso.crm.dynamics.com", "The environment URL 'http://contoso.crm.dynamics.com' uses http://, which would send the sign-in token unencrypted: use https://.")]
    [TestCase("https://contoso.crm.dynamics.com/api/data/v9.2", "The environment URL 'https://contoso.crm.dynamics.com/api/data/v9.2' has more than a host: pass the environment's root only, such as https://contoso.crm.dynamics.com.")]
    [TestCase("contoso", "The environment URL 'contoso' is not a web address: pass the environment's URL, such as https://contoso.crm.dynamics.com.")]
    [TestCase(" ", "No environment given: pass --url https://<org>.crm.dynamics.com or set DATAVERSE_URL.")]
    public void UrlThatCannotBeUsed_RefusedWithWhatToDo(string text, string message)
    {
        // Act
        var error = Assert.Throws<DataverseException>(() => DataverseUrl.Parse(text));

        // Assert
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [TestCase("https://contoso.crm.dynamics.com/", "https://contoso.crm.dynamics.com/api/data/v9.2/", "https://contoso.crm.dynamics.com/.default")]
    [TestCase("http://127.0.0.1:5000", "http://127.0.0.1:5000/api/data/v9.2/", "http://127.0.0.1:5000/.default")]
    [TestCase("http://localhost:5000", "http://localhost:5000/api/data/v9.2/", "http://localhost:5000/.default")]
    public void UsableUrl_WebApiV92AndScope(string text, string webApi, string scope)
    {
        // Act
        var url = DataverseUrl.Parse(text);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(url.WebApi.ToString(), Is.EqualTo(webApi));
            Assert.That(url.Scope, Is.EqualTo(scope));
        });
    }

    [Test]
    public async Task TokenFromTheEnvironment_SentAsBearer_NeverLogged()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 30, accounts: 3);
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Times = 2 });
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Times = 2 });

        // Act
        await environment.RecalcAsync();

        // Assert
        var files = Directory.GetFiles(environment.Output).Select(File.ReadAllText);
        Assert.Multiple(() =>
        {
            Assert.That(environment.Fake.Journal.Entries.Select(e => e.Headers["Authorization"]).Distinct(), Is.EqualTo(new[] { "Bearer " + environment.Fake.Token }));
            Assert.That(environment.LogText.ToString(), Does.Not.Contain(environment.Fake.Token));
            Assert.That(files, Has.None.Contains(environment.Fake.Token));
        });
    }

    /// <summary>The system clock, noting every wait scheduled on it (a retry's delay, a time limit) so a test sees how long the client chose to wait without timing it.</summary>
    private sealed class WatchedClock : TimeProvider
    {
        private readonly ConcurrentQueue<TimeSpan> waits = new();

        public IReadOnlyCollection<TimeSpan> Waits => waits;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            waits.Enqueue(dueTime);
            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.FakeDataverse;

/// <summary>
/// A fake Dataverse Web API v9.2 on 127.0.0.1 at a random port: WhoAmI with x-ms-dop-hint; contacts, accounts and
/// sdkmessageprocessingsteps read with $select, $filter and paging (Prefer: odata.maxpagesize, @odata.nextLink, no
/// $skip); activities with their parties, read expanded or through the fetchXml aggregate recalc's recount sends;
/// formatted-value and lookuplogicalname annotations; UpdateMultiple (all or nothing), PATCH of a record or a
/// step's configuration; the registration settings apply makes on custom activity tables (FakeDataverse.Registration.cs);
/// the privilege check recalc makes; the service protection limits (429 with Retry-After past 52
/// requests in flight or 6,000 in 5 minutes); and the faults a test asks for. Every request is journaled.
/// </summary>
public sealed partial class FakeDataverse : IAsyncDisposable
{
    public const string Root = "/api/data/v9.2/";
    public const string BypassPrivilege = "prvBypassCustomBusinessLogic";

    /// <summary>The longest GET URL Dataverse accepts (a longer fetchXml must go in a $batch).</summary>
    public const int MaxUrlLength = 32768;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<DateTime> recentStarts = new();

    private FakeDataverse(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
        Contacts = new FakeTable(Names.Contact, "contacts", FakeSchema.Contact());
        Accounts = new FakeTable(Names.Account, "accounts", FakeSchema.Account());
        Activities = new FakeTable(Names.Activities.ActivityPointer, "activitypointers", FakeSchema.ActivityPointer());
    }

    /// <summary>The environment URL to give crmrel, such as http://127.0.0.1:51234.</summary>
    public Uri Url { get; }

    /// <summary>The bearer token the fake accepts; any other is refused with 401.</summary>
    public string Token { get; set; } = "fake-token-" + Guid.NewGuid().ToString("N");

    public Guid UserId { get; } = Guid.NewGuid();

    /// <summary>The x-ms-dop-hint WhoAmI returns (null: no header).</summary>
    public int? DopHint { get; set; } = 8;

    /// <summary>Waited before each request is handled (the benchmark's network and server time).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Requests in flight past which the fake answers 429 (0x80072326), as Dataverse does past 52.</summary>
    public int ConcurrencyLimit { get; set; } = 52;

    /// <summary>Requests per <see cref="RequestWindow"/> past which the fake answers 429 (0x80072322).</summary>
    public int RequestLimit { get; set; } = 6000;

    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Retry-After of a service-protection 429.</summary>
    public int ServiceProtectionRetryAfterSeconds { get; set; } = 1;

    /// <summary>How many service-protection 429s the fake had to send (not counting injected faults).</summary>
    public int ServiceProtectionRefusals => serviceProtectionRefusals;

    public FakeTable Contacts { get; }

    public FakeTable Accounts { get; }

    /// <summary>Every activity (activitypointer), whatever its table; its parties are in <see cref="ActivityParties"/>.</summary>
    public FakeTable Activities { get; }

    /// <summary>The activityparty rows by activity: the party (a contact, or another table's record) and its participationtypemask.</summary>
    public ConcurrentDictionary<Guid, List<FakeParty>> ActivityParties { get; } = new();

    /// <summary>Adds an activity of <paramref name="table"/> with its parties, as a seller's save would.</summary>
    public Guid AddActivity(string table, int state, DateTime? actualEnd, DateTime modifiedOn, params FakeParty[] parties)
    {
        var id = Guid.NewGuid();
        Activities.Add(id, new Dictionary<string, object?>
        {
            [Names.Activities.ActivityTypeCode] = table,
            [Names.Activities.StateCode] = state,
            [Names.Activities.ActualEnd] = actualEnd?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            [Names.Activities.ModifiedOn] = modifiedOn.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
        ActivityParties[id] = parties.ToList();
        return id;
    }

    public List<FakeStep> Steps { get; } = new();

    /// <summary>Privileges the signed-in user holds (as RetrieveUserPrivilegeByPrivilegeName answers).</summary>
    public HashSet<string> Privileges { get; } = new(StringComparer.Ordinal);

    /// <summary>Records any write containing is refused with 400, as a plug-in refusing that record would.</summary>
    public HashSet<Guid> RefusedRecords { get; } = new();

    public FaultPlan Faults { get; } = new();

    public RequestJournal Journal { get; } = new();

    private int serviceProtectionRefusals;

    public static async Task<FakeDataverse> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = 200 * 1024 * 1024;

            // A GET URL of up to 32,768 characters (a fetchXml query in the URL), and the method and protocol around it.
            options.Limits.MaxRequestLineSize = MaxUrlLength + 64;
        });
        var app = builder.Build();
        FakeDataverse? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        fake = new FakeDataverse(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
        return fake;
    }

    /// <summary>One activityparty row: the party's record and table, and its role (participationtypemask).</summary>
    public sealed record FakeParty(Guid PartyId, string PartyTable, int Mask)
    {
        public static FakeParty Contact(Guid contactId, int mask) => new(contactId, Names.Contact, mask);
    }

    public FakeTable Table(string entitySet) =>
        entitySet == Contacts.EntitySet ? Contacts : entitySet == Accounts.EntitySet ? Accounts : throw new ArgumentException("No table " + entitySet, nameof(entitySet));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

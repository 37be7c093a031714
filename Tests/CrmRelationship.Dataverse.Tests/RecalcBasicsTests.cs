using System;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.Scoring;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;
using CrmRelationship.Tests.Shared;

namespace CrmRelationship.Dataverse.Tests;

[TestFixture]
public sealed class RecalcBasicsTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

    [Test]
    public async Task NeverScoredBook_EveryActiveRecordWrittenOnce_RerunWritesNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 1200, accounts: 60);
        var fake = environment.Fake;

        // Act
        var first = await environment.RecalcAsync();
        var writesAfterFirst = fake.Contacts.TotalWrites + fake.Accounts.TotalWrites;
        fake.Journal.Clear();
        var second = await environment.RecalcAsync();

        // Assert
        var activeContacts = fake.Contacts.Ids().Where(id => (int)fake.Contacts.Value(id, Names.Standard.StateCode)! == 0).ToList();
        var activeAccounts = fake.Accounts.Ids().Where(id => (int)fake.Accounts.Value(id, Names.Standard.StateCode)! == 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, environment.LogText.ToString());
            Assert.That(first.Contacts.Read, Is.EqualTo(activeContacts.Count));
            Assert.That(first.Contacts.Written, Is.EqualTo(activeContacts.Count));
            Assert.That(first.Accounts.Written, Is.EqualTo(activeAccounts.Count));
            Assert.That(activeContacts.Where(id => fake.Contacts.Writes(id) != 1), Is.Empty, "active contacts not written exactly once");
            Assert.That(fake.Contacts.Ids().Except(activeContacts).Where(id => fake.Contacts.Writes(id) != 0), Is.Empty, "inactive contacts written");
            Assert.That(fake.Accounts.Ids().Except(activeAccounts).Where(id => fake.Accounts.Writes(id) != 0), Is.Empty, "inactive accounts written");
            Assert.That(second.Contacts.Changed + second.Accounts.Changed, Is.Zero);
            Assert.That(second.ExitCode, Is.Zero);
            Assert.That(fake.Contacts.TotalWrites + fake.Accounts.TotalWrites, Is.EqualTo(writesAfterFirst));
            Assert.That(fake.Journal.Entries.Where(e => e.Method != "GET"), Is.Empty, "the rerun sent a write");
        });
    }

    [Test]
    public async Task Reads_SelectExactlyTheInputsAndStoredValues_ActiveOnly_PagesOf5000FollowedByNextLink()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 6000, accounts: 10);

        // Act
        await environment.RecalcAsync(new RecalcOptions { DryRun = true });

        // Assert
        var reads = environment.Fake.Journal.Entries.Where(e => e.Method == "GET" && e.Path.EndsWith("/contacts", StringComparison.Ordinal)).ToList();
        var first = System.Web.HttpUtility.ParseQueryString(reads[0].Query);
        var second = System.Web.HttpUtility.ParseQueryString(reads[1].Query);
        var expectedSelect = new[] { Names.Standard.ContactId, Names.Standard.FullName, Names.Standard.CreatedOn, "_parentcustomerid_value" }
            .Concat(Names.ContactInputs.All).Concat(Names.Computed.Contact).Concat(Names.Touchpoints.Contact);
        Assert.Multiple(() =>
        {
            Assert.That(reads, Has.Count.EqualTo(2), "6,000 contacts are two pages of 5,000");
            Assert.That(first["$select"]!.Split(','), Is.EquivalentTo(expectedSelect));
            Assert.That(first["$filter"], Is.EqualTo("statecode eq 0"));
            Assert.That(reads.All(r => r.Headers["Prefer"].Contains("odata.maxpagesize=5000", StringComparison.Ordinal)), Is.True);
            Assert.That(second["$skiptoken"], Is.Not.Null, "the second page is the nextLink");
            Assert.That(second["$select"], Is.EqualTo(first["$select"]));
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Query.Contains("$skip=", StringComparison.Ordinal)), Is.Empty);
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Query.Contains("fetchXml", StringComparison.OrdinalIgnoreCase)).Select(e => e.Path),
                Is.All.EndsWith("/activitypointers"), "fetchXml only for the touchpoint recount");
        });
    }

    [Test]
    public async Task Writes_OnlyChangedComputedColumnsAndScoredOn_InUpdateMultipleBatchesGrowingFrom100To1000()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 5000, accounts: 50);
        var fake = environment.Fake;
        await environment.RecalcAsync(new RecalcOptions { Now = Now });
        var changedInput = fake.Contacts.Ids().First(id => (int)fake.Contacts.Value(id, Names.Standard.StateCode)! == 0
            && fake.Contacts.Value(id, Names.Computed.HealthScore) is not null && fake.Contacts.Value(id, Names.ContactInputs.RiskBehaviours) is null);
        fake.Contacts.Set(changedInput, Names.ContactInputs.RiskBehaviours, Records.Options<RiskBehaviour>("Contempt"));
        var firstRun = fake.Journal.Entries.Where(e => e.Path.EndsWith("UpdateMultiple", StringComparison.Ordinal)).ToList();
        fake.Journal.Clear();
        fake.Contacts.ResetWrites();
        fake.Accounts.ResetWrites();

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        var writes = fake.Journal.Entries.Where(e => e.Method == "POST").ToList();
        var computed = Names.Computed.Contact.Concat(Names.Computed.Account).ToHashSet();
        Assert.Multiple(() =>
        {
            var sizes = firstRun.Where(e => e.Path.Contains("/contacts/", StringComparison.Ordinal)).Select(e => e.Records).ToList();
            Assert.That(sizes[0], Is.EqualTo(100), "the first batch is 100");
            Assert.That(sizes.Max(), Is.EqualTo(1000), "batches grow to 1,000");
            Assert.That(sizes.Sum(), Is.EqualTo(firstRun.Where(e => e.Path.Contains("/contacts/", StringComparison.Ordinal)).Sum(e => e.Records)));
            Assert.That(firstRun.All(e => e.Path.EndsWith("/Microsoft.Dynamics.CRM.UpdateMultiple", StringComparison.Ordinal)), Is.True);
            Assert.That(result.Contacts.Changed, Is.EqualTo(1));
            Assert.That(fake.Contacts.AllWrites().Keys, Is.EquivalentTo(new[] { changedInput }));
            Assert.That(writes.SelectMany(w => w.Columns).Where(c => !computed.Contains(c)), Is.Empty, "a write set a column that is not computed");
            Assert.That(writes.First(w => w.Path.Contains("/contacts/", StringComparison.Ordinal)).Columns,
                Is.EquivalentTo(new[] { Names.Computed.Direction, Names.Computed.HealthScore, Names.Computed.ScoreExplanation, Names.Computed.ScoredOn }),
                "only the values that change, and scored on");
        });
    }

    [Test]
    public async Task LevelHistory_FollowsTheStoredLevelAsASaveWould_NeverScoredIsScoredAsNew()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var account = Records.Account(fake, "Levels");
        var partner = Records.Options<RelationshipBehaviour>("Buys from us", "Relies on our support", "Collaborates with us closely");
        var service = Records.Option<RelationshipLevel>("Service");
        var transactional = Records.Option<RelationshipLevel>("Transactional");
        var risky = Records.Options<RiskBehaviour>("Criticism");
        var rose = Records.Contact(fake, account, "Rose", (Names.ContactInputs.ObservedBehaviours, partner),
            (Names.Computed.RelationshipLevel, service), (Names.Computed.ScoredOn, "2026-01-02T03:04:05Z"));
        var fresh = Records.Contact(fake, account, "Fresh", (Names.ContactInputs.ObservedBehaviours, partner));
        var freshAtRisk = Records.Contact(fake, account, "Fresh at risk", (Names.ContactInputs.ObservedBehaviours, partner), (Names.ContactInputs.RiskBehaviours, risky));
        var kept = Records.Contact(fake, account, "Kept", (Names.ContactInputs.ObservedBehaviours, partner),
            (Names.Computed.RelationshipLevel, Records.Option<RelationshipLevel>("Partner")), (Names.Computed.PreviousLevel, transactional),
            (Names.Computed.LevelChangedOn, "2025-05-06T07:08:09Z"), (Names.Computed.ScoredOn, "2025-05-06T07:08:09Z"));

        // Act
        await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        var contacts = fake.Contacts;
        var partnerLevel = Records.Option<RelationshipLevel>("Partner");
        Assert.Multiple(() =>
        {
            Assert.That(contacts.Value(rose, Names.Computed.RelationshipLevel), Is.EqualTo(partnerLevel));
            Assert.That(contacts.Value(rose, Names.Computed.PreviousLevel), Is.EqualTo(service), "a scored contact keeps the level it had as previous");
            Assert.That(contacts.Value(rose, Names.Computed.LevelChangedOn), Is.EqualTo("2026-11-24T09:30:00Z"));
            Assert.That(contacts.Value(rose, Names.Computed.Direction), Is.EqualTo((int)Direction.ComingTogether));
            Assert.That(contacts.Value(fresh, Names.Computed.PreviousLevel), Is.Null, "never scored: no previous level");
            Assert.That(contacts.Value(fresh, Names.Computed.LevelChangedOn), Is.Null);
            Assert.That(contacts.Value(fresh, Names.Computed.Direction), Is.EqualTo((int)Direction.Steady));
            Assert.That(contacts.Value(freshAtRisk, Names.Computed.Direction), Is.EqualTo((int)Direction.ComingApart), "never scored: direction from risk behaviours only");
            Assert.That(contacts.Value(kept, Names.Computed.PreviousLevel), Is.EqualTo(transactional), "an unchanged level keeps its history");
            Assert.That(contacts.Value(kept, Names.Computed.LevelChangedOn), Is.EqualTo("2025-05-06T07:08:09Z"));
            Assert.That(contacts.Value(kept, Names.Computed.Direction), Is.EqualTo((int)Direction.ComingTogether));
            Assert.That(contacts.Value(rose, Names.Computed.ScoredOn), Is.EqualTo("2026-11-24T09:30:00Z"));
        });
    }

    [Test]
    public async Task Accounts_RolledUpFromTheContactsNewValues_KeyContactBoundByNavigationProperty()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var account = Records.Account(fake, "Rollup");
        var empty = Records.Account(fake, "No contacts", (Names.Computed.AssessedContacts, 3), (Names.Computed.HealthScore, 50));
        var high = Records.Contact(fake, account, "High risk", (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("No")),
            (Names.ContactInputs.OrganizationalPower, Records.Option<OrganizationalPower>("High")), (Names.ContactInputs.Perception, Records.Option<Perception>("Detractor")),
            (Names.ContactInputs.ActivityLevel, Records.Option<ActivityLevel>("Active")));
        Records.Contact(fake, account, "Low", (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("Yes")),
            (Names.ContactInputs.OrganizationalPower, Records.Option<OrganizationalPower>("Low")), (Names.ContactInputs.Perception, Records.Option<Perception>("Advocate")),
            (Names.ContactInputs.ActivityLevel, Records.Option<ActivityLevel>("Passive")));

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, environment.LogText.ToString());
            Assert.That(fake.Accounts.Value(account, Names.Computed.AssessedContacts), Is.EqualTo(2));
            Assert.That(fake.Accounts.Value(account, Names.Computed.RecommendedAction), Is.EqualTo((int)RecommendedAction.HighRiskImprovePerception));
            Assert.That(fake.Accounts.Value(account, Names.Computed.KeyContactId), Is.EqualTo(new FakeDataverse.FakeLookup(high, Names.Contact)));
            Assert.That(fake.Accounts.Value(empty, Names.Computed.AssessedContacts), Is.EqualTo(0), "an account without assessed contacts is emptied, not left stale");
            Assert.That(fake.Accounts.Value(empty, Names.Computed.HealthScore), Is.Null);
        });
    }

    [Test]
    public async Task KeyContactChangesAgainTheSameDay_ChangedOnMovesToTheTimeOfThisRun_AsTheRollupWrites()
    {
        // Arrange: the key contact changed at 06:00 today; the run at 09:30 finds another key contact.
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        var account = Records.Account(fake, "Same day");
        var high = Records.Contact(fake, account, "High risk", (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("No")),
            (Names.ContactInputs.OrganizationalPower, Records.Option<OrganizationalPower>("High")), (Names.ContactInputs.Perception, Records.Option<Perception>("Detractor")),
            (Names.ContactInputs.ActivityLevel, Records.Option<ActivityLevel>("Active")));
        var low = Records.Contact(fake, account, "Low", (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("Yes")),
            (Names.ContactInputs.OrganizationalPower, Records.Option<OrganizationalPower>("Low")), (Names.ContactInputs.Perception, Records.Option<Perception>("Advocate")),
            (Names.ContactInputs.ActivityLevel, Records.Option<ActivityLevel>("Passive")));
        fake.Accounts.Set(account, Names.Computed.KeyContactId, new FakeDataverse.FakeLookup(low, Names.Contact));
        fake.Accounts.Set(account, Names.Computed.KeyContactChangedOn, "2026-11-24T06:00:00Z");
        fake.Accounts.Set(account, Names.Computed.ScoredOn, "2026-11-24T06:00:00Z");

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, environment.LogText.ToString());
            Assert.That(fake.Accounts.Value(account, Names.Computed.KeyContactId), Is.EqualTo(new FakeDataverse.FakeLookup(high, Names.Contact)));
            Assert.That(fake.Accounts.Value(account, Names.Computed.PreviousKeyContactId), Is.EqualTo(new FakeDataverse.FakeLookup(low, Names.Contact)));
            Assert.That(fake.Accounts.Value(account, Names.Computed.KeyContactChangedOn), Is.EqualTo("2026-11-24T09:30:00Z"), "a date and time is compared exactly, not by day");
        });
    }

    [Test]
    public async Task StepsSettings_ScoreByTheirConfiguration()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        const string Json = "{\"matrix\": {\"No/High/Detractor/Active\": \"Low risk, move on\"}}";
        foreach (var step in fake.Steps)
        {
            step.Configuration = Json;
        }

        var contact = Records.Contact(fake, null, "Overridden", (Names.ContactInputs.Relationship, Records.Option<RelationshipStatus>("No")),
            (Names.ContactInputs.OrganizationalPower, Records.Option<OrganizationalPower>("High")), (Names.ContactInputs.Perception, Records.Option<Perception>("Detractor")),
            (Names.ContactInputs.ActivityLevel, Records.Option<ActivityLevel>("Active")));

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { Now = Now });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(fake.Contacts.Value(contact, Names.Computed.RecommendedAction), Is.EqualTo((int)RecommendedAction.LowRiskMoveOn));
            Assert.That(result.Settings, Is.EqualTo("matrix No/High/Detractor/Active → Low risk, move on"));
        });
    }

    [Test]
    public async Task DryRun_WritesNothing_ListsEveryChangedColumn()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 300, accounts: 20);

        // Act
        var result = await environment.RecalcAsync(new RecalcOptions { DryRun = true, Now = Now });

        // Assert
        var rows = TestCsv.ReadTable(result.ChangesFile!);
        Assert.Multiple(() =>
        {
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Method != "GET"), Is.Empty);
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => r["id"]).Distinct().Count(), Is.EqualTo(result.Contacts.Changed + result.Accounts.Changed));
            Assert.That(rows.Count(r => r["table"] == Names.Contact && r["column"] == Names.Computed.Direction && r["stored"].Length == 0 && r["computed"].Length > 0),
                Is.EqualTo(result.Contacts.Changed), "every never-scored contact gets a direction");
            Assert.That(rows.Where(r => r["column"] == Names.Computed.RecommendedAction && r["computed"].Length > 0).Select(r => r["computed"]).Distinct(),
                Is.SubsetOf(Labels.All<RecommendedAction>()), "choices are listed by their labels");
            Assert.That(System.IO.File.Exists(System.IO.Path.Combine(environment.Output, "recalc.checkpoint")), Is.False);
        });
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using NUnit.Framework;
using CrmRelationship.Tests.Shared;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>recalc's writes under faults: every record written exactly once, failures isolated and listed.</summary>
[TestFixture]
public sealed class RecalcFaultTests
{
    [TestCase(FaultKind.Throttle)]
    [TestCase(FaultKind.Unavailable)]
    [TestCase(FaultKind.DropBefore)]
    [TestCase(FaultKind.DropAfter)]
    [TestCase(FaultKind.Slow)]
    public async Task FaultOnUpdateMultiple_EveryRecordWrittenExactlyOnce(FaultKind kind)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 2500, accounts: 40);
        var fake = environment.Fake;
        var rule = fake.Faults.Add(new FaultRule { Kind = kind, Every = 3, Times = 3, Match = r => r.IsUpdateMultiple });

        // Act
        var result = await environment.RecalcAsync();

        // Assert
        var log = environment.LogText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(rule.Applied, Is.EqualTo(3));
            Assert.That(result.ExitCode, Is.Zero, log);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty, log);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty, log);
            Assert.That(result.Contacts.Written, Is.EqualTo(result.Contacts.Changed));
            Assert.That(File.Exists(Path.Combine(environment.Output, "recalc.checkpoint")), Is.False, "a finished run leaves no checkpoint");
            Assert.That(log, kind is FaultKind.Throttle or FaultKind.Unavailable
                ? Does.Contain("UpdateMultiple " + (kind == FaultKind.Throttle ? "429" : "503"))
                : Does.Contain("Reading back"), "a refusal is retried after its Retry-After; an unknown outcome is read back before anything is sent again");
        });
    }

    [TestCase(FaultKind.Slow)]
    [TestCase(FaultKind.TooLarge)]
    public async Task TimeoutOrSizeError_NextBatchesHalved(FaultKind kind)
    {
        // Arrange: one writer, so batches come in order; the fifth (1,000) times out or is too large.
        await using var environment = await FakeEnvironment.StartAsync(contacts: 5000, accounts: 10);
        var fake = environment.Fake;
        fake.Faults.Add(new FaultRule { Kind = kind, Every = 5, Times = 1, Match = r => r.IsUpdateMultiple });

        // Act
        var result = await environment.RecalcAsync(client: FakeEnvironment.FastOptions with { MaxParallel = 1 });
        await fake.Journal.WhenIdleAsync(TimeSpan.FromSeconds(30)); // the fake journals a slow answer when it is sent, after the client gave up on it

        // Assert: a timed-out batch was carried out (read back, not sent again); a refused one is sent again in two halves.
        var writes = fake.Journal.Entries.Where(e => e.IsContactWrite()).OrderBy(e => e.Started).ToList();
        var faulted = writes.FindIndex(e => e.Fault == kind);
        Assert.That(faulted, Is.GreaterThanOrEqualTo(0), "the fault was injected");
        var size = kind == FaultKind.Slow ? writes[faulted].Records : 1000;
        var after = writes.Skip(faulted + 1).Select(e => e.Records).Take(kind == FaultKind.Slow ? 1 : 2);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, environment.LogText.ToString());
            Assert.That(size, Is.GreaterThanOrEqualTo(200), "the faulted batch could be halved");
            Assert.That(after, Is.All.EqualTo(size / 2), "records per UpdateMultiple after the fault");
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
        });
    }

    [Test]
    public async Task RecordDataverseRefuses_IsolatedBySplitting_ListedWithItsReason_ExitCode2()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 1500, accounts: 20);
        var fake = environment.Fake;
        var refused = WriteCounts.Active(fake.Contacts)[777];
        fake.RefusedRecords.Add(refused);

        // Act
        var result = await environment.RecalcAsync();

        // Assert
        var failed = TestCsv.ReadTable(result.FailedFile!);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Failed.Select(f => f.Id), Is.EqualTo(new[] { refused }));
            Assert.That(result.Failed[0].Reason, Does.StartWith("Dataverse refused POST contacts/Microsoft.Dynamics.CRM.UpdateMultiple (HTTP 400, error 0x80040265: A test plug-in refused the contact "));
            Assert.That(failed.Select(r => r["id"]), Is.EqualTo(new[] { refused.ToString("D") }));
            Assert.That(failed[0]["reason"], Is.EqualTo(result.Failed[0].Reason));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts, except: new[] { refused }), Is.Empty);
            Assert.That(fake.Contacts.Writes(refused), Is.Zero);
            Assert.That(result.CheckpointFile, Is.Not.Null, "the checkpoint stays, so --resume writes the failed record once it can be");
        });
    }

    [Test]
    public async Task RefusedRecordAccepted_ResumeWritesOnlyIt()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 600, accounts: 10);
        var fake = environment.Fake;
        var refused = WriteCounts.Active(fake.Contacts)[100];
        fake.RefusedRecords.Add(refused);
        await environment.RecalcAsync();
        fake.RefusedRecords.Clear();

        // Act
        var resumed = await environment.RecalcAsync(new CrmRelationship.Dataverse.Recalc.RecalcOptions { Resume = true });
        await fake.Journal.WhenIdleAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(resumed.ExitCode, Is.Zero);
            Assert.That(resumed.Contacts.Written, Is.EqualTo(1));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(resumed.CheckpointFile, Is.Null);
        });
    }

    [TestCase(1)]
    [TestCase(4)]
    public async Task SignInExpiresMidRun_StopsWithOneSentence_ResumeFinishesExactlyOnce(int parallelBatches)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3000, accounts: 30);
        var fake = environment.Fake;
        fake.DopHint = parallelBatches;
        // Once batches are stored, one batch is carried out only three seconds later, and the next batch meets the
        // expired sign-in while that one is in flight. The fake, like Dataverse, stores the late batch even if the client
        // has gone: a run that abandoned it would end before it is stored, and its resume would write it a second time.
        var late = fake.Faults.Add(new FaultRule
        {
            Kind = FaultKind.Late, Delay = TimeSpan.FromSeconds(3), Match = r => r.IsUpdateMultiple && fake.Contacts.TotalWrites > 0,
        });
        fake.Faults.Add(new FaultRule { Kind = FaultKind.ExpiredToken, Match = r => r.IsUpdateMultiple && late.Applied > 0 });

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());
        var written = fake.Contacts.TotalWrites;
        var resumed = await environment.RecalcAsync(new CrmRelationship.Dataverse.Recalc.RecalcOptions { Resume = true });
        await fake.Journal.WhenIdleAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Unauthorized));
            Assert.That(error.Message, Does.Contain("records were written before the run stopped; fix this and run crmrel recalc --resume --out " + environment.Output + " to finish."));
            Assert.That(written, Is.GreaterThan(0));
            Assert.That(fake.Journal.MaxInFlight, parallelBatches > 1 ? Is.GreaterThan(1) : Is.EqualTo(1), "batches in flight together");
            Assert.That(resumed.ExitCode, Is.Zero);
            Assert.That(resumed.Contacts.WrittenBefore, Is.GreaterThan(0));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
        });
    }
}

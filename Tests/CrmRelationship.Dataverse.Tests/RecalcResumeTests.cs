using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.FakeDataverse;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>An interrupted recalc (killed process, Ctrl+C, lost network) resumed with --resume: nothing written twice, nothing skipped.</summary>
[TestFixture]
public sealed class RecalcResumeTests
{
    [Test]
    public async Task ProcessKilledMidway_ResumeWritesEveryRecordExactlyOnce()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 20000, accounts: 1000);
        var fake = environment.Fake;
        fake.Latency = TimeSpan.FromMilliseconds(250);
        var variables = new Dictionary<string, string> { ["DATAVERSE_TOKEN"] = fake.Token, ["DATAVERSE_URL"] = fake.Url.ToString() };
        var arguments = new List<string> { "recalc", "--out", environment.Output };

        // Act: kill the process once a few batches are written, then resume in a new one.
        using (var first = CrmrelProcess.Start(arguments, variables))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (fake.Contacts.TotalWrites < 2000 && !first.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            if (first.HasExited)
            {
                Assert.Fail("The run ended before it could be killed: " + await first.StandardError.ReadToEndAsync());
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var writtenBeforeKill = fake.Contacts.TotalWrites;
        await Task.Delay(fake.Latency * 2); // let a batch the fake was still handling land, as a server would
        using var second = CrmrelProcess.Start(new List<string>(arguments) { "--resume" }, variables);
        var output = await second.StandardOutput.ReadToEndAsync();
        var error = await second.StandardError.ReadToEndAsync();
        await second.WaitForExitAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(writtenBeforeKill, Is.GreaterThanOrEqualTo(2000).And.LessThan(WriteCounts.Active(fake.Contacts).Count), "killed midway");
            Assert.That(second.ExitCode, Is.Zero, error + output);
            Assert.That(output, Does.Contain("Written by the interrupted run before this one:"));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
            Assert.That(File.Exists(Path.Combine(environment.Output, "recalc.checkpoint")), Is.False);
        });
    }

    [Test]
    public async Task CtrlC_StopsWithTheCheckpoint_ResumeWritesEveryRecordExactlyOnce()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 6000, accounts: 100);
        var fake = environment.Fake;
        fake.Latency = TimeSpan.FromMilliseconds(30);
        using var interrupt = new CancellationTokenSource();

        // Act
        var interrupted = await environment.RecalcAsync(new RecalcOptions { Progress = new InterruptAfter(1500, interrupt) }, cancellationToken: interrupt.Token);
        var resumed = await environment.RecalcAsync(new RecalcOptions { Resume = true });
        await fake.Journal.WhenIdleAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(interrupted.Interrupted, Is.True);
            Assert.That(interrupted.ExitCode, Is.EqualTo(1));
            Assert.That(interrupted.CheckpointFile, Is.Not.Null);
            Assert.That(resumed.ExitCode, Is.Zero);
            Assert.That(resumed.Contacts.WrittenBefore, Is.EqualTo(interrupted.Contacts.Written));
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
        });
    }

    [Test]
    public async Task NetworkLostMidway_StopsWithOneSentence_ResumeWritesEveryRecordExactlyOnce()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 5000, accounts: 80);
        var fake = environment.Fake;

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() =>
            environment.RecalcAsync(new RecalcOptions { Progress = new LoseNetworkAfter(1000, fake) }));
        fake.Faults.Clear();
        var resumed = await environment.RecalcAsync(new RecalcOptions { Resume = true });
        await fake.Journal.WhenIdleAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(FailureKind.Network));
            Assert.That(error.Message, Does.Contain("run crmrel recalc --resume --out " + environment.Output + " to finish."));
            Assert.That(resumed.ExitCode, Is.Zero);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Contacts), Is.Empty);
            Assert.That(WriteCounts.NotExactlyOnce(fake.Accounts), Is.Empty);
        });
    }

    [Test]
    public async Task CheckpointLeft_RunWithoutResume_RefusedWithWhatToDo()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 10);
        await File.WriteAllTextAsync(Path.Combine(environment.Output, "recalc.checkpoint"), "crmrel-recalc-checkpoint 1\n");

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());

        // Assert
        Assert.That(error!.Message, Is.EqualTo(
            "An interrupted recalc left its checkpoint in " + environment.Output + ": run crmrel recalc --resume --out " + environment.Output
            + " to finish it, or delete " + Path.Combine(environment.Output, "recalc.checkpoint") + " to start over."));
    }

    [Test]
    public async Task NoCheckpoint_Resume_RefusedWithWhatToDo()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 10);

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync(new RecalcOptions { Resume = true }));

        // Assert
        Assert.That(error!.Message, Is.EqualTo("There is no interrupted recalc to resume in " + environment.Output + " (no recalc.checkpoint); run crmrel recalc without --resume."));
    }

    [Test]
    public async Task SettingsChangedSinceTheInterruption_ResumeRefused()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3000, accounts: 10);
        var fake = environment.Fake;
        fake.RefusedRecords.Add(WriteCounts.Active(fake.Contacts)[5]);
        await environment.RecalcAsync();
        foreach (var step in fake.Steps)
        {
            step.Configuration = "{\"highPowerWeight\": 5}";
        }

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync(new RecalcOptions { Resume = true }));

        // Assert
        Assert.That(error!.Message, Does.StartWith("The steps' settings changed since the interrupted run, so resuming would mix two sets of rules: delete "));
    }

    [Test]
    public void CheckpointWhoseLastLineWasCutByAKill_ResumesWithTheWholeLines()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), "crmrel-checkpoint-" + Guid.NewGuid().ToString("N"));
        var written = Guid.NewGuid();
        File.WriteAllText(path, "crmrel-recalc-checkpoint 1\nenvironment http://127.0.0.1:1\nscoredon 2026-11-24T09:30:00.0000000Z\nsettings x\ncontact "
            + written.ToString("D") + "\ncontact 1234");

        // Act
        using (var checkpoint = Checkpoint.Resume(path))
        {
            checkpoint.Record(new[] { new RecordChange("contact", Guid.Empty, Array.Empty<ColumnChange>()) });

            // Assert
            Assert.Multiple(() =>
            {
                Assert.That(checkpoint.HasWritten("contact", written), Is.True);
                Assert.That(checkpoint.WrittenCount("contact"), Is.EqualTo(2));
                Assert.That(checkpoint.ScoredOn, Is.EqualTo(new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc)));
            });
        }

        Assert.That(File.ReadAllText(path), Does.EndWith("contact " + written.ToString("D") + "\ncontact " + Guid.Empty.ToString("D") + "\n"));
        File.Delete(path);
    }

    /// <summary>Cancels the run (as Ctrl+C does) once <c>count</c> contacts are written.</summary>
    private sealed class InterruptAfter(int count, CancellationTokenSource interrupt) : IRecalcProgress
    {
        public void Read(string table, long read, long changed, bool complete)
        {
        }

        public void Written(string table, long written)
        {
            if (written >= count)
            {
                interrupt.Cancel();
            }
        }
    }

    /// <summary>Drops every connection once <c>count</c> contacts are written, as a network outage would.</summary>
    private sealed class LoseNetworkAfter(int count, FakeDataverse.FakeDataverse fake) : IRecalcProgress
    {
        private int lost;

        public void Read(string table, long read, long changed, bool complete)
        {
        }

        public void Written(string table, long written)
        {
            if (written >= count && Interlocked.Exchange(ref lost, 1) == 0)
            {
                fake.Faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Times = int.MaxValue });
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Tests.Support;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>recalc's writes run no step of ours as registered; when an admin changed a step so they would, recalc says so.</summary>
[TestFixture]
public sealed class BypassTests
{
    private const string Bypass = "MSCRM.BypassBusinessLogicExecution";

    [Test]
    public async Task StepsAsRegistered_WritesRunNoStep_NoBypassHeader()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 300, accounts: 10);

        // Act
        var result = await environment.RecalcAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Contacts.Written, Is.GreaterThan(0));
            Assert.That(environment.Fake.Steps.Sum(s => s.Runs), Is.Zero);
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.BypassedCustomSync, Is.False);
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Headers.ContainsKey(Bypass)), Is.Empty);
        });
    }

    [Test]
    public async Task StepChangedToFireOnComputedColumns_UserHoldsThePrivilege_WritesSentWithCustomSyncBypassed()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 300, accounts: 10);
        var step = environment.Fake.Steps.Single(s => s.Name.EndsWith("ContactRollupPlugin: Update of contact", StringComparison.Ordinal));
        step.FilteringAttributes += "," + Names.Computed.HealthScore;
        environment.Fake.Privileges.Add("prvBypassCustomBusinessLogic");

        // Act
        var result = await environment.RecalcAsync();

        // Assert
        var writes = environment.Fake.Journal.Entries.Where(e => e.Method == "POST").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.BypassedCustomSync, Is.True);
            Assert.That(writes.Select(w => w.Headers.GetValueOrDefault(Bypass)), Is.All.EqualTo("CustomSync"));
            Assert.That(step.Runs, Is.Zero);
            Assert.That(result.Warnings.Single(), Does.Contain("'ContactRollupPlugin: Update of contact' (its filtering attributes include rel_healthscore)"));
            Assert.That(result.Warnings.Single(), Does.Contain("MSCRM.BypassBusinessLogicExecution: CustomSync (you hold prvBypassCustomBusinessLogic)"));
        });
    }

    [Test]
    public async Task StepWithoutFilteringAttributes_UserLacksThePrivilege_SaysSo_WritesWithoutBypass()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 300, accounts: 10);
        var step = environment.Fake.Steps.Single(s => s.Name.EndsWith("AccountScoringPlugin: Update of account", StringComparison.Ordinal));
        step.FilteringAttributes = null;

        // Act
        var result = await environment.RecalcAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.BypassedCustomSync, Is.False);
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Headers.ContainsKey(Bypass)), Is.Empty);
            Assert.That(step.Runs, Is.EqualTo(result.Accounts.Written), "each account write ran the step");
            Assert.That(result.Warnings.Single(), Does.Contain("'AccountScoringPlugin: Update of account' (it has no filtering attributes, so every update runs it)"));
            Assert.That(result.Warnings.Single(), Does.Contain("You do not hold prvBypassCustomBusinessLogic"));
        });
    }
}

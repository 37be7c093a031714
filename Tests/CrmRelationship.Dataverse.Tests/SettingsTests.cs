using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.Deploy.Commands;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>crmrel settings show, check and apply, and recalc's reading of the steps' settings.</summary>
[TestFixture]
public sealed class SettingsTests
{
    private const string Custom = "{\"highPowerWeight\": 5, \"matrix\": {\"No/High/Detractor/Active\": \"Moderate risk, improve perception\"}}";

    [Test]
    public async Task Show_StepsAgree_Exit0_SaysWhatTheSettingsMean()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ShowAsync(new ConnectionRequest(null), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(cli.Output, Does.Contain("All " + environment.Fake.Steps.Count + " steps score by the same settings: the defaults."));
            Assert.That(cli.Output, Does.Contain("ContactScoringPlugin: Update of contact"));
        });
    }

    [Test]
    public async Task Show_StepsDisagree_Exit2_NamesWhichDiffer()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.Steps.Single(s => s.Name.EndsWith("AccountScoringPlugin: Update of account", StringComparison.Ordinal)).Configuration = "{\"highPowerWeight\": 5}";
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ShowAsync(new ConnectionRequest(null), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(cli.Output, Does.Contain("do not have the same configuration"));
            Assert.That(string.Join(" ", cli.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), Does.Contain("'AccountScoringPlugin: Update of account' has highPowerWeight 5"), "the console wraps long lines");
        });
    }

    [Test]
    public async Task Recalc_StepsDisagree_StopsBeforeReadingAnything_NamingTheSteps()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 10);
        environment.Fake.Steps.Single(s => s.Name.EndsWith("ContactScoringPlugin: Create of contact", StringComparison.Ordinal)).Configuration = Custom;

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("The steps of CrmRelationship.Plugins do not have the same configuration, so contacts and accounts are scored by different rules: "));
            Assert.That(error.Message, Does.Contain("'ContactScoringPlugin: Create of contact' has matrix No/High/Detractor/Active → Moderate risk, improve perception; highPowerWeight 5"));
            Assert.That(error.Message, Does.Contain(" and " + (environment.Fake.Steps.Count - 3) + " others have the defaults"), "every other step: two named, the rest counted");
            Assert.That(error.Message, Does.EndWith("Give every step the same configuration with crmrel settings apply FILE."));
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Path.EndsWith("/contacts", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public async Task Recalc_StepConfigurationThePluginsRefuse_StopsNamingTheKey()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 10);
        foreach (var step in environment.Fake.Steps)
        {
            step.Configuration = "{\"healthWeights\": {\"stance\": -1}}";
        }

        // Act
        var error = await Assert.ThrowsAsync<DataverseException>(() => environment.RecalcAsync());

        // Assert
        Assert.That(error!.Message, Does.Contain("is refused by the plug-ins (Setting 'healthWeights.stance' must be a whole number from 0 to 1000"));
    }

    [Test]
    public void Check_ValidFile_Exit0_SaysWhatItMeans()
    {
        // Arrange
        var path = Write(Custom);
        using var cli = new Cli();

        // Act
        var code = SettingsCommand.Check(path, cli.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(cli.Output, Does.Contain(path + " is valid: matrix No/High/Detractor/Active → Moderate risk, improve perception; highPowerWeight 5."));
        });
    }

    [TestCase("{\"highPowerWeight\": 0}")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Busy\": \"Low risk, move on\"}}")]
    [TestCase("{\"healthWeights\": {\"ladder\": 0, \"stance\": 0, \"risk\": 0}}")]
    [TestCase("{\"colour\": \"red\"}")]
    [TestCase("{\"highPowerWeight\": 3, \"highPowerWeight\": 4}")]
    public void Check_InvalidFile_Exit1_TheSameMessageAsThePlugins(string json)
    {
        // Arrange
        var path = Write(json);
        using var cli = new Cli();
        var plugins = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json))!;

        // Act
        var code = SettingsCommand.Check(path, cli.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(cli.Error.Trim(), Is.EqualTo("crmrel settings: Fix the setting '" + plugins.Key + "' in " + path + " and run again: " + plugins.Message.TrimEnd('.') + "."));
        });
    }

    [Test]
    public async Task Apply_WithYes_WritesTheSameJsonToEveryStep_RecalcThenScoresByIt()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 20);
        var path = Write("  " + Custom + "\n");
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), path, Yes: true), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, null, default);
        var recalc = await environment.RecalcAsync();

        // Assert
        var patches = environment.Fake.Journal.Entries.Where(e => e.Method == "PATCH").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(environment.Fake.Steps.Select(s => s.Configuration).Distinct(), Is.EqualTo(new[] { Custom }));
            Assert.That(patches, Has.Count.EqualTo(environment.Fake.Steps.Count));
            Assert.That(patches.All(p => p.Path.Contains("/sdkmessageprocessingsteps(", StringComparison.Ordinal)), Is.True);
            Assert.That(cli.Output, Does.Contain("Wrote the configuration to " + environment.Fake.Steps.Count + " steps"));
            Assert.That(cli.Output, Does.Contain("run crmrel recalc"));
            Assert.That(recalc.Settings, Is.EqualTo("matrix No/High/Detractor/Active → Moderate risk, improve perception; highPowerWeight 5"));
        });
    }

    [Test]
    public async Task Apply_WithoutYesOnAConsoleThatCannotAsk_WritesNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(Custom), Yes: false), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, null, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(cli.Error, Does.Contain("Run crmrel settings apply again with --yes to write without asking."));
            Assert.That(cli.Output, Does.Contain("ContactScoringPlugin: Update of contact"), "it shows what would change");
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Method == "PATCH"), Is.Empty);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Apply_AsksFirst_WritesOnlyOnYes(bool answer)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        using var cli = new Cli();
        string? asked = null;

        // Act
        await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(Custom), Yes: false), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions,
            question =>
            {
                asked = question;
                return answer;
            },
            default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(asked, Is.EqualTo("Write this configuration to " + environment.Fake.Steps.Count + " steps of " + environment.Url + "?"));
            Assert.That(environment.Fake.Journal.Entries.Count(e => e.Method == "PATCH"), Is.EqualTo(answer ? environment.Fake.Steps.Count : 0));
        });
    }

    [Test]
    public async Task Apply_AManagedStepNotCustomizable_RefusedBeforeWritingAny()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.Steps.Single(s => s.Name.EndsWith("ContactRollupPlugin: Delete of contact", StringComparison.Ordinal)).IsCustomizable = false;
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(Custom), Yes: true), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, null, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(cli.Error, Does.Contain("The step 'ContactRollupPlugin: Delete of contact' is not customizable in the managed solution, so no configuration can be written to it; nothing was changed."));
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Method == "PATCH"), Is.Empty);
        });
    }

    [Test]
    public async Task Apply_EveryStepAlreadyHasIt_WritesNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        foreach (var step in environment.Fake.Steps)
        {
            step.Configuration = Custom;
        }

        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(Custom), Yes: true), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, null, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(cli.Output, Does.Contain("already has this configuration; nothing to write."));
            Assert.That(environment.Fake.Journal.Entries.Where(e => e.Method == "PATCH"), Is.Empty);
        });
    }

    [Test]
    public void SolutionSteps_AreCustomizable_SoSettingsApplyCanWriteThem()
    {
        // Arrange
        var folder = Path.Combine(SolutionSource.SourceFolder(FakeEnvironment.RepositoryRoot), "SdkMessageProcessingSteps");

        // Act
        var notCustomizable = Directory.GetFiles(folder, "*.xml")
            .Select(XDocument.Load)
            .Where(d => d.Root!.Element("IsCustomizable")?.Value != "1")
            .Select(d => d.Root!.Attribute("Name")!.Value)
            .ToList();

        // Assert
        Assert.That(notCustomizable, Is.Empty);
    }

    private static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "crmrel-settings-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}

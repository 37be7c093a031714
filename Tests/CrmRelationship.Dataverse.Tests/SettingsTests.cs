using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Steps;
using CrmRelationship.FakeDataverse;
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

    private const string SiteVisits = "{\"touchpoints\": {\"activities\": {\"new_sitevisit\": 1}}}";

    [Test]
    public async Task Apply_CustomActivityTable_RegistersTheSolutionsThreeStepsAndThePreImage()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        var solution = FakeStep.FromSolution(FakeEnvironment.RepositoryRoot).Where(s => s.Name.StartsWith(ActivityStepShape.NamePrefix, StringComparison.Ordinal)).ToList();
        var before = fake.Steps.Count;
        using var cli = new Cli();

        // Act
        var code = await ApplyAsync(environment, cli, SiteVisits);

        // Assert
        var writes = Writes(fake);
        var firstWrite = fake.Journal.Entries.ToList().FindIndex(e => e.Method != "GET");
        var added = fake.Steps.Where(s => s.PrimaryEntity == "new_sitevisit").OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var twin = solution.Where(s => s.PrimaryEntity == "phonecall").OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var stepPosts = writes.Where(w => w.Method == "POST" && w.Path.EndsWith("/sdkmessageprocessingsteps", StringComparison.Ordinal)).Select(w => JsonNode.Parse(w.Body!)!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(fake.Journal.Entries.Take(firstWrite).Select(e => Uri.UnescapeDataString(e.Path + e.Query)),
                Has.Some.EndsWith("EntityDefinitions?$select=IsActivity,LogicalName&$filter=LogicalName eq 'new_sitevisit'"), "the table is checked before anything is written");
            Assert.That(writes.Count(w => w.Method == "PATCH"), Is.EqualTo(before), "every existing step gets the configuration");
            Assert.That(stepPosts, Has.Count.EqualTo(3));
            Assert.That(writes.Count(w => w.Method == "POST" && w.Path.EndsWith("/sdkmessageprocessingstepimages", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(fake.Steps, Has.Count.EqualTo(before + 3));
            Assert.That(added.Select(s => s.Name), Is.EqualTo(twin.Select(s => s.Name.Replace(" of phonecall", " of new_sitevisit", StringComparison.Ordinal))));
            Assert.That(added.Select(s => (s.Message, s.Stage, s.Mode, s.Rank, s.AsyncAutoDelete, s.FilteringAttributes, s.PluginTypeId)),
                Is.EqualTo(twin.Select(s => (s.Message, s.Stage, s.Mode, s.Rank, s.AsyncAutoDelete, s.FilteringAttributes, s.PluginTypeId))), "registered as the solution registers phonecall");
            Assert.That(added.Select(s => s.Configuration).Distinct(), Is.EqualTo(new[] { SiteVisits }));
            Assert.That(stepPosts.Select(p => (string?)p["sdkmessagefilterid@odata.bind"]),
                Is.EqualTo(new[] { "Create", "Update", "Delete" }.Select(m => "/sdkmessagefilters(" + fake.MessageFilterId("new_sitevisit", m).ToString("D") + ")")));
            var image = added.Single(s => s.Message == "Delete").Images.Single();
            var phonecallImage = twin.Single(s => s.Message == "Delete").Images.Single();
            Assert.That((image.Name, image.EntityAlias, image.ImageType, image.MessagePropertyName), Is.EqualTo((phonecallImage.Name, phonecallImage.EntityAlias, phonecallImage.ImageType, phonecallImage.MessagePropertyName)));
            Assert.That(image.Attributes, Is.EqualTo("statecode,from,to,cc,requiredattendees,optionalattendees,organizer"));
            Assert.That(added.Where(s => s.Message != "Delete").SelectMany(s => s.Images), Is.Empty);
            Assert.That(cli.Output, Does.Contain("new_sitevisit").And.Contain("Create, Update, Delete (with its pre-image)"), "the plan names the steps to add");
            Assert.That(cli.Output, Does.Contain("Registered the activity steps on new_sitevisit."));
        });
    }

    [TestCase("{}", TestName = "Apply_CustomTableNoLongerNamed_RemovesItsStepsOnly")]
    [TestCase("{\"touchpoints\": {\"activities\": {\"new_sitevisit\": 0}}}", TestName = "Apply_CustomTableWeightedZero_RemovesItsStepsOnly")]
    public async Task Apply_CustomTableNotCounted_RemovesItsSteps(string json)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        using (var first = new Cli())
        {
            Assert.That(await ApplyAsync(environment, first, SiteVisits), Is.Zero, first.Error);
        }

        var registered = fake.Steps.Where(s => s.PrimaryEntity == "new_sitevisit").Select(s => s.Id).ToList();
        var solutionSteps = fake.Steps.Where(s => s.PrimaryEntity != "new_sitevisit").Select(s => s.Id).ToList();
        fake.Journal.Clear();
        using var cli = new Cli();

        // Act
        var code = await ApplyAsync(environment, cli, json);

        // Assert
        var deletes = Writes(fake).Where(w => w.Method == "DELETE").Select(w => w.Path).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(deletes, Is.EquivalentTo(registered.Select(id => FakeDataverse.FakeDataverse.Root + "sdkmessageprocessingsteps(" + id.ToString("D") + ")")));
            Assert.That(fake.Steps.Select(s => s.Id), Is.EquivalentTo(solutionSteps), "the solution's steps, phonecall, appointment and email included, stay");
            Assert.That(Writes(fake).Where(w => w.Method == "POST"), Is.Empty);
            Assert.That(fake.Journal.Entries.Where(e => e.Path.Contains("EntityDefinitions", StringComparison.Ordinal)), Is.Empty, "removing needs no table check");
            Assert.That(cli.Output, Does.Contain("Removed them from new_sitevisit."));
        });
    }

    [TestCase(false, "new_project is not an activity table, so its records are never touchpoints; name an activity table (one created as an activity); nothing was changed.")]
    [TestCase(null, "there is no table new_project in ")]
    public async Task Apply_TableThatCannotHaveTheSteps_RefusedNamingTheKey_NothingWritten(bool? isActivity, string reason)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        if (isActivity is { } activity)
        {
            fake.EntityDefinitions["new_project"] = activity;
        }

        var path = Write("{\"touchpoints\": {\"activities\": {\"new_sitevisit\": 1, \"new_project\": 2}}}");
        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), path, Yes: true), cli.Console, Cli.Environment(fake), FakeEnvironment.FastOptions, null, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            var sentence = cli.Error.Trim().Split('\n')[^1];
            Assert.That(sentence, Does.StartWith("crmrel settings apply: Fix the setting 'touchpoints.activities.new_project' in " + path + " and run again: "));
            Assert.That(sentence, Does.Contain(reason));
            Assert.That(sentence, Does.EndWith("; nothing was changed."));
            Assert.That(cli.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one sentence, no logged failure before it");
            Assert.That(fake.Journal.Entries.Where(e => e.Method != "GET"), Is.Empty, "nothing is written, not even the other table's steps or the configuration");
        });
    }

    [Test]
    public async Task Apply_SameFileTwice_SecondRunWritesNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        using (var first = new Cli())
        {
            Assert.That(await ApplyAsync(environment, first, SiteVisits), Is.Zero, first.Error);
        }

        var steps = fake.Steps.Count;
        fake.Journal.Clear();
        using var cli = new Cli();

        // Act
        var code = await ApplyAsync(environment, cli, SiteVisits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(Writes(fake), Is.Empty);
            Assert.That(fake.Steps, Has.Count.EqualTo(steps));
            Assert.That(cli.Output, Does.Contain("already has this configuration (every activity table the settings count has its steps); nothing to write."));
            Assert.That(fake.Journal.Entries.Count(e => e.Path.EndsWith("/sdkmessageprocessingstepimages", StringComparison.Ordinal)), Is.EqualTo(1), "one read: the Delete step has its pre-image");
        });
    }

    [TestCase(3, "added the step 'ActivityTouchpointsPlugin: Create of new_sitevisit'; added the step 'ActivityTouchpointsPlugin: Update of new_sitevisit'.")]
    [TestCase(4, "added the step 'ActivityTouchpointsPlugin: Create of new_sitevisit'; added the step 'ActivityTouchpointsPlugin: Update of new_sitevisit'; added the step 'ActivityTouchpointsPlugin: Delete of new_sitevisit'.")]
    public async Task Apply_RefusedMidWay_SaysWhatWasDone_RunningAgainFinishes(int failingPost, string lastDone)
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        foreach (var step in fake.Steps)
        {
            step.Configuration = SiteVisits;
        }

        fake.Faults.Add(new FaultRule { Kind = FaultKind.MissingPrivilege, Match = r => r.Method == "POST", Every = failingPost, Times = 1 });
        using var cli = new Cli();

        // Act
        var code = await ApplyAsync(environment, cli, SiteVisits);
        var stepsAfterFailure = fake.Steps.Count(s => s.PrimaryEntity == "new_sitevisit");
        fake.Journal.Clear();
        using var again = new Cli();
        var rerun = await ApplyAsync(environment, again, SiteVisits);

        // Assert
        var error = string.Join(" ", cli.Error.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var added = fake.Steps.Where(s => s.PrimaryEntity == "new_sitevisit").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("because your user lacks a privilege"));
            Assert.That(error, Does.Contain("Before that, apply " + lastDone.TrimEnd('.') + ". Run crmrel settings apply again with the same file to finish: it writes only what is still missing."));
            Assert.That(stepsAfterFailure, Is.EqualTo(failingPost == 3 ? 2 : 3));
            Assert.That(rerun, Is.Zero, again.Error);
            Assert.That(Writes(fake).Select(w => w.Path[FakeDataverse.FakeDataverse.Root.Length..]),
                Is.EqualTo(failingPost == 3 ? new[] { "sdkmessageprocessingsteps", "sdkmessageprocessingstepimages" } : new[] { "sdkmessageprocessingstepimages" }), "the rerun adds only what is missing");
            Assert.That(added.Select(s => s.Message), Is.EquivalentTo(new[] { "Create", "Update", "Delete" }));
            Assert.That(added.Single(s => s.Message == "Delete").Images, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Apply_WithoutYes_ShowsThePlanPerTable_AsksBeforeWriting()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        var fake = environment.Fake;
        fake.EntityDefinitions["new_sitevisit"] = true;
        fake.EntityDefinitions["new_demo"] = true;
        using (var first = new Cli())
        {
            Assert.That(await ApplyAsync(environment, first, "{\"touchpoints\": {\"activities\": {\"new_demo\": 1}}}"), Is.Zero, first.Error);
        }

        foreach (var step in fake.Steps)
        {
            step.Configuration = SiteVisits;
        }

        fake.Journal.Clear();
        using var cli = new Cli();
        string? asked = null;

        // Act
        await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(SiteVisits), Yes: false), cli.Console, Cli.Environment(fake), FakeEnvironment.FastOptions,
            question =>
            {
                asked = question;
                return false;
            },
            default);

        // Assert
        var rows = cli.Output.Split('\n').Select(l => string.Join(" ", l.Split(new[] { ' ', '│', '|' }, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(asked, Is.EqualTo("Add 3 steps and remove 3 steps in " + environment.Url + "?"));
            Assert.That(rows, Has.Member("new_demo - Create, Update, Delete"));
            Assert.That(rows, Has.Member("new_sitevisit Create, Update, Delete (with its pre-image) -"));
            Assert.That(Writes(fake), Is.Empty);
        });
    }

    [Test]
    public async Task Show_ListsTheActivityTablesWithSteps()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync();
        environment.Fake.EntityDefinitions["new_sitevisit"] = true;
        using (var first = new Cli())
        {
            Assert.That(await ApplyAsync(environment, first, SiteVisits), Is.Zero, first.Error);
        }

        using var cli = new Cli();

        // Act
        var code = await SettingsCommand.ShowAsync(new ConnectionRequest(null), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(cli.Output, Does.Contain("Activity tables with touchpoint steps: appointment, email, phonecall, new_sitevisit."));
        });
    }

    [Test]
    public void ActivityStepShape_IsHowTheSolutionRegistersThePluginOnItsThreeTables()
    {
        // Arrange
        var solution = SolutionSource.LoadSteps(SolutionSource.SourceFolder(FakeEnvironment.RepositoryRoot))
            .Where(s => s.PluginClassName == ActivityStepShape.PluginTypeName).ToList();

        // Act
        var differing = solution.Where(s =>
                s.Name != ActivityStepShape.StepName(s.Message, s.PrimaryEntity)
                || s.Stage != ActivityStepShape.Stage || s.Mode != ActivityStepShape.Mode || s.Rank != ActivityStepShape.Rank
                || (s.AsyncAutoDelete == 1) != ActivityStepShape.AsyncAutoDelete
                || string.Join(",", s.FilteringAttributes) != ActivityStepShape.FilteringAttributes(s.Message)
                || s.Images.Count != (s.Message == ActivityStepShape.Delete ? 1 : 0)
                || s.Images.Any(i => i.Name != ActivityStepShape.ImageName || i.EntityAlias != ActivityStepShape.ImageName || i.ImageType != ActivityStepShape.PreImageType
                    || i.MessagePropertyName != ActivityStepShape.ImageMessageProperty || !i.Attributes.All(ActivityStepShape.PreImageColumns.Contains)))
            .Select(s => s.Name)
            .ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(solution.Select(s => s.PrimaryEntity).Distinct().OrderBy(t => t, StringComparer.Ordinal), Is.EqualTo(ActivityStepShape.BuiltInTables));
            Assert.That(solution.Select(s => (s.PrimaryEntity, s.Message)), Is.EquivalentTo(ActivityStepShape.BuiltInTables.SelectMany(t => ActivityStepShape.Messages.Select(m => (t, m)))));
            Assert.That(differing, Is.Empty);
        });
    }

    private static async Task<int> ApplyAsync(FakeEnvironment environment, Cli cli, string json) =>
        await SettingsCommand.ApplyAsync(
            new SettingsApplyRequest(new ConnectionRequest(null), Write(json), Yes: true), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, null, default);

    /// <summary>The requests that reached the route and could change something (POST, PATCH, DELETE), carried out or refused.</summary>
    private static List<JournalEntry> Writes(FakeDataverse.FakeDataverse fake) =>
        fake.Journal.Entries.Where(e => e.Method != "GET" && e.Status is >= 200 and < 300).ToList();

    private static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "crmrel-settings-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}

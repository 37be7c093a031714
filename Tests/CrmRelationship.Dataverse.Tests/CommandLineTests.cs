using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Tests.Support;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Deploy.Commands;
using CrmRelationship.FakeDataverse;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests;

/// <summary>The three commands as an admin types them: options, summary, exit codes, and no secret anywhere.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CommandLineTests
{
    [Test]
    public async Task Recalc_ThroughCrmrel_SummaryTableAndExitCode0_ThenDryRunFindsNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 500, accounts: 20);
        using var first = new Cli();
        using var second = new Cli();
        using var variables = new Variables(("DATAVERSE_TOKEN", environment.Fake.Token), ("DATAVERSE_URL", environment.Fake.Url.ToString()));

        // Act
        var code = CrmRelCli.Run(new[] { "recalc", "--out", environment.Output }, first.Console);
        var dryRun = CrmRelCli.Run(new[] { "recalc", "--dry-run", "--out", environment.Output, "--max-parallel", "2" }, second.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, first.Error);
            Assert.That(first.Output, Does.Contain("Recalculated the active contacts and accounts of " + environment.Url));
            Assert.That(first.Output, Does.Match(@"│ Contacts\s*│\s*[\d,]+\s*│\s*[\d,]+\s*│\s*[\d,]+\s*│\s*0\s*│"));
            Assert.That(first.Output, Does.Contain("Requests: "));
            Assert.That(first.Output, Does.Contain("parallelism 4 (x-ms-dop-hint 8)"));
            Assert.That(dryRun, Is.Zero, second.Error);
            Assert.That(second.Output, Does.Match(@"│ Contacts\s*│\s*[\d,]+\s*│\s*0\s*│"));
            Assert.That(second.Output, Does.Contain("parallelism 2"));
            Assert.That(second.Output, Does.Contain("Dry run: nothing was written."));
        });
    }

    [Test]
    public async Task ExpiredToken_Exit1_OneSentence_TokenNowhereInOutputOrFiles()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 50, accounts: 5);
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Times = 1 });
        environment.Fake.Faults.Add(new FaultRule { Kind = FaultKind.ExpiredToken, Match = r => r.IsUpdateMultiple });
        using var cli = new Cli();

        // Act
        var code = await RecalcCommand.ExecuteAsync(
            new RecalcRequest(new ConnectionRequest(null), environment.Output, false, false), cli.Console, Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, default);

        // Assert
        var files = Directory.GetFiles(environment.Output).Select(File.ReadAllText).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(cli.Error, Does.StartWith("crmrel recalc: Dataverse refused the sign-in for " + environment.Url));
            Assert.That(cli.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
            Assert.That(files.Any(f => f.Contains("client-request-id", StringComparison.Ordinal)), Is.True, "recalc.log names the failed requests");
            Assert.That(cli.Output + cli.Error, Does.Not.Contain(environment.Fake.Token));
            Assert.That(files, Has.None.Contains(environment.Fake.Token));
        });
    }

    [Test]
    public async Task InteractiveConsole_ProgressThenSummary()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 3000, accounts: 30);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Out = new Spectre.Console.AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        console.Profile.Capabilities.Interactive = true;

        // Act
        var code = await RecalcCommand.ExecuteAsync(
            new RecalcRequest(new ConnectionRequest(null), environment.Output, false, false), new CliConsole(console, output, error),
            Cli.Environment(environment.Fake), FakeEnvironment.FastOptions, default);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error.ToString());
            Assert.That(output.ToString(), Does.Contain("Contacts: read "), "the progress bar's task");
            Assert.That(output.ToString(), Does.Contain("Recalculated the active contacts and accounts of "));
        });
    }

    [TestCase("recalc")]
    [TestCase("export")]
    [TestCase("settings show")]
    public void TokenOnTheCommandLine_NotAnOption(string command)
    {
        // Arrange
        using var cli = new Cli();
        var args = command.Split(' ').Concat(new[] { "--token", "secret-value", "--url", "https://contoso.crm.dynamics.com" }).ToArray();

        // Act
        var code = CrmRelCli.Run(args, cli.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(cli.Error, Does.Contain("--token"));
        });
    }

    [Test]
    public async Task Export_ThroughCrmrel_WritesBothFilesAndSaysHowToScoreThem()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 100, accounts: 8);
        using var cli = new Cli();
        using var variables = new Variables(("DATAVERSE_TOKEN", environment.Fake.Token), ("DATAVERSE_URL", null));

        // Act
        var code = CrmRelCli.Run(new[] { "export", "--url", environment.Fake.Url.ToString(), "--out", environment.Output }, cli.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, cli.Error);
            Assert.That(File.Exists(Path.Combine(environment.Output, "contacts.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(environment.Output, "accounts.csv")), Is.True);
            Assert.That(cli.Output, Does.Contain("Try settings on them with: crmrel score --contacts "));
        });
    }

    [Test]
    public void NoEnvironmentGiven_Exit1_SaysWhatToPass()
    {
        // Arrange
        using var cli = new Cli();
        using var variables = new Variables(("DATAVERSE_TOKEN", "x"), ("DATAVERSE_URL", null));
        var output = Path.Combine(Path.GetTempPath(), "crmrel-nourl-" + Guid.NewGuid().ToString("N"));

        // Act
        var code = CrmRelCli.Run(new[] { "recalc", "--out", output }, cli.Console);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(cli.Error.Trim(), Is.EqualTo("crmrel recalc: No environment given: pass --url https://<org>.crm.dynamics.com or set DATAVERSE_URL."));
        });
        Directory.Delete(output, recursive: true);
    }

    /// <summary>Sets process environment variables for one test and restores them after.</summary>
    private sealed class Variables : IDisposable
    {
        private readonly (string Name, string? Value)[] saved;

        public Variables(params (string Name, string? Value)[] values)
        {
            saved = values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

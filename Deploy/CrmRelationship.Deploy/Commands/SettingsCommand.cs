using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Steps;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Scoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel settings show | check FILE | apply FILE [--yes]</c>: the administrator settings of relationship-model.md §8
/// as the plug-in steps hold them. <c>check</c> validates a file with the plug-ins' own parser
/// (<see cref="ScoringSettings.Parse"/>); <c>apply</c> shows what changes, asks, and writes the same validated JSON to
/// every step of the assembly. Failed requests are logged on stderr with their client-request-id.
/// Exit codes: 0 done (show: the steps agree), 2 show: the steps disagree or one is invalid, 1 nothing done.
/// </summary>
public sealed class SettingsCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var command = new Command("settings", "Show, check or apply the administrator settings (matrix, highPowerWeight, healthWeights) of the plug-in steps.");

        var showConnection = new ConnectionOptions();
        var show = new Command("show", "Print each step's configuration and whether they all score by the same settings (exit code 2 when they do not).");
        showConnection.AddTo(show);
        show.SetAction((parse, token) => ShowAsync(showConnection.Read(parse), console, Environment.GetEnvironmentVariable, null, token));

        var checkFile = new Argument<string>("FILE") { Description = "The settings JSON to validate." };
        var check = new Command("check", "Validate a settings JSON file with the plug-ins' own rules; the message names the key at fault.") { checkFile };
        check.SetAction(parse => Check(parse.GetValue(checkFile)!, console));

        var applyConnection = new ConnectionOptions();
        var applyFile = new Argument<string>("FILE") { Description = "The settings JSON to write to every step." };
        var yes = new Option<bool>("--yes") { Description = "Write without asking." };
        var apply = new Command("apply", "Show what changes, ask, and write the settings JSON to every step of the plug-in assembly.") { applyFile, yes };
        applyConnection.AddTo(apply);
        apply.SetAction((parse, token) => ApplyAsync(
            new SettingsApplyRequest(applyConnection.Read(parse), parse.GetValue(applyFile)!, parse.GetValue(yes)),
            console,
            Environment.GetEnvironmentVariable,
            null,
            console.Out.Profile.Capabilities.Interactive ? question => console.Out.Confirm(question, defaultValue: false) : null,
            token));

        command.Subcommands.Add(show);
        command.Subcommands.Add(check);
        command.Subcommands.Add(apply);
        return command;
    }

    public static async Task<int> ShowAsync(
        ConnectionRequest connection, CliConsole console, Func<string, string?> environment, DataverseClientOptions? tuning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(console);
        return await Guard(console, "show", async () =>
        {
            using var client = await connection.ConnectAsync(environment, console.OutWriter.WriteLine, new RequestLog(console.Error), tuning, cancellationToken).ConfigureAwait(false);
            var configurations = StepConfigurations.Of(await PluginSteps.ReadAsync(client, cancellationToken).ConfigureAwait(false));
            var table = new Table().AddColumn("Step").AddColumn("Configuration").AddColumn("Means");
            foreach (var step in configurations.Steps)
            {
                var invalid = configurations.Invalid.FirstOrDefault(i => i.Step == step);
                var means = invalid.Error is not null ? "refused: " + invalid.Error.Message : StepConfigurations.Describe(ScoringSettings.Parse(step.EffectiveConfiguration));
                table.AddRow(new IRenderable[] { new Text(step.ShortName), new Text(step.EffectiveConfiguration.Length == 0 ? "(empty)" : step.EffectiveConfiguration), new Text(means) });
            }

            console.Out.Write(table);
            var disagreement = configurations.Disagreement();
            console.Out.Write(new Text(disagreement ?? "All " + configurations.Steps.Count.ToString(CultureInfo.InvariantCulture)
                + " steps score by the same settings: " + StepConfigurations.Describe(configurations.Settings) + ".\n"));
            if (disagreement is not null)
            {
                console.Out.WriteLine();
            }

            return disagreement is null ? 0 : 2;
        }).ConfigureAwait(false);
    }

    /// <summary>Validates a settings file with the plug-ins' parser; no connection.</summary>
    public static int Check(string path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var (_, settings) = Read(path);
            console.Out.Write(new Text(path + " is valid: " + StepConfigurations.Describe(settings) + ".\n"));
            return 0;
        }
        catch (DataverseException ex)
        {
            console.Error.WriteLine("crmrel settings: " + ex.Message);
            return 1;
        }
    }

    public static async Task<int> ApplyAsync(
        SettingsApplyRequest request, CliConsole console, Func<string, string?> environment, DataverseClientOptions? tuning, Func<string, bool>? confirm,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        return await Guard(console, "apply", async () =>
        {
            var (json, settings) = Read(request.Path);
            using var client = await request.Connection.ConnectAsync(environment, console.OutWriter.WriteLine, new RequestLog(console.Error), tuning, cancellationToken)
                .ConfigureAwait(false);
            var steps = StepConfigurations.Of(await PluginSteps.ReadAsync(client, cancellationToken).ConfigureAwait(false)).Steps;
            var locked = steps.Where(s => !s.ConfigurationWritable).ToList();
            if (locked.Count > 0)
            {
                throw new DataverseException(
                    "The step" + (locked.Count == 1 ? " " : "s ") + string.Join(", ", locked.Select(s => "'" + s.ShortName + "'"))
                    + (locked.Count == 1 ? " is" : " are") + " not customizable in the managed solution, so no configuration can be written to "
                    + (locked.Count == 1 ? "it" : "them") + "; nothing was changed. Install a version of the solution whose steps are customizable (this one's are).");
            }

            var changing = steps.Where(s => !string.Equals(s.EffectiveConfiguration, json, StringComparison.Ordinal)).ToList();
            if (changing.Count == 0)
            {
                console.Out.Write(new Text("Every one of the " + steps.Count.ToString(CultureInfo.InvariantCulture) + " steps already has this configuration; nothing to write.\n"));
                return 0;
            }

            var table = new Table().AddColumn("Step").AddColumn("Now").AddColumn("After");
            foreach (var step in changing)
            {
                table.AddRow(new IRenderable[] { new Text(step.ShortName), new Text(Meaning(step)), new Text(StepConfigurations.Describe(settings)) });
            }

            console.Out.Write(table);
            var question = "Write this configuration to " + changing.Count.ToString(CultureInfo.InvariantCulture) + " step" + (changing.Count == 1 ? string.Empty : "s") + " of " + client.Url + "?";
            if (!request.Yes)
            {
                if (confirm is null)
                {
                    throw new DataverseException("This console cannot ask whether to write; nothing was changed. Run crmrel settings apply again with --yes to write without asking.");
                }

                if (!confirm(question))
                {
                    console.Out.Write(new Text("Nothing was changed.\n"));
                    return 1;
                }
            }

            foreach (var step in changing)
            {
                await PluginSteps.WriteConfigurationAsync(client, step, json, cancellationToken).ConfigureAwait(false);
            }

            console.Out.Write(new Text(
                "Wrote the configuration to " + changing.Count.ToString(CultureInfo.InvariantCulture) + " steps; every step now scores by: " + StepConfigurations.Describe(settings)
                + ". Stored scores keep the old settings until recalculated: run crmrel recalc.\n"));
            return 0;
        }).ConfigureAwait(false);
    }

    private static string Meaning(PluginStep step)
    {
        try
        {
            return StepConfigurations.Describe(ScoringSettings.Parse(step.EffectiveConfiguration));
        }
        catch (ScoringSettingsException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    /// <summary>The file's JSON, trimmed, and what the plug-ins make of it; refused with the key named.</summary>
    private static (string Json, ScoringSettings Settings) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataverseException("The settings file " + path + " cannot be read (" + ex.Message.TrimEnd('.') + "); check the path.", ex);
        }

        try
        {
            return (text.Trim(), ScoringSettings.Parse(text));
        }
        catch (ScoringSettingsException ex)
        {
            throw new DataverseException("Fix the setting '" + ex.Key + "' in " + path + " and run again: " + ex.Message.TrimEnd('.') + ".", ex);
        }
    }

    private static async Task<int> Guard(CliConsole console, string verb, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (DataverseException ex)
        {
            console.Error.WriteLine("crmrel settings " + verb + ": " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("crmrel settings " + verb + ": interrupted.");
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("settings " + verb, "working on the settings", ex);
        }
    }
}

/// <summary>The options of <c>crmrel settings apply</c>, as typed.</summary>
public sealed record SettingsApplyRequest(ConnectionRequest Connection, string Path, bool Yes);

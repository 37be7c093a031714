using System;
using System.Collections.Generic;
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
/// (<see cref="ScoringSettings.Parse"/>); <c>apply</c> shows what changes, asks, writes the same validated JSON to
/// every step of the assembly and registers ActivityTouchpointsPlugin on the custom activity tables the settings count
/// (<see cref="ActivityTableSteps"/>); <c>show</c> also lists the activity tables that have its steps. Failed requests are logged on stderr with their client-request-id.
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
        var apply = new Command("apply", "Show what changes, ask, write the settings JSON to every step of the plug-in assembly, and register the activity steps on the custom activity tables the settings count (removing them from tables no longer counted).") { applyFile, yes };
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

            var tables = ActivityTableSteps.TablesWithSteps(configurations.Steps);
            console.Out.Write(new Text("Activity tables with touchpoint steps: " + (tables.Count == 0 ? "none" : string.Join(", ", tables)) + ".\n"));

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
            var plan = await ActivityTableSteps.PlanAsync(client, steps, settings, request.Path, cancellationToken).ConfigureAwait(false);
            if (changing.Count == 0 && plan.IsEmpty)
            {
                console.Out.Write(new Text("Every one of the " + steps.Count.ToString(CultureInfo.InvariantCulture) + " steps already has this configuration"
                    + (ActivityTableSteps.Wanted(settings).Count > 0 ? " (every activity table the settings count has its steps)" : string.Empty) + "; nothing to write.\n"));
                return 0;
            }

            if (changing.Count > 0)
            {
                var table = new Table().AddColumn("Step").AddColumn("Now").AddColumn("After");
                foreach (var step in changing)
                {
                    table.AddRow(new IRenderable[] { new Text(step.ShortName), new Text(Meaning(step)), new Text(StepConfigurations.Describe(settings)) });
                }

                console.Out.Write(table);
            }

            if (!plan.IsEmpty)
            {
                console.Out.Write(PlanTable(plan));
            }

            var question = Question(changing.Count, plan) + (plan.IsEmpty ? " of " : " in ") + client.Url + "?";
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

            var done = new List<string>();
            try
            {
                foreach (var step in changing)
                {
                    await PluginSteps.WriteConfigurationAsync(client, step, json, cancellationToken).ConfigureAwait(false);
                    done.Add("wrote the configuration to '" + step.ShortName + "'");
                }

                await ActivityTableSteps.ApplyAsync(client, plan, json, done, cancellationToken).ConfigureAwait(false);
            }
            catch (DataverseException ex) when (done.Count > 0)
            {
                throw new DataverseException(
                    ex.Message + " Before that, apply " + string.Join("; ", done) + ". Run crmrel settings apply again with the same file to finish: it writes only what is still missing.",
                    ex);
            }

            var said = new List<string>();
            if (changing.Count > 0)
            {
                said.Add("Wrote the configuration to " + PluginSteps.Count(changing.Count, "step") + "; every step now scores by: " + StepConfigurations.Describe(settings) + ".");
            }

            if (!plan.IsEmpty)
            {
                said.Add(Registered(plan) + ".");
            }

            said.Add("Stored scores keep the old settings until recalculated: run crmrel recalc.");
            console.Out.Write(new Text(string.Join(" ", said) + "\n"));
            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>"Write this configuration to 16 steps", "…, add 3 steps and remove 3 steps", or "Add 3 steps" alone.</summary>
    private static string Question(int configurations, ActivityStepPlan plan)
    {
        var parts = new List<string>();
        if (configurations > 0)
        {
            parts.Add("write this configuration to " + PluginSteps.Count(configurations, "step"));
        }

        if (plan.StepsToAdd > 0)
        {
            parts.Add("add " + PluginSteps.Count(plan.StepsToAdd, "step"));
        }

        if (plan.ImagesToAdd > 0)
        {
            parts.Add("add " + PluginSteps.Count(plan.ImagesToAdd, "missing pre-image"));
        }

        if (plan.StepsToRemove > 0)
        {
            parts.Add("remove " + PluginSteps.Count(plan.StepsToRemove, "step"));
        }

        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Per custom activity table: the steps to add and to remove.</summary>
    private static Table PlanTable(ActivityStepPlan plan)
    {
        var table = new Table().AddColumn("Activity table").AddColumn("Steps to add").AddColumn("Steps to remove");
        foreach (var change in plan.Tables)
        {
            var add = change.Add.Select(a => a.Message + (a.Message == ActivityStepShape.Delete ? " (with its pre-image)" : string.Empty)).ToList();
            if (change.ImageFor is not null)
            {
                add.Add("the Delete step's missing pre-image");
            }

            var remove = change.Remove.Select(r => r.Message ?? r.ShortName).ToList();
            table.AddRow(new IRenderable[]
            {
                new Text(change.Table),
                new Text(add.Count == 0 ? "-" : string.Join(", ", add)),
                new Text(remove.Count == 0 ? "-" : string.Join(", ", remove)),
            });
        }

        return table;
    }

    private static string Registered(ActivityStepPlan plan)
    {
        var parts = new List<string>();
        var added = plan.Tables.Where(t => t.Add.Count > 0 || t.ImageFor is not null).Select(t => t.Table).ToList();
        var removed = plan.Tables.Where(t => t.Remove.Count > 0).Select(t => t.Table).ToList();
        if (added.Count > 0)
        {
            parts.Add("Registered the activity steps on " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            parts.Add((parts.Count == 0 ? "Removed" : "removed") + " them from " + string.Join(", ", removed));
        }

        return string.Join("; ", parts);
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

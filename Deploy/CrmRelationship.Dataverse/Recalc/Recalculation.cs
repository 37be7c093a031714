using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Steps;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// <c>crmrel recalc</c>: brings every active contact and account up to date with the current rules and the steps'
/// settings. Reads the steps' configuration (stops when they disagree), checks that its writes run no step of ours,
/// reads contacts then accounts page by page, scores them with the Scoring library as a save would (level history
/// from the stored level; accounts through the one account function, from the contacts' new values), and writes only
/// the records whose computed values differ, only their computed columns, through <see cref="BatchWriter"/>.
/// </summary>
public static class Recalculation
{
    public const string LogFileName = "recalc.log";
    public const string BypassPrivilege = "prvBypassCustomBusinessLogic";
    private const string BypassHeader = "MSCRM.BypassBusinessLogicExecution";

    /// <summary>The full path of the output folder, created if missing.</summary>
    public static string PrepareOutput(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataverseException("The output folder " + directory + " cannot be created (" + ex.Message.TrimEnd('.') + "); choose another with --out.", ex);
        }
    }

    /// <summary>
    /// Runs recalc. A failure that stops the run is a <see cref="DataverseException"/> whose sentence says what to do
    /// (and, once records were written, that --resume finishes the run); cancelling <paramref name="cancellationToken"/>
    /// (Ctrl+C) stops it with what was written kept in the checkpoint (<see cref="RecalcResult"/> is then Interrupted).
    /// </summary>
    public static async Task<RecalcResult> RunAsync(DataverseClient client, RecalcOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var output = PrepareOutput(options.OutputDirectory);

        var steps = await PluginSteps.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var configurations = StepConfigurations.Of(steps);
        if (configurations.Disagreement() is { } disagreement)
        {
            throw new DataverseException(disagreement);
        }

        var settings = configurations.Settings;
        var fingerprint = StepConfigurations.Fingerprint(settings);
        var warnings = new List<string>();
        var touchpointSteps = new List<FiredStep>();
        var headers = await BypassAsync(client, steps, options.DryRun, warnings, touchpointSteps, cancellationToken).ConfigureAwait(false);

        using var checkpoint = OpenCheckpoint(client, options, output, fingerprint);
        var scoredOn = checkpoint?.ScoredOn ?? Whole(options.Now ?? DateTime.UtcNow);
        using var changes = options.DryRun ? new ChangesFile(Path.Combine(output, ChangesFile.FileName)) : null;
        var failedPath = Path.Combine(output, FailedFile.FileName);
        if (File.Exists(failedPath))
        {
            File.Delete(failedPath);
        }

        var run = new TableRun(client, options, new RelationshipScorer(settings), scoredOn, checkpoint, changes, headers, cancellationToken);
        var interrupted = false;
        try
        {
            await run.ExecuteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }
        catch (DataverseException ex) when (checkpoint is not null && run.WrittenTotal > 0)
        {
            throw new DataverseException(
                ex.Message + " " + run.WrittenTotal + " records were written before the run stopped; fix this and run crmrel recalc --resume --out "
                + output + " to finish.",
                ex.Kind, ex.StatusCode, ex.Code, ex.ClientRequestId, ex);
        }

        if (run.OverAggregateLimit.Count > 0)
        {
            warnings.Add(run.OverAggregateLimit.Count + " contacts take part in more completed activities than one aggregate query may read (50,000), so their Touchpoints, Last touchpoint and Engagement were left as stored: "
                + string.Join(", ", run.OverAggregateLimit.Order().Take(10).Select(c => c.ToString("D"))) + (run.OverAggregateLimit.Count > 10 ? ", …" : string.Empty) + ".");
        }

        if (headers is null && touchpointSteps.Count > 0 && !options.DryRun && run.TouchpointsChanged > 0)
        {
            warnings.Add(run.TouchpointsChanged + " contacts' Touchpoints, Last touchpoint or Engagement changed; writing them ran "
                + string.Join("; ", touchpointSteps.Select(f => "'" + f.Step.ShortName + "'"))
                + " for each, as the solution registers them (they compute the values recalc wrote, the rollup with its reads of the account). Holding "
                + BypassPrivilege + " lets recalc send its writes with CustomSync bypassed and skip them.");
        }

        var failed = run.Failed.OrderBy(f => f.Table, StringComparer.Ordinal).ThenBy(f => f.Id).ToList();
        if (failed.Count > 0)
        {
            FailedFile.Write(failedPath, failed);
        }

        var finished = !interrupted && failed.Count == 0;
        if (finished)
        {
            checkpoint?.Delete();
        }

        return new RecalcResult
        {
            Contacts = run.Counts(Names.Contact),
            Accounts = run.Counts(Names.Account),
            Failed = failed,
            Retried = client.Log.Retries,
            Requests = client.RequestsSent,
            Elapsed = clock.Elapsed,
            DryRun = options.DryRun,
            Resumed = options.Resume,
            Interrupted = interrupted,
            ScoredOn = scoredOn,
            Settings = StepConfigurations.Describe(settings),
            Parallelism = client.Parallelism,
            ParallelismHint = client.ParallelismHint,
            BypassedCustomSync = headers is not null,
            Warnings = warnings,
            ChangesFile = changes?.Path,
            FailedFile = failed.Count > 0 ? failedPath : null,
            CheckpointFile = checkpoint is not null && !finished ? checkpoint.Path : null,
            LogFile = Path.Combine(output, LogFileName),
        };
    }

    /// <summary>
    /// The columns recalc writes fire none of our steps as Solution/src registers them. When an administrator changed a
    /// step so that they would, say so, and send the writes with CustomSync bypassed only if the user holds the privilege.
    /// </summary>
    /// <remarks>
    /// The contact's touchpoint columns are different: the solution registers the contact's scoring and rollup steps on
    /// them (relationship-model.md §9), so writing a recount runs both, computing what recalc writes itself. Those steps go
    /// to <paramref name="touchpointSteps"/>; recalc bypasses them when the user holds the privilege, and otherwise says
    /// after the run how many contacts' writes ran them.
    /// </remarks>
    private static async Task<IReadOnlyDictionary<string, string>?> BypassAsync(
        DataverseClient client, IReadOnlyList<PluginStep> steps, bool dryRun, List<string> warnings, List<FiredStep> touchpointSteps, CancellationToken cancellationToken)
    {
        var contactColumns = ScoreColumns.Contact.Select(c => c.Name).Append(Names.Computed.ScoredOn).ToList();
        var accountColumns = ScoreColumns.Account.Select(c => c.Name).Append(Names.Computed.ScoredOn).ToList();
        var fired = StepFiring.FiredBy(steps, Names.Contact, contactColumns).Concat(StepFiring.FiredBy(steps, Names.Account, accountColumns)).ToList();
        touchpointSteps.AddRange(StepFiring.FiredBy(steps, Names.Contact, Names.Touchpoints.Contact).Where(t => !fired.Any(f => ReferenceEquals(f.Step, t.Step))));
        if (fired.Count == 0)
        {
            if (touchpointSteps.Count == 0 || dryRun || !await HoldsBypassAsync(client, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new Dictionary<string, string>(StringComparer.Ordinal) { [BypassHeader] = "CustomSync" };
        }

        var names = string.Join("; ", fired.Select(f => "'" + f.Step.ShortName + "' (" + f.Reason + ")"));
        if (dryRun)
        {
            warnings.Add("Recalc's writes would run these steps: " + names + ". A dry run writes nothing.");
            return null;
        }

        if (await HoldsBypassAsync(client, cancellationToken).ConfigureAwait(false))
        {
            warnings.Add("Recalc's writes would run these steps: " + names + ". They are sent with " + BypassHeader
                + ": CustomSync (you hold " + BypassPrivilege + "), so no custom synchronous logic runs on them.");
            return new Dictionary<string, string>(StringComparer.Ordinal) { [BypassHeader] = "CustomSync" };
        }

        warnings.Add("Recalc's writes run these steps: " + names + ". You do not hold " + BypassPrivilege
            + ", so each write runs them (slower; with the same settings they compute the same values). Set the steps' filtering attributes back to the inputs, as the solution registers them, to avoid this.");
        return null;
    }

    private static async Task<bool> HoldsBypassAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var query = WebApiNames.SystemUsers + "(" + client.UserId.ToString("D") + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivilegeByPrivilegeName(PrivilegeName='"
            + BypassPrivilege + "')";
        using var answer = await client.GetJsonAsync(query, cancellationToken).ConfigureAwait(false);
        return answer.RootElement.TryGetProperty("RolePrivileges", out var privileges)
            && privileges.ValueKind == System.Text.Json.JsonValueKind.Array && privileges.GetArrayLength() > 0;
    }

    private static Checkpoint? OpenCheckpoint(DataverseClient client, RecalcOptions options, string output, string fingerprint)
    {
        var path = Checkpoint.PathIn(output);
        var environment = client.Url.ToString();
        if (options.DryRun)
        {
            return null;
        }

        if (!options.Resume)
        {
            if (File.Exists(path))
            {
                throw new DataverseException(
                    "An interrupted recalc left its checkpoint in " + output + ": run crmrel recalc --resume --out " + output
                    + " to finish it, or delete " + path + " to start over.");
            }

            return Checkpoint.Create(path, environment, Whole(options.Now ?? DateTime.UtcNow), fingerprint);
        }

        if (!File.Exists(path))
        {
            throw new DataverseException("There is no interrupted recalc to resume in " + output + " (no " + Checkpoint.FileName + "); run crmrel recalc without --resume.");
        }

        var checkpoint = Checkpoint.Resume(path);
        if (!string.Equals(checkpoint.Environment, environment, StringComparison.OrdinalIgnoreCase))
        {
            checkpoint.Dispose();
            throw new DataverseException(
                "The checkpoint in " + output + " belongs to a run on " + checkpoint.Environment + ", not " + environment
                + ": resume it with --url " + checkpoint.Environment + ", or use another --out.");
        }

        if (!string.Equals(checkpoint.Settings, fingerprint, StringComparison.Ordinal))
        {
            checkpoint.Dispose();
            throw new DataverseException(
                "The steps' settings changed since the interrupted run, so resuming would mix two sets of rules: delete " + path
                + " and run crmrel recalc without --resume to recalculate everything with the new settings.");
        }

        return checkpoint;
    }

    /// <summary>Whole seconds in UTC: what Dataverse keeps of a date and time.</summary>
    private static DateTime Whole(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// The ActivityTouchpointsPlugin steps on custom activity tables (relationship-model.md §9): every table other than
/// phonecall, appointment and email that <c>touchpoints.activities</c> weights above 0 gets the steps Solution/src
/// registers on those three (<see cref="ActivityStepShape"/>); a custom table no longer weighted (not named, or
/// weight 0) loses them. <see cref="PlanAsync"/> only reads, and refuses a table that does not exist or is not an
/// activity table before anything is written; <see cref="ApplyAsync"/> writes the plan and, when a request fails,
/// says what it had done, so that running it again finishes the work (it adds only what is missing).
/// </summary>
public static class ActivityTableSteps
{
    public const string EntityDefinitions = "EntityDefinitions";
    public const string MessageFilters = "sdkmessagefilters";
    public const string PluginTypes = "plugintypes";
    public const string Images = "sdkmessageprocessingstepimages";

    /// <summary>
    /// What apply changes on custom activity tables. Reads EntityDefinitions for every table that lacks a step, the
    /// message filters of the missing steps, the plug-in type once, and the pre-image of each existing Delete step.
    /// <paramref name="steps"/> are the assembly's steps as <see cref="PluginSteps.ReadAsync"/> read them;
    /// <paramref name="settingsFile"/> is named in a refusal.
    /// </summary>
    public static async Task<ActivityStepPlan> PlanAsync(
        DataverseClient client, IReadOnlyList<PluginStep> steps, ScoringSettings settings, string settingsFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(settings);
        var wanted = Wanted(settings);
        var registered = Registered(steps);
        var tables = new List<ActivityTableChange>();
        Guid? pluginType = null;
        foreach (var table in wanted)
        {
            var existing = registered.GetValueOrDefault(table) ?? new List<PluginStep>();
            var missing = ActivityStepShape.Messages.Where(m => !existing.Any(s => string.Equals(s.Message, m, StringComparison.OrdinalIgnoreCase))).ToList();
            var deleteStep = existing.FirstOrDefault(s => string.Equals(s.Message, ActivityStepShape.Delete, StringComparison.OrdinalIgnoreCase));
            var imageMissing = deleteStep is not null && !await HasPreImageAsync(client, deleteStep.Id, cancellationToken).ConfigureAwait(false);
            if (missing.Count == 0 && !imageMissing)
            {
                continue;
            }

            await CheckActivityTableAsync(client, table, settingsFile, cancellationToken).ConfigureAwait(false);
            var additions = new List<StepToAdd>();
            foreach (var message in missing)
            {
                pluginType ??= await PluginTypeIdAsync(client, cancellationToken).ConfigureAwait(false);
                var filter = await MessageFilterAsync(client, table, message, settingsFile, cancellationToken).ConfigureAwait(false);
                additions.Add(new StepToAdd(message, filter));
            }

            tables.Add(new ActivityTableChange(table, additions, imageMissing ? deleteStep!.Id : null, Array.Empty<PluginStep>()));
        }

        foreach (var (table, stale) in registered.Where(r => !wanted.Contains(r.Key, StringComparer.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var ordered = stale.OrderBy(s => Array.IndexOf(ActivityStepShape.Messages, s.Message)).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
            tables.Add(new ActivityTableChange(table, Array.Empty<StepToAdd>(), null, ordered));
        }

        return new ActivityStepPlan(tables.OrderBy(t => t.Table, StringComparer.Ordinal).ToList(), pluginType ?? Guid.Empty);
    }

    /// <summary>The custom activity tables the settings count (weight above 0), in ordinal order.</summary>
    public static IReadOnlyList<string> Wanted(ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Touchpoints.CountedTables.Where(t => !ActivityStepShape.IsBuiltIn(t)).ToList();
    }

    /// <summary>The custom activity tables that have steps of the plug-in now, with those steps.</summary>
    public static Dictionary<string, List<PluginStep>> Registered(IEnumerable<PluginStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps
            .Where(s => s.Name.StartsWith(ActivityStepShape.NamePrefix, StringComparison.Ordinal) && s.PrimaryEntity is not null && !ActivityStepShape.IsBuiltIn(s.PrimaryEntity))
            .GroupBy(s => s.PrimaryEntity!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Every activity table that has at least one step of the plug-in: the solution's three, then the custom ones.</summary>
    public static IReadOnlyList<string> TablesWithSteps(IEnumerable<PluginStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps
            .Where(s => s.Name.StartsWith(ActivityStepShape.NamePrefix, StringComparison.Ordinal) && s.PrimaryEntity is not null)
            .Select(s => s.PrimaryEntity!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => ActivityStepShape.IsBuiltIn(t) ? 0 : 1)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Removes, then adds, as planned; each new step carries <paramref name="configuration"/>. A failed request stops
    /// with one sentence: the failure, what was done before it, and that running apply again finishes the work.
    /// </summary>
    public static async Task ApplyAsync(DataverseClient client, ActivityStepPlan plan, string configuration, List<string> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(done);
        foreach (var change in plan.Tables)
        {
            foreach (var step in change.Remove)
            {
                await DeleteStepAsync(client, step.Id, cancellationToken).ConfigureAwait(false);
                done.Add("removed the step '" + step.ShortName + "'");
            }
        }

        foreach (var change in plan.Tables)
        {
            foreach (var add in change.Add)
            {
                var id = Guid.NewGuid();
                await PostAsync(client, WebApiNames.Steps, StepBody(id, change.Table, add, plan.PluginTypeId, configuration), cancellationToken).ConfigureAwait(false);
                done.Add("added the step '" + ActivityStepShape.StepName(add.Message, change.Table)[PluginSteps.NamePrefix.Length..] + "'");
                if (add.Message == ActivityStepShape.Delete)
                {
                    await PostAsync(client, Images, ImageBody(id), cancellationToken).ConfigureAwait(false);
                    done.Add("added its pre-image");
                }
            }

            if (change.ImageFor is { } deleteStep)
            {
                await PostAsync(client, Images, ImageBody(deleteStep), cancellationToken).ConfigureAwait(false);
                done.Add("added the pre-image of the Delete step of " + change.Table);
            }
        }
    }

    /// <summary>The body of the POST that registers one step: the shape of the solution's steps, bound by id.</summary>
    public static string StepBody(Guid id, string table, StepToAdd add, Guid pluginTypeId, string configuration)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(add);
        var body = new JsonObject
        {
            ["sdkmessageprocessingstepid"] = id.ToString("D"),
            ["name"] = ActivityStepShape.StepName(add.Message, table),
            ["description"] = ActivityStepShape.Description(add.Message, table),
            ["stage"] = ActivityStepShape.Stage,
            ["mode"] = ActivityStepShape.Mode,
            ["rank"] = ActivityStepShape.Rank,
            ["asyncautodelete"] = ActivityStepShape.AsyncAutoDelete,
            ["filteringattributes"] = ActivityStepShape.FilteringAttributes(add.Message) is { Length: > 0 } filtering ? filtering : null,
            ["configuration"] = string.IsNullOrWhiteSpace(configuration) ? null : configuration,
            ["sdkmessageid@odata.bind"] = "/sdkmessages(" + ActivityStepShape.MessageId(add.Message).ToString("D") + ")",
            ["sdkmessagefilterid@odata.bind"] = "/" + MessageFilters + "(" + add.FilterId.ToString("D") + ")",
            ["plugintypeid@odata.bind"] = "/" + PluginTypes + "(" + pluginTypeId.ToString("D") + ")",
        };
        return body.ToJsonString();
    }

    /// <summary>The body of the POST that gives a Delete step its pre-image.</summary>
    public static string ImageBody(Guid stepId) => new JsonObject
    {
        ["name"] = ActivityStepShape.ImageName,
        ["entityalias"] = ActivityStepShape.ImageName,
        ["imagetype"] = ActivityStepShape.PreImageType,
        ["messagepropertyname"] = ActivityStepShape.ImageMessageProperty,
        ["attributes"] = string.Join(",", ActivityStepShape.PreImageColumns),
        ["sdkmessageprocessingstepid@odata.bind"] = "/" + WebApiNames.Steps + "(" + stepId.ToString("D") + ")",
    }.ToJsonString();

    private static async Task CheckActivityTableAsync(DataverseClient client, string table, string settingsFile, CancellationToken cancellationToken)
    {
        // A filter, not a lookup by key: a missing table is then an empty answer, not a failed request in the log.
        using var definitions = await client.GetJsonAsync(
            EntityDefinitions + "?$select=IsActivity,LogicalName&$filter=" + Uri.EscapeDataString("LogicalName eq '" + table + "'"), cancellationToken).ConfigureAwait(false);
        var definition = definitions.RootElement.GetProperty("value").EnumerateArray().FirstOrDefault();
        if (definition.ValueKind != JsonValueKind.Object)
        {
            throw Refusal(table, settingsFile, "there is no table " + table + " in " + client.Url + ", so no step can be registered on it", null);
        }

        var isActivity = definition.TryGetProperty("IsActivity", out var value) && value.ValueKind == JsonValueKind.True;
        if (!isActivity)
        {
            throw Refusal(table, settingsFile, table + " is not an activity table, so its records are never touchpoints; name an activity table (one created as an activity)", null);
        }
    }

    private static DataverseException Refusal(string table, string settingsFile, string reason, Exception? inner)
    {
        var message = "Fix the setting 'touchpoints.activities." + table + "' in " + settingsFile + " and run again: " + reason + "; nothing was changed.";
        return inner is null ? new DataverseException(message) : new DataverseException(message, inner);
    }

    private static async Task<Guid> PluginTypeIdAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        using var answer = await client.GetJsonAsync(
            PluginTypes + "?$select=plugintypeid&$filter=" + Uri.EscapeDataString("typename eq '" + ActivityStepShape.PluginTypeName + "'"), cancellationToken).ConfigureAwait(false);
        var first = answer.RootElement.GetProperty("value").EnumerateArray().Select(r => new StoredRecord(r).Id("plugintypeid")).FirstOrDefault(id => id is not null);
        return first ?? throw new DataverseException(
            "No plug-in type " + ActivityStepShape.PluginTypeName + " was found in " + client.Url
            + ": install the version of the Customer Relationship Influence solution this crmrel belongs to (README, Installing); nothing was changed.");
    }

    private static async Task<Guid> MessageFilterAsync(DataverseClient client, string table, string message, string settingsFile, CancellationToken cancellationToken)
    {
        var filter = "primaryobjecttypecode eq '" + table + "' and _sdkmessageid_value eq " + ActivityStepShape.MessageId(message).ToString("D");
        using var answer = await client.GetJsonAsync(MessageFilters + "?$select=sdkmessagefilterid&$filter=" + Uri.EscapeDataString(filter), cancellationToken).ConfigureAwait(false);
        var first = answer.RootElement.GetProperty("value").EnumerateArray().Select(r => new StoredRecord(r).Id("sdkmessagefilterid")).FirstOrDefault(id => id is not null);
        return first ?? throw Refusal(table, settingsFile, "Dataverse offers no " + message + " message on " + table + ", so the plug-in cannot be registered there", null);
    }

    private static async Task<bool> HasPreImageAsync(DataverseClient client, Guid stepId, CancellationToken cancellationToken)
    {
        var filter = "_sdkmessageprocessingstepid_value eq " + stepId.ToString("D") + " and name eq '" + ActivityStepShape.ImageName + "'";
        using var answer = await client.GetJsonAsync(Images + "?$select=sdkmessageprocessingstepimageid&$filter=" + Uri.EscapeDataString(filter), cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("value").GetArrayLength() > 0;
    }

    // A POST with the record's own id: Dataverse refuses a second one with that id, so only refusals that carried
    // nothing out (429, 503) are retried; after a timeout the next apply reads what exists.
    private static Task PostAsync(DataverseClient client, string set, string body, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Post, set, body, RetryScope.OnlyRefusals, null, cancellationToken);

    private static async Task DeleteStepAsync(DataverseClient client, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            // Dataverse deletes a step's images with it.
            await client.SendJsonAsync(HttpMethod.Delete, WebApiNames.Steps + "(" + id.ToString("D") + ")", null, RetryScope.AllTransient, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseException ex) when (ex.Kind == FailureKind.RecordNotFound)
        {
            // Already gone (a retried DELETE whose first attempt was carried out): what was asked for is done.
        }
    }
}

/// <summary>
/// What apply changes on custom activity tables, per table; empty when every table is as the settings want.
/// PluginTypeId is ActivityTouchpointsPlugin's plugintypeid (read only when a step is to be added).
/// </summary>
public sealed record ActivityStepPlan(IReadOnlyList<ActivityTableChange> Tables, Guid PluginTypeId)
{
    public int StepsToAdd => Tables.Sum(t => t.Add.Count);

    public int StepsToRemove => Tables.Sum(t => t.Remove.Count);

    public int ImagesToAdd => Tables.Count(t => t.ImageFor is not null);

    public bool IsEmpty => StepsToAdd == 0 && StepsToRemove == 0 && ImagesToAdd == 0;
}

/// <summary>
/// One custom activity table's change: steps to add (with their message filter), a missing pre-image (ImageFor: the
/// existing Delete step whose pre-image is missing because an earlier apply stopped between the two), steps to remove.
/// </summary>
public sealed record ActivityTableChange(string Table, IReadOnlyList<StepToAdd> Add, Guid? ImageFor, IReadOnlyList<PluginStep> Remove);

/// <summary>A step to register: its message and the sdkmessagefilter of that message on the table.</summary>
public sealed record StepToAdd(string Message, Guid FilterId);

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Dataverse.Http;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// Reads the steps of the product's plug-in assembly (every step whose name starts with
/// <c>CrmRelationship.Plugins.</c>) and writes a step's unsecure configuration.
/// </summary>
public static class PluginSteps
{
    public const string NamePrefix = "CrmRelationship.Plugins.";

    private const string Query =
        WebApiNames.Steps + "?$select=sdkmessageprocessingstepid,name,configuration,filteringattributes,stage,statecode,ismanaged,iscustomizable"
        + "&$filter=startswith(name,'" + NamePrefix + "')"
        + "&$expand=sdkmessageid($select=name),sdkmessagefilterid($select=primaryobjecttypecode)";

    /// <summary>The steps, ordered by name; throws with one sentence when there are none (the solution is not installed).</summary>
    public static async Task<IReadOnlyList<PluginStep>> ReadAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var steps = new List<PluginStep>();
        await foreach (var page in client.GetPagesAsync(Query, 5000, null, cancellationToken).ConfigureAwait(false))
        {
            using (page)
            {
                foreach (var record in page.RootElement.GetProperty("value").EnumerateArray())
                {
                    steps.Add(Read(record));
                }
            }
        }

        if (steps.Count == 0)
        {
            throw new DataverseException(
                "No plug-in step named " + NamePrefix + "… was found in " + client.Url
                + ": is the Customer Relationship Influence solution installed there? Import it first (README, Installing).");
        }

        steps.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return steps;
    }

    /// <summary>Writes <paramref name="configuration"/> as the step's unsecure configuration (PATCH, safe to repeat).</summary>
    public static Task WriteConfigurationAsync(DataverseClient client, PluginStep step, string configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(step);
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["configuration"] = configuration });
        return client.SendJsonAsync(
            HttpMethod.Patch,
            WebApiNames.Steps + "(" + step.Id.ToString("D") + ")",
            body,
            RetryScope.AllTransient,
            new Dictionary<string, string> { ["If-Match"] = "*" },
            cancellationToken);
    }

    private static PluginStep Read(JsonElement record)
    {
        var stored = new StoredRecord(record);
        var filtering = stored.Text("filteringattributes") ?? string.Empty;
        return new PluginStep(
            stored.Id("sdkmessageprocessingstepid") ?? Guid.Empty,
            stored.Text("name") ?? string.Empty,
            Nested(record, "sdkmessageid", "name"),
            Nested(record, "sdkmessagefilterid", "primaryobjecttypecode") is { } entity && entity != "none" ? entity : null,
            stored.Number("stage") ?? 0,
            filtering.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            stored.Text("configuration"),
            (stored.Number("statecode") ?? 0) == 0,
            record.TryGetProperty("ismanaged", out var managed) && managed.ValueKind == JsonValueKind.True,
            Customizable(record));
    }

    private static string? Nested(JsonElement record, string navigation, string property) =>
        record.TryGetProperty(navigation, out var related) && related.ValueKind == JsonValueKind.Object
        && related.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>iscustomizable is a managed property: <c>{"Value": true, "CanBeChanged": …}</c>.</summary>
    private static bool Customizable(JsonElement record)
    {
        if (!record.TryGetProperty("iscustomizable", out var property))
        {
            return true;
        }

        if (property.ValueKind == JsonValueKind.Object && property.TryGetProperty("Value", out var value))
        {
            return value.ValueKind == JsonValueKind.True;
        }

        return property.ValueKind != JsonValueKind.False;
    }

    /// <summary>"1 step", "3 steps".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}

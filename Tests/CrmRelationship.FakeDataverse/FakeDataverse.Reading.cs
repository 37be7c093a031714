using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CrmRelationship.FakeDataverse;

/// <summary>Reads: a page of a table or of the steps, with the annotations the Prefer header asks for.</summary>
public sealed partial class FakeDataverse
{
    public const int MaxPageSize = 5000;
    private const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    private const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    private const string ActivityPartiesNavigation = "activitypointer_activity_parties";

    private Answer Page(HttpContext context, FakeTable table)
    {
        var options = QueryOptions(context);
        var query = ODataQuery.Parse(options);
        var prefer = Prefer(context);
        var pageSize = Math.Min(MaxPageSize, prefer.PageSize ?? MaxPageSize);
        List<JsonObject> page;
        string? lastId = null;
        var more = false;
        lock (table.Gate)
        {
            var columns = SelectedColumns(table, query.Select);
            var matching = table.Ordered()
                .Where(r => query.After is null || string.CompareOrdinal(r.Key.ToString("D"), query.After) > 0)
                .Where(r => query.Filters.All(f => f(property => Get(table, r.Value, property))));
            page = new List<JsonObject>(Math.Min(pageSize, 1024));
            foreach (var record in matching)
            {
                if (page.Count == pageSize)
                {
                    more = true;
                    break;
                }

                var serialized = Serialize(table, record.Value, columns, prefer);
                if (table == Activities)
                {
                    ExpandParties(query, record.Key, serialized, prefer);
                }

                page.Add(serialized);
                lastId = record.Key.ToString("D");
            }
        }

        var json = new JsonObject { ["@odata.context"] = Url + Root.TrimStart('/') + "$metadata#" + table.EntitySet };
        json["value"] = new JsonArray(page.ToArray<JsonNode?>());
        if (more && lastId is not null)
        {
            var next = ODataQuery.PageNumber(options.GetValueOrDefault("$skiptoken")) + 1;
            var kept = string.Join("&", options.Where(o => o.Key != "$skiptoken").Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
            json["@odata.nextLink"] = Url + Root.TrimStart('/') + table.EntitySet + "?" + kept + "&$skiptoken=" + Uri.EscapeDataString(ODataQuery.SkipTokenFor(next, lastId));
        }

        var answer = new Answer(200, json.ToJsonString());
        answer.Headers["Preference-Applied"] = "odata.maxpagesize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        return answer;
    }

    /// <summary>
    /// <c>$expand=activitypointer_activity_parties($select=_partyid_value,participationtypemask)</c>: the activity's party rows
    /// with the party's table as the lookuplogicalname annotation. Any other expand of an activity is refused.
    /// </summary>
    private void ExpandParties(ODataQuery query, Guid activityId, JsonObject json, Preferences prefer)
    {
        foreach (var expand in query.Expand)
        {
            if (expand != ActivityPartiesNavigation)
            {
                throw new FakeQueryException(ODataQuery.UnrecognizedCode, "Could not find a property named '" + expand + "' on type 'Microsoft.Dynamics.CRM.activitypointer'.");
            }

            var parties = new JsonArray();
            foreach (var party in ActivityParties.GetValueOrDefault(activityId) ?? new List<FakeParty>())
            {
                var row = new JsonObject { ["_partyid_value"] = party.PartyId.ToString("D"), ["participationtypemask"] = party.Mask };
                if (prefer.Wants(LookupLogicalName))
                {
                    row["_partyid_value@" + LookupLogicalName] = party.PartyTable;
                }

                parties.Add(row);
            }

            json[ActivityPartiesNavigation] = parties;
        }
    }

    private Answer StepsPage(HttpContext context)
    {
        var query = ODataQuery.Parse(QueryOptions(context));
        var values = new JsonArray();
        foreach (var step in Steps.ToList())
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sdkmessageprocessingstepid"] = step.Id,
                ["name"] = step.Name,
                ["configuration"] = step.Configuration,
                ["filteringattributes"] = step.FilteringAttributes,
                ["stage"] = step.Stage,
                ["statecode"] = step.Enabled ? 0 : 1,
            };
            if (!query.Filters.All(f => f(p => properties.GetValueOrDefault(p))))
            {
                continue;
            }

            var json = new JsonObject();
            foreach (var property in properties)
            {
                if (query.Select is null || query.Select.Contains(property.Key) || property.Key == "sdkmessageprocessingstepid")
                {
                    json[property.Key] = property.Value switch
                    {
                        Guid id => id.ToString("D"),
                        int number => number,
                        string text => text,
                        _ => null,
                    };
                }
            }

            if (query.Select is null || query.Select.Contains("ismanaged"))
            {
                json["ismanaged"] = step.IsManaged;
            }

            if (query.Select is null || query.Select.Contains("iscustomizable"))
            {
                json["iscustomizable"] = new JsonObject
                {
                    ["Value"] = step.IsCustomizable,
                    ["CanBeChanged"] = !step.IsManaged,
                    ["ManagedPropertyLogicalName"] = "iscustomizableanddeletable",
                };
            }

            if (query.Expand.Contains("sdkmessageid"))
            {
                json["sdkmessageid"] = new JsonObject { ["name"] = step.Message, ["sdkmessageid"] = Guid.NewGuid().ToString("D") };
            }

            if (query.Expand.Contains("sdkmessagefilterid"))
            {
                json["sdkmessagefilterid"] = step.PrimaryEntity is null
                    ? null
                    : new JsonObject { ["primaryobjecttypecode"] = step.PrimaryEntity, ["sdkmessagefilterid"] = Guid.NewGuid().ToString("D") };
            }

            values.Add(json);
        }

        return new Answer(200, new JsonObject { ["@odata.context"] = Url + Root.TrimStart('/') + "$metadata#sdkmessageprocessingsteps", ["value"] = values }.ToJsonString());
    }

    private static Dictionary<string, string> QueryOptions(HttpContext context) =>
        context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    private static List<FakeColumn> SelectedColumns(FakeTable table, IReadOnlyList<string>? select)
    {
        if (select is null)
        {
            return table.Columns.ToList();
        }

        var columns = new List<FakeColumn> { table.Columns[0] };
        foreach (var property in select)
        {
            var column = table.ColumnByProperty(property)
                ?? throw new FakeQueryException(ODataQuery.UnrecognizedCode, "Could not find a property named '" + property + "' on type 'Microsoft.Dynamics.CRM." + table.LogicalName + "'.");
            if (!columns.Contains(column))
            {
                columns.Add(column);
            }
        }

        return columns;
    }

    private static object? Get(FakeTable table, Dictionary<string, object?> record, string property)
    {
        var column = table.ColumnByProperty(property)
            ?? throw new FakeQueryException(ODataQuery.UnrecognizedCode, "Could not find a property named '" + property + "' on type 'Microsoft.Dynamics.CRM." + table.LogicalName + "'.");
        return record.GetValueOrDefault(column.Name);
    }

    private static JsonObject Serialize(FakeTable table, Dictionary<string, object?> record, List<FakeColumn> columns, Preferences prefer)
    {
        var json = new JsonObject { ["@odata.etag"] = "W/\"" + record.GetHashCode().ToString(CultureInfo.InvariantCulture) + "\"" };
        foreach (var column in columns)
        {
            var value = record.GetValueOrDefault(column.Name);
            json[column.Property] = value switch
            {
                null => null,
                Guid id => id.ToString("D"),
                FakeLookup lookup => lookup.Id.ToString("D"),
                int number => number,
                decimal amount => amount,
                string text => text,
                _ => value.ToString(),
            };
            if (value is null)
            {
                continue;
            }

            if (value is FakeLookup target && prefer.Wants(LookupLogicalName))
            {
                json[column.Property + "@" + LookupLogicalName] = target.Table;
            }

            if (prefer.Wants(FormattedValue) && Formatted(column, value) is { } formatted)
            {
                json[column.Property + "@" + FormattedValue] = formatted;
            }
        }

        return json;
    }

    /// <summary>The value as a user sees it (en-US formats), as Dataverse formats it.</summary>
    private static string? Formatted(FakeColumn column, object value) => column.Kind switch
    {
        FakeColumnKind.Choice when value is int option => column.Options!.GetValueOrDefault(option),
        FakeColumnKind.MultiChoice when value is string options => string.Join(
            "; ",
            options.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => column.Options!.GetValueOrDefault(int.Parse(o, CultureInfo.InvariantCulture)) ?? o)),
        FakeColumnKind.State when value is int state => state == 0 ? "Active" : "Inactive",
        FakeColumnKind.WholeNumber when value is int number => number.ToString("N0", CultureInfo.InvariantCulture),
        FakeColumnKind.DecimalNumber when value is decimal number => number.ToString("N1", CultureInfo.InvariantCulture),
        FakeColumnKind.DateOnly when value is string date => DateTime.Parse(date, CultureInfo.InvariantCulture).ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        FakeColumnKind.DateAndTime when value is string time => DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)
            .ToString("M/d/yyyy h:mm tt", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static Preferences Prefer(HttpContext context)
    {
        var result = new Preferences();
        foreach (var value in context.Request.Headers["Prefer"])
        {
            foreach (var part in SplitOutsideQuotes(value ?? string.Empty))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair[0] == "odata.maxpagesize" && pair.Length == 2 && int.TryParse(pair[1], CultureInfo.InvariantCulture, out var size))
                {
                    result.PageSize = size;
                }
                else if (pair[0] == "odata.include-annotations" && pair.Length == 2)
                {
                    result.Annotations.UnionWith(pair[1].Trim('"').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text)
    {
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    /// <summary>What a Prefer header asked for.</summary>
    private sealed class Preferences
    {
        public int? PageSize { get; set; }

        public HashSet<string> Annotations { get; } = new(StringComparer.Ordinal);

        public bool Wants(string annotation) => Annotations.Contains("*") || Annotations.Contains(annotation);
    }
}

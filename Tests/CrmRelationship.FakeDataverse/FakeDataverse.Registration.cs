using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmRelationship.SolutionModel;
using Microsoft.AspNetCore.Http;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.FakeDataverse;

/// <summary>
/// Plug-in registration, the subset <c>crmrel settings apply</c> uses: a table's definition
/// (<c>EntityDefinitions?$select=IsActivity,LogicalName&amp;$filter=LogicalName eq 'x'</c>, no row for a missing one), the
/// message filters of Create, Update and Delete on every defined table, the plug-in types of the steps, and steps and
/// their images created (POST, with the id in the body and the lookups bound by id) and deleted (DELETE of a step
/// takes its images with it; a managed step cannot be deleted).
/// </summary>
public sealed partial class FakeDataverse
{
    private static readonly string[] FilterMessages = { "Create", "Update", "Delete" };

    private readonly ConcurrentDictionary<(string Table, string Message), Guid> messageFilters = new();

    /// <summary>
    /// The tables of the environment by logical name, and whether each is an activity table (IsActivity). The three
    /// activity tables of the solution, activitypointer, contact and account are there from the start; tests add custom ones.
    /// </summary>
    public ConcurrentDictionary<string, bool> EntityDefinitions { get; } = new(StringComparer.Ordinal)
    {
        [Names.Activities.PhoneCall] = true,
        [Names.Activities.Appointment] = true,
        [Names.Activities.Email] = true,
        [Names.Activities.ActivityPointer] = true,
        [Names.Contact] = false,
        [Names.Account] = false,
    };

    /// <summary>The sdkmessagefilterid of a message on a defined table (the fake's own ids, stable for its lifetime).</summary>
    public Guid MessageFilterId(string table, string message) => messageFilters.GetOrAdd((table, message), _ => Guid.NewGuid());

    private Answer? RegistrationRoute(HttpContext context, string method, string path, string body)
    {
        if (method == "GET" && path == "EntityDefinitions")
        {
            return Rows(context, path, EntityDefinitions.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["LogicalName"] = t.Key,
                ["IsActivity"] = t.Value,
            }));
        }

        if (method == "GET" && path == "sdkmessagefilters")
        {
            return Rows(context, "sdkmessagefilters", MessageFilterRows());
        }

        if (method == "GET" && path == "plugintypes")
        {
            return Rows(context, "plugintypes", PluginTypeRows());
        }

        if (method == "GET" && path == "sdkmessageprocessingstepimages")
        {
            return Rows(context, "sdkmessageprocessingstepimages", ImageRows());
        }

        if (method == "POST" && path == "sdkmessageprocessingsteps")
        {
            return CreateStep(body);
        }

        if (method == "POST" && path == "sdkmessageprocessingstepimages")
        {
            return CreateImage(body);
        }

        if (method == "DELETE" && RecordPath().Match(path) is { Success: true } record && record.Groups[1].Value == "sdkmessageprocessingsteps")
        {
            return DeleteStep(Guid.Parse(record.Groups[2].Value));
        }

        return null;
    }

    private IEnumerable<Dictionary<string, object?>> MessageFilterRows() =>
        EntityDefinitions.Keys.OrderBy(t => t, StringComparer.Ordinal).SelectMany(table => FilterMessages.Select(message => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sdkmessagefilterid"] = MessageFilterId(table, message),
            ["primaryobjecttypecode"] = table,
            ["_sdkmessageid_value"] = SdkMessages.IdOf(message),
        }));

    private IEnumerable<Dictionary<string, object?>> PluginTypeRows() =>
        StepsSnapshot().Where(s => s.PluginTypeId != Guid.Empty).GroupBy(s => s.PluginTypeId).Select(g => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["plugintypeid"] = g.Key,
            ["typename"] = g.First().PluginTypeName,
        });

    private IEnumerable<Dictionary<string, object?>> ImageRows() =>
        StepsSnapshot().SelectMany(step => step.Images.ToList().Select(image => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sdkmessageprocessingstepimageid"] = image.Id,
            ["_sdkmessageprocessingstepid_value"] = step.Id,
            ["name"] = image.Name,
            ["entityalias"] = image.EntityAlias,
            ["imagetype"] = image.ImageType,
            ["messagepropertyname"] = image.MessagePropertyName,
            ["attributes"] = image.Attributes,
        }));

    /// <summary>The rows that pass $filter, with the $select-ed properties (an unknown one is refused as Dataverse refuses it).</summary>
    private Answer Rows(HttpContext context, string set, IEnumerable<Dictionary<string, object?>> rows)
    {
        var query = ODataQuery.Parse(QueryOptions(context));
        var values = new JsonArray();
        foreach (var row in rows)
        {
            if (!query.Filters.All(f => f(p => row.TryGetValue(p, out var v) ? v : throw Unknown(set, p))))
            {
                continue;
            }

            var json = new JsonObject();
            foreach (var property in query.Select ?? (IReadOnlyList<string>)row.Keys.ToList())
            {
                if (!row.TryGetValue(property, out var value))
                {
                    throw Unknown(set, property);
                }

                json[property] = value switch
                {
                    Guid id => id.ToString("D"),
                    int number => number,
                    bool flag => flag,
                    string text => text,
                    _ => null,
                };
            }

            values.Add(json);
        }

        return new Answer(200, new JsonObject { ["@odata.context"] = Url + Root.TrimStart('/') + "$metadata#" + set, ["value"] = values }.ToJsonString());
    }

    private static FakeQueryException Unknown(string set, string property) =>
        new(ODataQuery.UnrecognizedCode, "Could not find a property named '" + property + "' on type 'Microsoft.Dynamics.CRM." + set.TrimEnd('s') + "'.");

    private Answer CreateStep(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var id = Guid.TryParse(Text(root, "sdkmessageprocessingstepid"), out var given) ? given : Guid.NewGuid();
        var name = Text(root, "name");
        var messageId = Bound(root, "sdkmessageid@odata.bind", "sdkmessages");
        var filterId = Bound(root, "sdkmessagefilterid@odata.bind", "sdkmessagefilters");
        var pluginTypeId = Bound(root, "plugintypeid@odata.bind", "plugintypes");
        var message = messageId is { } m ? SdkMessages.TryNameOf(m) : null;
        var filter = messageFilters.FirstOrDefault(f => f.Value == filterId);
        if (name is null || message is null || filterId is null || filter.Key.Table is null || pluginTypeId is null)
        {
            return Error(400, "0x80048d19", "Error identified in Payload provided by the user: a step needs a name and bound sdkmessageid, sdkmessagefilterid and plugintypeid that exist.", null);
        }

        if (!string.Equals(filter.Key.Message, message, StringComparison.Ordinal))
        {
            return Error(400, "0x80040203", "The message filter " + filterId + " is not a filter of the message " + message + ".", null);
        }

        if (!StepsSnapshot().Any(s => s.PluginTypeId == pluginTypeId))
        {
            return Error(404, "0x80040217", "plugintype With Ids = " + pluginTypeId.Value.ToString("D") + " Do Not Exist", null);
        }

        lock (Steps)
        {
            if (Steps.Any(s => s.Id == id))
            {
                return Error(412, "0x80040237", "Cannot insert duplicate key.", null);
            }

            Steps.Add(new FakeStep
            {
                Id = id,
                Name = name,
                Message = message,
                PrimaryEntity = filter.Key.Table,
                Stage = Number(root, "stage"),
                Mode = Number(root, "mode"),
                Rank = Number(root, "rank"),
                AsyncAutoDelete = root.TryGetProperty("asyncautodelete", out var auto) && auto.ValueKind == JsonValueKind.True,
                Description = Text(root, "description"),
                PluginTypeId = pluginTypeId.Value,
                FilteringAttributes = Text(root, "filteringattributes"),
                Configuration = Text(root, "configuration"),
                IsManaged = false,
            });
        }

        return Created("sdkmessageprocessingsteps", id);
    }

    private Answer CreateImage(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var stepId = Bound(root, "sdkmessageprocessingstepid@odata.bind", "sdkmessageprocessingsteps");
        var step = StepsSnapshot().FirstOrDefault(s => s.Id == stepId);
        if (step is null)
        {
            return Error(404, "0x80040217", "sdkmessageprocessingstep With Ids = " + stepId?.ToString("D") + " Do Not Exist", null);
        }

        var name = Text(root, "name");
        if (name is null || Text(root, "messagepropertyname") is not { } property)
        {
            return Error(400, "0x80048d19", "Error identified in Payload provided by the user: an image needs a name and a messagepropertyname.", null);
        }

        var id = Guid.TryParse(Text(root, "sdkmessageprocessingstepimageid"), out var given) ? given : Guid.NewGuid();
        lock (Steps)
        {
            step.Images.Add(new FakeStepImage(id, name, Text(root, "entityalias") ?? name, Number(root, "imagetype"), property, Text(root, "attributes") ?? string.Empty));
        }

        return Created("sdkmessageprocessingstepimages", id);
    }

    private Answer DeleteStep(Guid id)
    {
        lock (Steps)
        {
            var step = Steps.Find(s => s.Id == id);
            if (step is null)
            {
                return Error(404, "0x80040217", "sdkmessageprocessingstep With Ids = " + id.ToString("D") + " Do Not Exist", null);
            }

            if (step.IsManaged)
            {
                return Error(400, "0x80048405", "The managed step " + step.Name + " cannot be deleted; uninstall its solution instead.", null);
            }

            Steps.Remove(step);
        }

        return new Answer(204, null);
    }

    private List<FakeStep> StepsSnapshot()
    {
        lock (Steps)
        {
            return Steps.ToList();
        }
    }

    private Answer Created(string set, Guid id)
    {
        var answer = new Answer(204, null) { Records = 1 };
        answer.Headers["OData-EntityId"] = Url + Root.TrimStart('/') + set + "(" + id.ToString("D") + ")";
        return answer;
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    /// <summary>The id of an <c>x@odata.bind</c> to <c>/set(id)</c>, or null when it is missing or binds another set.</summary>
    private static Guid? Bound(JsonElement root, string property, string set)
    {
        var match = BindPath().Match(Text(root, property) ?? string.Empty);
        return match.Success && match.Groups[1].Value == set ? Guid.Parse(match.Groups[2].Value) : null;
    }

}

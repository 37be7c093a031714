using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CrmRelationship.FakeDataverse;

/// <summary>Writes: UpdateMultiple (validated whole, then applied whole), a record's PATCH, a step's configuration.</summary>
public sealed partial class FakeDataverse
{
    private const string BypassHeader = "MSCRM.BypassBusinessLogicExecution";

    private Answer UpdateMultiple(HttpContext context, FakeTable table, string body)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("Targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
        {
            return Error(400, "0x80048d19", "Error identified in Payload provided by the user: the Targets parameter is missing.", null);
        }

        var writes = new List<(Guid Id, Dictionary<string, object?> Values)>();
        foreach (var target in targets.EnumerateArray())
        {
            if (!target.TryGetProperty("@odata.type", out var type) || type.GetString() != "Microsoft.Dynamics.CRM." + table.LogicalName)
            {
                return Error(400, "0x80048d19", "Error identified in Payload provided by the user: each item of Targets needs @odata.type Microsoft.Dynamics.CRM." + table.LogicalName + ".", null);
            }

            var parsed = ParseRecord(table, target, idRequired: true, out var id);
            if (parsed.Error is not null)
            {
                return parsed.Error;
            }

            writes.Add((id, parsed.Values!));
        }

        return Apply(context, table, writes);
    }

    private Answer PatchRecord(HttpContext context, FakeTable table, Guid id, string body)
    {
        using var document = JsonDocument.Parse(body);
        var parsed = ParseRecord(table, document.RootElement, idRequired: false, out _);
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        return Apply(context, table, new List<(Guid, Dictionary<string, object?>)> { (id, parsed.Values!) });
    }

    private Answer PatchStep(Guid id, string body)
    {
        var step = Steps.Find(s => s.Id == id);
        if (step is null)
        {
            return Error(404, "0x80040217", "sdkmessageprocessingstep With Ids = " + id.ToString("D") + " Do Not Exist", null);
        }

        if (step.IsManaged && !step.IsCustomizable)
        {
            return Error(403, "0x80048405", "The managed step " + step.Name + " is not customizable.", null);
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("configuration", out var configuration))
        {
            step.Configuration = configuration.ValueKind == JsonValueKind.Null ? null : configuration.GetString();
        }

        return new Answer(204, null);
    }

    /// <summary>All or nothing: every record must exist and be accepted before any is changed.</summary>
    private Answer Apply(HttpContext context, FakeTable table, List<(Guid Id, Dictionary<string, object?> Values)> writes)
    {
        var bypass = context.Request.Headers[BypassHeader].ToString();
        var bypassSync = bypass.Contains("CustomSync", StringComparison.OrdinalIgnoreCase);
        if (bypass.Length > 0 && !Privileges.Contains(BypassPrivilege))
        {
            return Error(403, "0x80040220", "Principal user (Id=" + UserId.ToString("D") + ", type=8) is missing " + BypassPrivilege + " privilege.", null);
        }

        lock (table.Gate)
        {
            foreach (var (id, _) in writes)
            {
                if (!table.TryGet(id, out _))
                {
                    return Error(404, "0x80040217", table.LogicalName + " With Ids = " + id.ToString("D") + " Do Not Exist", null);
                }

                if (RefusedRecords.Contains(id))
                {
                    return Error(400, "0x80040265", "A test plug-in refused the " + table.LogicalName + " " + id.ToString("D") + ".", null);
                }
            }

            foreach (var (id, values) in writes)
            {
                table.Apply(id, values);
                if (!bypassSync)
                {
                    foreach (var step in Steps.Where(s => Fires(s, table, values.Keys)))
                    {
                        step.Runs++;
                    }
                }
            }
        }

        return new Answer(204, null)
        {
            Records = writes.Count,
            Columns = writes.SelectMany(w => w.Values.Keys).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static bool Fires(FakeStep step, FakeTable table, IEnumerable<string> columns) =>
        step.Enabled && step.PrimaryEntity == table.LogicalName && step.Message is "Update" or "UpdateMultiple"
        && (step.Filter.Count == 0 || step.Filter.Intersect(columns, StringComparer.OrdinalIgnoreCase).Any());

    private static (Dictionary<string, object?>? Values, Answer? Error) ParseRecord(FakeTable table, JsonElement record, bool idRequired, out Guid id)
    {
        id = Guid.Empty;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            if (property.Name == "@odata.type")
            {
                continue;
            }

            if (property.Name == table.IdColumn)
            {
                if (!property.Value.TryGetGuid(out id))
                {
                    return (null, Error(400, "0x80048d19", "Error identified in Payload provided by the user: " + table.IdColumn + " is not a Guid.", null));
                }

                continue;
            }

            if (property.Name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = property.Name[..^"@odata.bind".Length];
                var lookup = table.ColumnByNavigation(navigation);
                if (lookup is null)
                {
                    return (null, Undeclared(table, property.Name));
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    values[lookup.Name] = null;
                    continue;
                }

                var bind = BindPath().Match(property.Value.GetString() ?? string.Empty);
                if (!bind.Success)
                {
                    return (null, Error(400, "0x80048d19", "Error identified in Payload provided by the user: '" + property.Value.GetString() + "' is not a record reference.", null));
                }

                values[lookup.Name] = new FakeLookup(Guid.Parse(bind.Groups[2].Value), lookup.Target!);
                continue;
            }

            var column = table.Column(property.Name);
            if (column is null || column.Kind is FakeColumnKind.Lookup or FakeColumnKind.Id)
            {
                return (null, Undeclared(table, property.Name));
            }

            var (value, error) = Parse(table, column, property.Value);
            if (error is not null)
            {
                return (null, error);
            }

            values[column.Name] = value;
        }

        if (idRequired && id == Guid.Empty)
        {
            return (null, Error(400, "0x80048d19", "Error identified in Payload provided by the user: a target has no " + table.IdColumn + ".", null));
        }

        return (values, null);
    }

    private static (object? Value, Answer? Error) Parse(FakeTable table, FakeColumn column, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        var wrongType = Error(400, "0x80048d19", "Error identified in Payload provided by the user: the value of " + column.Name + " has the wrong type.", null);
        switch (column.Kind)
        {
            case FakeColumnKind.Choice:
            case FakeColumnKind.WholeNumber:
            case FakeColumnKind.State:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
                {
                    return (null, wrongType);
                }

                if (column.Kind == FakeColumnKind.Choice && !column.Options!.ContainsKey(number))
                {
                    return (null, Error(400, "0x8004431a", "A validation error occurred. The value " + number.ToString(CultureInfo.InvariantCulture) + " of '" + column.Name
                        + "' on record of type '" + table.LogicalName + "' is outside the valid range.", null));
                }

                return (number, null);
            case FakeColumnKind.DecimalNumber:
                return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount) ? (amount, null) : (null, wrongType);
            case FakeColumnKind.DateOnly:
                return value.ValueKind == JsonValueKind.String && DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (value.GetString(), null)
                    : (null, wrongType);
            case FakeColumnKind.DateAndTime:
                return value.ValueKind == JsonValueKind.String && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
                    ? (time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), null)
                    : (null, wrongType);
            default:
                return value.ValueKind == JsonValueKind.String ? (value.GetString(), null) : (null, wrongType);
        }
    }

    private static Answer Undeclared(FakeTable table, string property) =>
        Error(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'" + table.LogicalName
            + "'. The property '" + property + "' does not exist on type 'Microsoft.Dynamics.CRM." + table.LogicalName + "'.", null);

    [GeneratedRegex(@"^/?(\w+)\(([0-9a-fA-F-]{36})\)$")]
    private static partial Regex BindPath();
}

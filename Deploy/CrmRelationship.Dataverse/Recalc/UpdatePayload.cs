using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using CrmRelationship.Dataverse.Columns;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// The bodies recalc sends: <c>{"Targets":[{"@odata.type":"Microsoft.Dynamics.CRM.contact","contactid":…, changed columns…,
/// "rel_scoredon":…}]}</c> for UpdateMultiple, or one record's columns for a PATCH.
/// </summary>
internal static class UpdatePayload
{
    public static string UpdateMultiple(IReadOnlyList<RecordChange> batch, DateTime scoredOn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Targets");
            foreach (var change in batch)
            {
                json.WriteStartObject();
                json.WriteString("@odata.type", WebApiNames.ODataType(change.Table));
                json.WriteString(WebApiNames.IdColumn(change.Table), change.Id.ToString("D"));
                Columns(json, change, scoredOn);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Patch(RecordChange change, DateTime scoredOn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Columns(json, change, scoredOn);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Columns(Utf8JsonWriter json, RecordChange change, DateTime scoredOn)
    {
        foreach (var column in change.Columns)
        {
            column.Computed.WriteProperty(json, column.Column);
        }

        json.WriteString(LogicalNames.Computed.ScoredOn, DateTime.SpecifyKind(scoredOn, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}

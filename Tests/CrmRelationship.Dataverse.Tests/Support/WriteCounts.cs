using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.FakeDataverse;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>What a run wrote to the fake, record by record.</summary>
internal static class WriteCounts
{
    public static IReadOnlyList<Guid> Active(FakeTable table) =>
        table.Ids().Where(id => table.Value(id, Names.Standard.StateCode) is 0).ToList();

    /// <summary>Records written other than exactly once, as "id: n" (empty when every active record was written once and no other).</summary>
    public static IReadOnlyList<string> NotExactlyOnce(FakeTable table, IEnumerable<Guid>? except = null)
    {
        var skip = (except ?? Array.Empty<Guid>()).ToHashSet();
        var active = Active(table).ToHashSet();
        return table.Ids()
            .Select(id => (Id: id, Writes: table.Writes(id), Expected: active.Contains(id) && !skip.Contains(id) ? 1 : 0))
            .Where(r => r.Writes != r.Expected)
            .Select(r => r.Id.ToString("D") + ": " + r.Writes + " writes")
            .ToList();
    }
}

/// <summary>Reading the fake's journal.</summary>
internal static class JournalEntries
{
    public static bool IsContactWrite(this FakeDataverse.JournalEntry entry) =>
        entry.Method == "POST" && entry.Path.EndsWith("/contacts/Microsoft.Dynamics.CRM.UpdateMultiple", StringComparison.Ordinal);
}

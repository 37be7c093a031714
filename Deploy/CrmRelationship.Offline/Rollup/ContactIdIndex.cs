using System;
using System.Collections.Generic;

namespace CrmRelationship.Offline.Rollup;

/// <summary>
/// The contactids already scored, with the line each came from, to reject a later duplicate. Ids are
/// compared ignoring case (Dataverse ids are GUIDs). A GUID id is kept as a 16-byte value rather than
/// a string, so a million ids cost a few tens of megabytes and nothing the garbage collector traces;
/// any other id text is kept as a string.
/// </summary>
internal sealed class ContactIdIndex
{
    private readonly Dictionary<Guid, long> guids = new();
    private readonly Dictionary<string, long> others = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> otherLookup;

    public ContactIdIndex()
    {
        otherLookup = others.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The line of the earlier row with this id, if any.</summary>
    public bool TryGetLine(ReadOnlySpan<char> id, out long line) =>
        TryGuid(id, out var guid) ? guids.TryGetValue(guid, out line) : otherLookup.TryGetValue(id, out line);

    public void Add(ReadOnlySpan<char> id, long line)
    {
        if (TryGuid(id, out var guid))
        {
            guids.Add(guid, line);
        }
        else
        {
            others.Add(id.ToString(), line);
        }
    }

    // Only the canonical 36-character form, so "{id}" and "id" stay different texts as they are for other ids.
    private static bool TryGuid(ReadOnlySpan<char> id, out Guid guid)
    {
        guid = default;
        return id.Length == 36 && Guid.TryParseExact(id, "D", out guid);
    }
}

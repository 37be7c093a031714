using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The rows of the in-memory organization, with the defaults the platform gives a new row (its id
/// column, <c>createdon</c>, <c>modifiedon</c>, <c>statecode</c> 0) and a journal that undoes every change of a
/// top-level operation when a plug-in aborts it, as the platform's transaction does. Tests read rows
/// here directly: reads through the store are not service calls and are never counted.
/// Activity tables (phonecall, appointment, email and any added with <see cref="AddActivityTable"/>) are
/// stored as the platform stores them (activities-config-webapi.md §A1, §A2): their id column is
/// <c>activityid</c>; each entry of a party list (<c>from</c>, <c>to</c>, <c>cc</c>, <c>bcc</c>,
/// <c>requiredattendees</c>, <c>optionalattendees</c>, <c>organizer</c>), the regarding record and the owner
/// is an <c>activityparty</c> row with its <c>participationtypemask</c>; and <c>activitypointer</c> reads as
/// the union of every activity table, with <c>activitytypecode</c> naming the table.
/// </summary>
public sealed class EntityStore
{
    public const string ActivityPointer = "activitypointer";
    public const string ActivityParty = "activityparty";
    public const string ActivityId = "activityid";
    public const string ActivityTypeCode = "activitytypecode";
    public const string PartyId = "partyid";
    public const string ParticipationTypeMask = "participationtypemask";

    // Columns the platform sets on every new row.
    private const string CreatedOn = "createdon";
    private const string ModifiedOn = "modifiedon";
    private const string StateCode = "statecode";
    private const int ActiveState = 0;

    /// <summary>The activity tables every organization has (the product's three).</summary>
    private static readonly string[] StandardActivityTables = { "phonecall", "appointment", "email" };

    /// <summary>Party list columns and the participation type of their entries; regarding and owner are single lookups.</summary>
    private static readonly Dictionary<string, int> PartyMasks = new(StringComparer.Ordinal)
    {
        ["from"] = 1, ["to"] = 2, ["cc"] = 3, ["bcc"] = 4, ["requiredattendees"] = 5, ["optionalattendees"] = 6, ["organizer"] = 7,
        ["regardingobjectid"] = 8, ["ownerid"] = 9,
    };

    private readonly Dictionary<string, Dictionary<Guid, Entity>> tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> activityTables = new(StandardActivityTables, StringComparer.Ordinal);
    private readonly Func<DateTime> clock;
    private readonly Func<Guid> newId;
    private Dictionary<(string Entity, Guid Id), Entity?>? journal;

    internal EntityStore(Func<DateTime> clock, Func<Guid> newId)
    {
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.newId = newId ?? throw new ArgumentNullException(nameof(newId));
    }

    /// <summary>
    /// The id column of a table by the platform's convention (<c>contact</c> → <c>contactid</c>); <c>activityid</c> for
    /// activitypointer and the standard activity tables (<see cref="IdColumnOf"/> knows the added ones too).
    /// </summary>
    public static string IdColumn(string entityName) =>
        entityName == ActivityPointer || Array.IndexOf(StandardActivityTables, entityName) >= 0 ? ActivityId : entityName + "id";

    /// <summary>The id column of a table of this organization, custom activity tables included.</summary>
    public string IdColumnOf(string entityName) => IsActivityTable(entityName) ? ActivityId : IdColumn(entityName);

    /// <summary>The activity tables: the standard three and those added.</summary>
    public IReadOnlyCollection<string> ActivityTables => activityTables;

    /// <summary>Makes <paramref name="entityName"/> a custom activity table (IsActivity): party lists, activitypointer, activityid.</summary>
    public void AddActivityTable(string entityName)
    {
        if (string.IsNullOrEmpty(entityName) || entityName == ActivityPointer || entityName == ActivityParty)
        {
            throw new ArgumentException("Name an activity table.", nameof(entityName));
        }

        activityTables.Add(entityName);
    }

    public bool IsActivityTable(string entityName) => entityName is not null && activityTables.Contains(entityName);

    /// <summary>The participation type of a party list, regarding or owner column of an activity; null for any other column.</summary>
    public static int? PartyMaskOf(string column) => PartyMasks.TryGetValue(column, out var mask) ? mask : null;

    /// <summary>True while a top-level operation is running.</summary>
    public bool InTransaction => journal is not null;

    /// <summary>
    /// Adds a row directly, bypassing the pipeline (test set-up, e.g. 12,000 contacts): no plug-in runs
    /// and nothing is counted. A given <c>createdon</c> is kept; otherwise the clock's time is used.
    /// </summary>
    public Guid Seed(Entity entity)
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("Seed rows before running operations, not from inside one.");
        }

        return Insert(entity, keepCreatedOn: true);
    }

    /// <summary>A copy of the row with every stored column, or null.</summary>
    public Entity? Find(string entityName, Guid id) =>
        Table(entityName).TryGetValue(id, out var row) ? AttributeValues.Copy(row) : null;

    /// <summary>A copy of the row with every stored column.</summary>
    public Entity Get(string entityName, Guid id) =>
        Find(entityName, id) ?? throw NotFound(entityName, id);

    /// <summary>Copies of every row of a table, in id order.</summary>
    public IReadOnlyList<Entity> All(string entityName) =>
        Table(entityName).Values.OrderBy(r => r.Id).Select(r => AttributeValues.Copy(r)).ToList();

    public int Count(string entityName) => Table(entityName).Count;

    internal static KeyNotFoundException NotFound(string entityName, Guid id) =>
        new($"{entityName} With Id = {id} Does Not Exist");

    /// <summary>The stored rows; for activitypointer, a read-only view of every activity row with its activitytypecode.</summary>
    internal IEnumerable<Entity> Rows(string entityName) =>
        entityName == ActivityPointer
            ? activityTables.OrderBy(t => t, StringComparer.Ordinal).SelectMany(t => Table(t).Values.Select(row => PointerOf(t, row)))
            : Table(entityName).Values;

    private static Entity PointerOf(string table, Entity row)
    {
        var pointer = new Entity(ActivityPointer, row.Id);
        foreach (var pair in row.Attributes)
        {
            if (PartyMaskOf(pair.Key) is null or 8 or 9)
            {
                pointer[pair.Key] = pair.Value;
            }
        }

        pointer[ActivityTypeCode] = table;
        return pointer;
    }

    internal Entity? Row(string entityName, Guid id) => Table(entityName).TryGetValue(id, out var row) ? row : null;

    internal Guid Insert(Entity entity, bool keepCreatedOn)
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        if (string.IsNullOrEmpty(entity.LogicalName))
        {
            throw new ArgumentException("The entity has no LogicalName.", nameof(entity));
        }

        if (entity.LogicalName == ActivityPointer)
        {
            throw new NotSupportedException("activitypointer has no Create, Update or Delete: write an activity table (phonecall, appointment, email …).");
        }

        var idColumn = IdColumnOf(entity.LogicalName);
        var id = entity.Id != Guid.Empty ? entity.Id
            : entity.Attributes.TryGetValue(idColumn, out var given) && given is Guid fromColumn && fromColumn != Guid.Empty ? fromColumn
            : newId();
        var table = Table(entity.LogicalName);
        if (table.ContainsKey(id))
        {
            throw new InvalidOperationException($"Cannot insert duplicate key: a {entity.LogicalName} with id {id} already exists.");
        }

        var row = new Entity(entity.LogicalName, id);
        foreach (var pair in entity.Attributes)
        {
            if (!IsEmpty(pair.Value))
            {
                row[pair.Key] = AttributeValues.Copy(pair.Key, pair.Value);
            }
        }

        row[idColumn] = id;
        if (!keepCreatedOn || !row.Contains(CreatedOn))
        {
            row[CreatedOn] = clock();
        }

        if (!keepCreatedOn || !row.Contains(ModifiedOn))
        {
            row[ModifiedOn] = row[CreatedOn];
        }

        if (!row.Contains(StateCode))
        {
            row[StateCode] = new OptionSetValue(ActiveState);
        }

        Touch(entity.LogicalName, id);
        table.Add(id, row);
        if (IsActivityTable(entity.LogicalName))
        {
            foreach (var column in PartyMasks.Keys)
            {
                if (row.Attributes.TryGetValue(column, out var value))
                {
                    AddParties(id, column, value);
                }
            }
        }

        return id;
    }

    /// <summary>One activityparty row per entry of a party list (or the regarding record, or the owner).</summary>
    private void AddParties(Guid activityId, string column, object? value)
    {
        var mask = PartyMasks[column];
        var parties = value switch
        {
            EntityCollection list => list.Entities.Select(e => (EntityReference?)e.GetAttributeValue<EntityReference>(PartyId)).ToList(),
            EntityReference single => new List<EntityReference?> { single },
            null => new List<EntityReference?>(),
            _ => throw new NotSupportedException($"Column '{column}' of an activity holds activityparty entities (EntityCollection) or one lookup, not {value.GetType().Name}."),
        };
        foreach (var party in parties)
        {
            if (party is null)
            {
                throw new NotSupportedException($"An entry of '{column}' has no partyid: the harness models parties that are records.");
            }

            var id = newId();
            var row = new Entity(ActivityParty, id)
            {
                [IdColumn(ActivityParty)] = id,
                [ActivityId] = new EntityReference(ActivityPointer, activityId),
                [PartyId] = new EntityReference(party.LogicalName, party.Id),
                [ParticipationTypeMask] = new OptionSetValue(mask),
            };
            Touch(ActivityParty, id);
            Table(ActivityParty).Add(id, row);
        }
    }

    private void RemoveParties(Guid activityId, int? mask)
    {
        var parties = Table(ActivityParty);
        foreach (var party in parties.Values.Where(p => p.GetAttributeValue<EntityReference>(ActivityId)?.Id == activityId
            && (mask is null || p.GetAttributeValue<OptionSetValue>(ParticipationTypeMask)?.Value == mask)).ToList())
        {
            Touch(ActivityParty, party.Id);
            parties.Remove(party.Id);
        }
    }

    /// <summary>Writes the given columns over the stored row; a column given as null (or empty text) is cleared.</summary>
    internal void Apply(Entity changes, Guid id)
    {
        var row = Row(changes.LogicalName, id) ?? throw NotFound(changes.LogicalName, id);
        var idColumn = IdColumnOf(changes.LogicalName);
        var activity = IsActivityTable(changes.LogicalName);
        Touch(changes.LogicalName, id);
        row[ModifiedOn] = clock();
        foreach (var pair in changes.Attributes)
        {
            if (string.Equals(pair.Key, idColumn, StringComparison.Ordinal) || string.Equals(pair.Key, ModifiedOn, StringComparison.Ordinal))
            {
                continue;
            }

            if (activity && PartyMaskOf(pair.Key) is { } mask)
            {
                RemoveParties(id, mask);
                AddParties(id, pair.Key, pair.Value);
            }

            if (IsEmpty(pair.Value))
            {
                row.Attributes.Remove(pair.Key);
            }
            else
            {
                row[pair.Key] = AttributeValues.Copy(pair.Key, pair.Value);
            }
        }
    }

    internal void Remove(string entityName, Guid id)
    {
        if (Row(entityName, id) is null)
        {
            throw NotFound(entityName, id);
        }

        Touch(entityName, id);
        Table(entityName).Remove(id);
        if (IsActivityTable(entityName))
        {
            RemoveParties(id, null);
        }
    }

    internal void Begin()
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("A top-level operation is already running.");
        }

        journal = new Dictionary<(string, Guid), Entity?>();
    }

    internal void Commit() => journal = null;

    /// <summary>Puts every row the operation touched back as it was before the operation.</summary>
    internal void Rollback()
    {
        var undo = journal ?? throw new InvalidOperationException("No top-level operation is running.");
        journal = null;
        foreach (var pair in undo)
        {
            var table = Table(pair.Key.Entity);
            table.Remove(pair.Key.Id);
            if (pair.Value is not null)
            {
                table.Add(pair.Key.Id, pair.Value);
            }
        }
    }

    /// <summary>Dataverse stores empty text and an empty multi-select as null: such a column reads back absent.</summary>
    private static bool IsEmpty(object? value) => value is null or string { Length: 0 } or OptionSetValueCollection { Count: 0 };

    /// <summary>Records a row's state before the operation's first change to it.</summary>
    private void Touch(string entityName, Guid id)
    {
        if (journal is not null && !journal.ContainsKey((entityName, id)))
        {
            var before = Row(entityName, id);
            journal.Add((entityName, id), before is null ? null : AttributeValues.Copy(before));
        }
    }

    private Dictionary<Guid, Entity> Table(string entityName)
    {
        if (!tables.TryGetValue(entityName, out var table))
        {
            table = new Dictionary<Guid, Entity>();
            tables.Add(entityName, table);
        }

        return table;
    }
}

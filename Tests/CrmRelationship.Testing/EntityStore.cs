using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The rows of the in-memory organization, with the defaults the platform gives a new row (its id
/// column, <c>createdon</c>, <c>statecode</c> 0) and a journal that undoes every change of a
/// top-level operation when a plug-in aborts it, as the platform's transaction does. Tests read rows
/// here directly: reads through the store are not service calls and are never counted.
/// </summary>
public sealed class EntityStore
{
    // Columns the platform sets on every new row.
    private const string CreatedOn = "createdon";
    private const string StateCode = "statecode";
    private const int ActiveState = 0;

    private readonly Dictionary<string, Dictionary<Guid, Entity>> tables = new(StringComparer.Ordinal);
    private readonly Func<DateTime> clock;
    private readonly Func<Guid> newId;
    private Dictionary<(string Entity, Guid Id), Entity?>? journal;

    internal EntityStore(Func<DateTime> clock, Func<Guid> newId)
    {
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.newId = newId ?? throw new ArgumentNullException(nameof(newId));
    }

    /// <summary>The id column of a table by the platform's convention (<c>contact</c> → <c>contactid</c>).</summary>
    public static string IdColumn(string entityName) => entityName + "id";

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

    internal IEnumerable<Entity> Rows(string entityName) => Table(entityName).Values;

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

        var idColumn = IdColumn(entity.LogicalName);
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

        if (!row.Contains(StateCode))
        {
            row[StateCode] = new OptionSetValue(ActiveState);
        }

        Touch(entity.LogicalName, id);
        table.Add(id, row);
        return id;
    }

    /// <summary>Writes the given columns over the stored row; a column given as null (or empty text) is cleared.</summary>
    internal void Apply(Entity changes, Guid id)
    {
        var row = Row(changes.LogicalName, id) ?? throw NotFound(changes.LogicalName, id);
        var idColumn = IdColumn(changes.LogicalName);
        Touch(changes.LogicalName, id);
        foreach (var pair in changes.Attributes)
        {
            if (string.Equals(pair.Key, idColumn, StringComparison.Ordinal))
            {
                continue;
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

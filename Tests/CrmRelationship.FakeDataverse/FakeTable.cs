using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.FakeDataverse;

/// <summary>A lookup's stored value: the record it points to and that record's table.</summary>
public readonly record struct FakeLookup(Guid Id, string Table);

/// <summary>
/// One in-memory table of the fake: records by id, each a map from column name to the value as the Web API carries it
/// (option values as int, multi-selects as "v1,v2", dates as yyyy-MM-dd or ISO text, lookups as <see cref="FakeLookup"/>),
/// and how many times each record was written. Thread-safe; a write of many records is applied whole or not at all.
/// </summary>
public sealed class FakeTable
{
    private readonly Dictionary<Guid, Dictionary<string, object?>> records = new();
    private readonly Dictionary<Guid, int> writes = new();
    private readonly List<FakeColumn> columns;

    internal FakeTable(string logicalName, string entitySet, IReadOnlyList<FakeColumn> columns)
    {
        LogicalName = logicalName;
        EntitySet = entitySet;
        this.columns = columns.ToList();
    }

    public string LogicalName { get; }

    public string EntitySet { get; }

    public string IdColumn => columns[0].Name;

    internal object Gate { get; } = new();

    public IReadOnlyList<FakeColumn> Columns
    {
        get
        {
            lock (Gate)
            {
                return columns.ToList();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (Gate)
            {
                return records.Count;
            }
        }
    }

    /// <summary>Removes a column, as in an environment whose solution is older than crmrel.</summary>
    public void RemoveColumn(string name)
    {
        lock (Gate)
        {
            columns.RemoveAll(c => c.Name == name);
        }
    }

    /// <summary>Renames an option's label (another language, or a label changed in the environment).</summary>
    public void RelabelOption(string column, int optionValue, string label)
    {
        lock (Gate)
        {
            var index = columns.FindIndex(c => c.Name == column);
            var options = columns[index].Options!.ToDictionary(p => p.Key, p => p.Value);
            options[optionValue] = label;
            columns[index] = columns[index] with { Options = options };
        }
    }

    public void Add(Guid id, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (Gate)
        {
            var record = new Dictionary<string, object?>(values, StringComparer.Ordinal) { [IdColumn] = id };
            records.Add(id, record);
        }
    }

    public bool Contains(Guid id)
    {
        lock (Gate)
        {
            return records.ContainsKey(id);
        }
    }

    /// <summary>A copy of the record's values.</summary>
    public IReadOnlyDictionary<string, object?> Record(Guid id)
    {
        lock (Gate)
        {
            return new Dictionary<string, object?>(records[id], StringComparer.Ordinal);
        }
    }

    public object? Value(Guid id, string column)
    {
        lock (Gate)
        {
            return records[id].TryGetValue(column, out var value) ? value : null;
        }
    }

    /// <summary>Sets values without counting a write (a test arranging data, or a user's edit).</summary>
    public void Set(Guid id, string column, object? value)
    {
        lock (Gate)
        {
            records[id][column] = value;
        }
    }

    public IReadOnlyList<Guid> Ids()
    {
        lock (Gate)
        {
            return records.Keys.OrderBy(k => k.ToString("D"), StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>How many writes (UpdateMultiple targets or PATCHes) reached the record.</summary>
    public int Writes(Guid id)
    {
        lock (Gate)
        {
            return writes.TryGetValue(id, out var count) ? count : 0;
        }
    }

    public IReadOnlyDictionary<Guid, int> AllWrites()
    {
        lock (Gate)
        {
            return new Dictionary<Guid, int>(writes);
        }
    }

    public long TotalWrites
    {
        get
        {
            lock (Gate)
            {
                return writes.Values.Sum(v => (long)v);
            }
        }
    }

    public void ResetWrites()
    {
        lock (Gate)
        {
            writes.Clear();
        }
    }

    internal FakeColumn? Column(string name) => columns.Find(c => c.Name == name);

    internal FakeColumn? ColumnByProperty(string property) => columns.Find(c => c.Property == property);

    internal FakeColumn? ColumnByNavigation(string navigation) => columns.Find(c => c.Navigation == navigation);

    /// <summary>Records in page order (by id text), each a snapshot. Callers hold <see cref="Gate"/>.</summary>
    internal IEnumerable<KeyValuePair<Guid, Dictionary<string, object?>>> Ordered() =>
        records.OrderBy(r => r.Key.ToString("D"), StringComparer.Ordinal);

    internal bool TryGet(Guid id, out Dictionary<string, object?> record) => records.TryGetValue(id, out record!);

    internal void Apply(Guid id, IReadOnlyDictionary<string, object?> values)
    {
        var record = records[id];
        foreach (var value in values)
        {
            record[value.Key] = value.Value;
        }

        writes[id] = writes.TryGetValue(id, out var count) ? count + 1 : 1;
    }
}

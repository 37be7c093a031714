using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.DataCollection&lt;TKey,TValue&gt;</c>, written from the
/// documented signature. Base of the keyed SDK collections (attributes, parameters, images): every
/// member lives here, not on the derived classes, because compiled callers reference it here.
/// Behaviour: dictionary semantics, <see cref="KeyNotFoundException"/> from the indexer for a missing
/// key, and <see cref="InvalidOperationException"/> from every mutator while <see cref="IsReadOnly"/>.
/// </summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
{
    private readonly IDictionary<TKey, TValue> items;

    protected internal DataCollection(IDictionary<TKey, TValue> collection)
    {
        this.items = collection ?? throw new ArgumentNullException(nameof(collection));
    }

    protected internal DataCollection()
    {
        this.items = new Dictionary<TKey, TValue>();
    }

    public virtual TValue this[TKey key]
    {
        get => this.items[key];
        set
        {
            ThrowIfReadOnly();
            this.items[key] = value;
        }
    }

    public int Count => this.items.Count;

    public ICollection<TKey> Keys => this.items.Keys;

    public ICollection<TValue> Values => this.items.Values;

    public virtual bool IsReadOnly { get; internal set; }

    public void Add(KeyValuePair<TKey, TValue> item)
    {
        ThrowIfReadOnly();
        this.items.Add(item);
    }

    public void AddRange(params KeyValuePair<TKey, TValue>[] items)
    {
        AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
    }

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        ThrowIfReadOnly();
        foreach (var item in items)
        {
            this.items.Add(item);
        }
    }

    public void Add(TKey key, TValue value)
    {
        ThrowIfReadOnly();
        this.items.Add(key, value);
    }

    public void Clear()
    {
        ThrowIfReadOnly();
        this.items.Clear();
    }

    public bool Contains(TKey key) => this.items.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => this.items.Contains(key);

    public bool TryGetValue(TKey key, out TValue value) => this.items.TryGetValue(key, out value);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => this.items.CopyTo(array, arrayIndex);

    public bool ContainsKey(TKey key) => this.items.ContainsKey(key);

    public bool Remove(TKey key)
    {
        ThrowIfReadOnly();
        return this.items.Remove(key);
    }

    public bool Remove(KeyValuePair<TKey, TValue> item)
    {
        ThrowIfReadOnly();
        return this.items.Remove(item);
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => this.items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("The collection is read-only.");
        }
    }
}

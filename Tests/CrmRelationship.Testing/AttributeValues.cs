using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The column values the in-memory organization accepts. Values are copied on the way in and out,
/// as serialization does between a real client, the platform and a sandboxed plug-in, so nobody can
/// change a stored record by keeping a reference. Comparison follows Dataverse queries: a choice
/// compares by its value, a lookup by its id, text without regard to case.
/// </summary>
internal static class AttributeValues
{
    /// <summary>A copy of a value, or <see cref="NotSupportedException"/> for a type the store does not model.</summary>
    public static object? Copy(string column, object? value) => value switch
    {
        null => null,
        string or int or long or decimal or double or bool or Guid or DateTime => value,
        OptionSetValue option => new OptionSetValue(option.Value),
        EntityReference reference => new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name },
        OptionSetValueCollection options => new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection parties => new EntityCollection(parties.Entities.Select(e => Copy(e)).ToList()) { EntityName = parties.EntityName },
        AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, Copy(column, aliased.Value)!),
        _ => throw new NotSupportedException(
            $"The in-memory organization does not model values of type {value.GetType().FullName} (column '{column}')."),
    };

    /// <summary>A copy of an entity: every attribute, or only <paramref name="columns"/> that have a value.</summary>
    public static Entity Copy(Entity entity, IEnumerable<string>? columns = null)
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        var copy = new Entity(entity.LogicalName, entity.Id);
        if (columns is null)
        {
            foreach (var pair in entity.Attributes)
            {
                copy[pair.Key] = Copy(pair.Key, pair.Value);
            }

            return copy;
        }

        foreach (var column in columns)
        {
            if (entity.Attributes.TryGetValue(column, out var value) && value is not null)
            {
                copy[column] = Copy(column, value);
            }
        }

        return copy;
    }

    /// <summary>True when a stored value equals a condition value (Equal operator).</summary>
    public static bool AreEqual(string column, object stored, object conditionValue) =>
        Compare(column, stored, conditionValue, forEquality: true) == 0;

    /// <summary>Orders two stored values of one column; null sorts first, as in SQL.</summary>
    public static int Compare(string column, object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return Compare(column, x, y, forEquality: false);
    }

    private static int Compare(string column, object x, object y, bool forEquality)
    {
        var a = Comparable(column, x);
        var b = Comparable(column, y);
        switch (a)
        {
            case decimal da when b is decimal db:
                return da.CompareTo(db);
            case Guid ga when b is Guid gb:
                return ga.CompareTo(gb);
            case string sa when b is string sb:
                return forEquality
                    ? (string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    : string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
            case DateTime ta when b is DateTime tb:
                return ta.CompareTo(tb);
            case bool ba when b is bool bb:
                return ba.CompareTo(bb);
            default:
                throw new NotSupportedException(
                    $"The in-memory organization cannot compare column '{column}': {x.GetType().Name} with {y.GetType().Name}.");
        }
    }

    /// <summary>Choices by value, lookups by id, every number as decimal.</summary>
    private static object Comparable(string column, object value) => value switch
    {
        OptionSetValue option => (decimal)option.Value,
        EntityReference reference => reference.Id,
        int or long or decimal or double => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        Guid or string or DateTime or bool => value,
        _ => throw new NotSupportedException(
            $"The in-memory organization cannot compare values of type {value.GetType().FullName} (column '{column}')."),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The columns of contact and account that this solution's views, forms, charts and step images may use: its own
/// (Entity.xml) and the system columns of <see cref="SystemColumns"/>, the list crmrel pack checks against, so that a
/// typo in a system column's name fails a test as it fails the pack.
/// </summary>
internal static class KnownColumns
{
    /// <summary>Columns of <paramref name="entity"/> a solution component may reference: system + Entity.xml.</summary>
    public static ISet<string> Of(string entity) =>
        SystemColumns.Of(entity).Concat(Fixture.Source.Entities.Where(e => e.LogicalName == entity).SelectMany(e => e.Columns).Select(c => c.LogicalName))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The names in <paramref name="used"/> that <paramref name="entity"/> does not have.</summary>
    public static IReadOnlyList<string> Unknown(string entity, IEnumerable<string> used)
    {
        var known = Of(entity);
        return used.Where(u => !known.Contains(u)).Distinct(StringComparer.Ordinal).ToList();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The standard columns of contact and account that this solution's views, forms, charts and step images
/// may use besides its own: listed explicitly, so that a typo in a standard name still fails a test.
/// </summary>
internal static class KnownColumns
{
    private static readonly Dictionary<string, string[]> Standard = new Dictionary<string, string[]>
    {
        ["contact"] =
        [
            "contactid", "fullname", "firstname", "lastname", "jobtitle", "parentcustomerid",
            "emailaddress1", "telephone1", "ownerid", "statecode", "createdon",
        ],
        ["account"] = ["accountid", "name", "telephone1", "websiteurl", "ownerid", "statecode", "createdon"],
    };

    /// <summary>Columns of <paramref name="entity"/> a solution component may reference: standard + Entity.xml.</summary>
    public static ISet<string> Of(string entity) =>
        Standard[entity].Concat(Fixture.Source.Entity(entity).Columns.Select(c => c.LogicalName))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The names in <paramref name="used"/> that <paramref name="entity"/> does not have.</summary>
    public static IReadOnlyList<string> Unknown(string entity, IEnumerable<string> used)
    {
        var known = Of(entity);
        return used.Where(u => !known.Contains(u)).Distinct(StringComparer.Ordinal).ToList();
    }
}

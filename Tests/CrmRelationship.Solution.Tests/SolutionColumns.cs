using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Solution.Tests;

/// <summary>The columns the solution holds, as docs/dataverse-schema.md lists them for each table.</summary>
internal static class SolutionColumns
{
    /// <summary>Every column of <paramref name="entity"/> the solution defines.</summary>
    public static IReadOnlyList<ColumnSpec> Of(string entity) => Fixture.Page.ColumnsOf(entity);

    /// <summary>The logical names of the columns only the plug-ins write.</summary>
    public static IReadOnlyList<string> ComputedOf(string entity) => Of(entity).Where(c => !c.IsInput).Select(c => c.LogicalName).ToList();
}

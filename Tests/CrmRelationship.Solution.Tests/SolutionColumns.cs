using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The columns the solution holds: those of the schema page plus the one it adds. rel_actionurgency is
/// the rank of the recommended action (relationship-model.md §2); the page asks for views "sorted by
/// urgency", and a view can sort a choice only by its label or its value, neither of which is that order.
/// It is a computed column like the others, on both tables, but kept off the forms (the action says it).
/// </summary>
internal static class SolutionColumns
{
    public static readonly ColumnSpec ActionUrgency = new("rel_actionurgency", "whole number 1..11", "Action urgency", IsInput: false);

    /// <summary>Every column of <paramref name="entity"/> the solution defines: the page's, then the urgency key (on both tables).</summary>
    public static IReadOnlyList<ColumnSpec> Of(string entity) => Fixture.Page.ColumnsOf(entity).Append(ActionUrgency).ToList();

    /// <summary>The logical names of the columns only the plug-ins write.</summary>
    public static IReadOnlyList<string> ComputedOf(string entity) => Of(entity).Where(c => !c.IsInput).Select(c => c.LogicalName).ToList();
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// A table of <c>Entities/&lt;Name&gt;/Entity.xml</c>. For the system tables contact and account the file
/// carries only this solution's columns (the table is a shell root component, behavior 2).
/// </summary>
/// <param name="SchemaName">The folder and Name element, e.g. Contact.</param>
public sealed record EntityDefinition(string SchemaName, IReadOnlyList<ColumnDefinition> Columns)
{
    public string LogicalName => SchemaName.ToLowerInvariant();

    public ColumnDefinition? Column(string logicalName) =>
        Columns.FirstOrDefault(c => string.Equals(c.LogicalName, logicalName, StringComparison.Ordinal));
}

/// <summary>A column (attribute) as the solution defines it.</summary>
/// <param name="AttributeType">The Type element: picklist, multiselectpicklist, datetime, int, decimal, ntext, lookup…</param>
/// <param name="OptionSetName">The global choice a (multi-)choice column is bound to.</param>
/// <param name="Format">date or datetime for dates, textarea for memos, none for whole numbers.</param>
/// <param name="DateTimeBehavior">1 UserLocal, 2 DateOnly, 3 TimeZoneIndependent.</param>
/// <param name="Accuracy">The decimal places of a decimal column.</param>
public sealed record ColumnDefinition(
    string SchemaName,
    string LogicalName,
    string AttributeType,
    string DisplayName,
    string Description,
    string? OptionSetName,
    string? Format,
    double? MinValue,
    double? MaxValue,
    int? MaxLength,
    int? DateTimeBehavior,
    bool IsAuditEnabled,
    string RequiredLevel,
    int? Accuracy = null);
